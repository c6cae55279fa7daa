import { describe, expect, it } from 'vitest';
import {
  BodyError,
  MAX_FIELDS,
  MAX_REPEATS,
  parseJson,
  parseMultipart,
  parseUrlencoded,
} from './body.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

function refusal(fn: () => unknown): { status: number; message: string } | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof BodyError) return { status: err.status, message: err.message };
    throw err;
  }
  return undefined;
}

describe('body parsing caps', () => {
  it('collects repeated fields in order, up to MAX_REPEATS values', () => {
    const values = parseUrlencoded(
      bytes(Array.from({ length: MAX_REPEATS }, (_, i) => `a=${i}`).join('&') + '&b=1'),
    );
    expect(values.a).toEqual(Array.from({ length: MAX_REPEATS }, (_, i) => String(i)));
    expect(values.b).toBe('1');
  });

  it('refuses one field repeated past MAX_REPEATS (422) and more than MAX_FIELDS fields (413), in Vietnamese', () => {
    expect(
      refusal(() =>
        parseUrlencoded(
          bytes(
            Array(MAX_REPEATS + 1)
              .fill('a=x')
              .join('&'),
          ),
        ),
      ),
    ).toMatchObject({ status: 422, message: expect.stringContaining('quá nhiều lần') });
    expect(
      refusal(() =>
        parseUrlencoded(
          bytes(Array.from({ length: MAX_FIELDS + 1 }, (_, i) => `k${i}=x`).join('&')),
        ),
      ),
    ).toMatchObject({ status: 413, message: expect.stringContaining('quá nhiều trường') });
    // The 64 KiB body that once froze the process: refused, not collected.
    expect(refusal(() => parseUrlencoded(bytes('a&'.repeat(32_000))))?.status).toBe(422);
    expect(
      refusal(() =>
        parseUrlencoded(bytes(Array.from({ length: 20_000 }, (_, i) => `k${i}`).join('&'))),
      )?.status,
    ).toBe(413);
  });

  it('holds JSON to the same caps', () => {
    expect(
      refusal(() =>
        parseJson(bytes(JSON.stringify({ supportNeeds: Array(MAX_REPEATS + 1).fill('x') }))),
      )?.status,
    ).toBe(422);
    const manyKeys = Object.fromEntries(
      Array.from({ length: MAX_FIELDS + 1 }, (_, i) => [`k${i}`, 1]),
    );
    expect(refusal(() => parseJson(bytes(JSON.stringify(manyKeys))))?.status).toBe(413);
    expect(
      refusal(() => parseJson(bytes(JSON.stringify(Array(MAX_FIELDS + 1).fill(0)))))?.status,
    ).toBe(413);
    expect(parseJson(bytes('{"supportNeeds":["a","b"]}'))).toEqual({ supportNeeds: ['a', 'b'] });
  });

  it('holds multipart to the same caps', async () => {
    const form = new FormData();
    for (let i = 0; i <= MAX_REPEATS; i++) form.append('supportNeeds', 'x');
    const req = new Request('http://localhost/', { method: 'POST', body: form });
    const type = req.headers.get('content-type')!;
    const body = new Uint8Array(await req.arrayBuffer());
    await expect(parseMultipart(body, type)).rejects.toMatchObject({ status: 422 });
  });
});
