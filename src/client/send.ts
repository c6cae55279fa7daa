/** Sends a registration as JSON and turns every possible answer into one outcome with a Vietnamese message. */
import type { FieldError } from '../domain/registration.ts';
import type { RegistrationBody } from './form-values.ts';

export type SendOutcome =
  | { kind: 'sent'; receipt: string }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'failed'; message: string };

const KEPT = 'Những gì bạn đã nhập vẫn được giữ trên máy này.';

function retryText(header: string | null): string {
  const seconds = Number(header);
  if (!Number.isFinite(seconds) || seconds <= 0) return 'sau ít phút';
  return seconds < 90 ? `sau ${Math.ceil(seconds)} giây` : `sau ${Math.ceil(seconds / 60)} phút`;
}

export async function sendRegistration(
  action: string,
  body: RegistrationBody,
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return {
      kind: 'failed',
      message: `Không gửi được vì mất kết nối mạng. ${KEPT} Hãy kiểm tra kết nối rồi bấm “Gửi đăng ký” lần nữa.`,
    };
  }
  const json = (await response.json().catch(() => null)) as {
    receipt?: unknown;
    errors?: unknown;
  } | null;
  if ((response.status === 200 || response.status === 201) && typeof json?.receipt === 'string')
    return { kind: 'sent', receipt: json.receipt };
  if (response.status === 422 && Array.isArray(json?.errors))
    return { kind: 'invalid', errors: json.errors as FieldError[] };
  if (response.status === 429)
    return {
      kind: 'failed',
      message: `Bạn đã gửi nhiều lần trong thời gian ngắn. ${KEPT} Vui lòng thử lại ${retryText(response.headers.get('Retry-After'))}.`,
    };
  if (response.status === 413)
    return {
      kind: 'failed',
      message: `Nội dung quá dài nên không gửi được. Hãy rút ngắn phần mô tả rồi gửi lại. ${KEPT}`,
    };
  return {
    kind: 'failed',
    message: `Máy chủ chưa nhận được đăng ký (mã lỗi ${response.status}). ${KEPT} Vui lòng thử lại sau ít phút.`,
  };
}
