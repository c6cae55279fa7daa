/** A browser's cookie jar over a test app, just enough for the review UI's tests (sign-in, CSRF tokens, forms). */
import type { TestApp } from './helpers.ts';

export function cookieBrowser(app: () => TestApp) {
  return class Browser {
    cookies = new Map<string, string>();
    lastSetCookies: string[] = [];
    private readonly base: string;
    constructor(base = 'http://localhost') {
      this.base = base;
    }

    async request(path: string, init: RequestInit = {}): Promise<Response> {
      const headers = new Headers(init.headers);
      if (this.cookies.size)
        headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
      const res = await app().request(new URL(path, this.base).toString(), { ...init, headers });
      this.lastSetCookies = res.headers.getSetCookie();
      for (const c of this.lastSetCookies) {
        const [pair] = c.split(';');
        const [name, value] = pair!.split('=') as [string, string];
        if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c) || value === '')
          this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      return res;
    }

    post(path: string, fields: Record<string, string>): Promise<Response> {
      return this.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    }

    /** The CSRF token of the first form on a page. */
    static csrf(html: string): string {
      return /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    }

    async signIn(name: string, password: string): Promise<Response> {
      const page = await (await this.request('/quan-ly/dang-nhap')).text();
      return this.post('/quan-ly/dang-nhap', { _csrf: Browser.csrf(page), name, password });
    }
  };
}
