/** A real app over a real SQLite file in a temporary folder, a small dist/ fixture and a settable clock. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type ServiceApp } from '../../src/service/app.ts';
import { readConfig, type ServiceConfig } from '../../src/service/config.ts';
import { afterEach, beforeEach } from 'vitest';

export const CONFIRMATION_FIXTURE = `<!doctype html><html lang="vi"><body><h1>Đã nhận đăng ký</h1>
<p>Mã hồ sơ: <strong id="ma">%MA_HO_SO%</strong></p><p>Đợt: <span id="dot">%DOT%</span></p></body></html>`;

export interface TestApp {
  app: ServiceApp;
  config: ServiceConfig;
  logs: string[];
  clock: { now: Date };
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** A fresh app; RATE_LIMIT off unless given; the clock starts inside round 1. */
export function makeTestApp(
  overrides: Partial<ServiceConfig> = {},
  start = '2024-03-20T10:00:00+07:00',
): TestApp {
  const root = mkdtempSync(join(tmpdir(), 'ocop-service-'));
  const distDir = join(root, 'dist');
  mkdirSync(join(distDir, 'dang-ky', 'da-nhan'), { recursive: true });
  writeFileSync(join(distDir, 'dang-ky', 'da-nhan', 'index.html'), CONFIRMATION_FIXTURE);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Trang chủ</title>');
  writeFileSync(join(distDir, '404.html'), '<!doctype html><title>Không tìm thấy</title>');
  const config: ServiceConfig = {
    ...readConfig({}),
    dataDir: join(root, 'data'),
    distDir,
    rateLimit: 0,
    ...overrides,
  };
  const logs: string[] = [];
  const clock = { now: new Date(start) };
  const app = createApp(config, { log: (line) => logs.push(line), now: () => clock.now });
  return {
    app,
    config,
    logs,
    clock,
    request: (path, init) => Promise.resolve(app.request(path, init)),
    async close() {
      try {
        // Settles once the database's checkpoint thread has closed its connection too.
        await app.close();
      } finally {
        rmSync(root, { recursive: true, force: true, maxRetries: 5 });
      }
    },
  };
}

let n = 0;

/** A valid registration as JSON keys (submissionId unique per call). */
export function validBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  n++;
  return {
    submissionId: `test-${process.pid}-${n}-${Date.now()}`,
    producerName: 'Hợp tác xã Cà phê Quảng Sơn',
    producerType: 'hop-tac-xa',
    representative: 'Nguyễn Thị Hoà',
    phone: '+84 912.345-678',
    email: '',
    commune: 'xã Quảng Sơn',
    address: 'Thôn 2',
    businessId: '',
    productName: 'Cà phê bột nguyên chất',
    productGroup: 'thuc-pham',
    productStage: 'da-co',
    description: 'Rang mộc',
    supportNeeds: ['Bao bì, nhãn mác', 'Vốn, tín dụng'],
    consentProcessing: true,
    consentPublishName: true,
    ...extra,
  };
}

export function postJson(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  return t.request('/api/registrations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The same registration as the HTML form sends it (urlencoded, repeated keys for lists). */
export function formBody(body: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) v.forEach((item) => form.append(k, String(item)));
    else if (typeof v === 'boolean') {
      if (v) form.append(k, 'on');
    } else form.append(k, String(v));
  }
  return form;
}

export function postForm(
  t: TestApp,
  form: URLSearchParams | string,
  headers: Record<string, string> = {},
) {
  return t.request('/api/registrations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: form.toString(),
  });
}

export function basic(name: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` };
}

/** Adds an editor account straight through the store (the CLI has its own test). */
export async function addEditor(
  t: TestApp,
  name: string,
  password: string,
  commune: string | null = null,
): Promise<void> {
  await t.app.deps.accounts.add(name, password, commune);
}

export const EDITOR_PASSWORD = 'mật khẩu đủ dài 123';

/**
 * A fresh app per test with two accounts: "huyen" (every commune) and
 * "quangson" (quang-son only). Returns a getter for the current app.
 */
export function useAppWithTwoEditors(): () => TestApp {
  let t: TestApp;
  beforeEach(async () => {
    t = makeTestApp();
    await addEditor(t, 'huyen', EDITOR_PASSWORD);
    await addEditor(t, 'quangson', EDITOR_PASSWORD, 'quang-son');
  });
  afterEach(() => t.close());
  return () => t;
}
