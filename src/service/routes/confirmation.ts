/**
 * GET /dang-ky/da-nhan/?ma=RECEIPT: the built confirmation page with its
 * placeholders filled in on the server, so it shows the receipt and round
 * without JavaScript. Unknown or missing receipt → the same page, 404.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';
import { normaliseReceipt } from '../../domain/receipt.ts';
import { roundLabel, type Deps } from '../deps.ts';
import { esc, messagePage } from '../http/html.ts';
import { CONFIRMATION_PATH, lookupLimited, TOO_MANY_LOOKUPS } from './registrations.ts';

export const RECEIPT_PLACEHOLDER = '%MA_HO_SO%';
export const ROUND_PLACEHOLDER = '%DOT%';
export const NOT_FOUND_TEXT = '(không tìm thấy mã hồ sơ)';

export function mountConfirmationRoute(app: Hono, deps: Deps): void {
  const file = join(deps.config.distDir, 'dang-ky', 'da-nhan', 'index.html');
  const handler = async (c: Context) => {
    c.header('Cache-Control', 'no-store');
    let template: string;
    try {
      template = await readFile(file, 'utf8');
    } catch {
      // The site has not been built: still tell the producer their receipt.
      template = messagePage(
        'Đã nhận đăng ký',
        `Mã hồ sơ: ${RECEIPT_PLACEHOLDER} ${ROUND_PLACEHOLDER}`,
        '/',
      );
    }
    if (lookupLimited(c, deps))
      return c.html(messagePage('Tra cứu quá nhiều lần', TOO_MANY_LOOKUPS), 429);
    const ma = c.req.query('ma');
    const receipt = typeof ma === 'string' ? normaliseReceipt(ma) : null;
    const record = receipt ? deps.registrations.get(receipt) : undefined;
    const fill = (receiptText: string, roundText: string) =>
      template
        .replaceAll(RECEIPT_PLACEHOLDER, esc(receiptText))
        .replaceAll(ROUND_PLACEHOLDER, esc(roundText));
    if (!record) return c.html(fill(NOT_FOUND_TEXT, ''), 404);
    return c.html(fill(record.receipt, roundLabel(deps.content, record.round)), 200);
  };
  app.get(CONFIRMATION_PATH, handler);
  app.get(`${CONFIRMATION_PATH}index.html`, handler);
}
