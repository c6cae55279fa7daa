/**
 * Reads a request body defensively: at most a byte limit, strict UTF-8, and
 * JSON, urlencoded or multipart parsed into plain key → value maps. Every way
 * a body can be wrong ends in a BodyError with an HTTP status and a
 * Vietnamese message, never in an exception that becomes a 5xx. Parsing is
 * linear in the body, and the number of fields (413) and of values of one
 * field (422) are capped: 64 KiB of "a&a&a…" once froze the process 4.5 s.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Context } from 'hono';

export const BODY_LIMIT = 64 * 1024;

export type BodyKind = 'json' | 'form';

export class BodyError extends Error {
  readonly status: 400 | 413 | 415 | 422;

  constructor(status: 400 | 413 | 415 | 422, message: string) {
    super(message);
    this.status = status;
  }
}

export const TOO_LARGE = 'Dữ liệu gửi lên quá lớn (tối đa 64 KiB).';
export const BAD_TYPE =
  'Chỉ nhận dữ liệu dạng application/json, application/x-www-form-urlencoded hoặc multipart/form-data.';
export const BAD_UTF8 = 'Dữ liệu gửi lên không đúng bảng mã UTF-8.';
export const BAD_JSON = 'Dữ liệu JSON không đọc được.';
export const BAD_FORM = 'Dữ liệu biểu mẫu không đọc được.';
export const UNREADABLE = 'Không đọc được dữ liệu gửi lên.';
/** Most fields in one body (the form has about 20, with up to 20 support needs). */
export const MAX_FIELDS = 200;
/** Most values of one field (supportNeeds allows 20; the schema words that limit itself). */
export const MAX_REPEATS = 50;
export const TOO_MANY_FIELDS = `Dữ liệu gửi lên có quá nhiều trường (tối đa ${MAX_FIELDS}).`;
export const TOO_MANY_REPEATS = `Một trường được gửi quá nhiều lần (tối đa ${MAX_REPEATS} giá trị).`;

/** The media type of the request, lower case, without parameters. */
export function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export function bodyKind(c: Context): BodyKind | null {
  const type = mediaType(c);
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return 'json';
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') return 'form';
  return null;
}

/** The raw body, refused with 413 as soon as it passes `limit` bytes. */
export async function readBytes(c: Context, limit = BODY_LIMIT): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new BodyError(413, TOO_LARGE);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const chunks =
    incoming instanceof Readable && !incoming.readableDidRead
      ? await readNodeStream(incoming, limit)
      : await readWebStream(c.req.raw.body, limit);
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** Straight from Node's request stream (under @hono/node-server): no web-stream wrapper per request. */
function readNodeStream(incoming: IncomingMessage, limit: number): Promise<Uint8Array[]> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (err?: BodyError) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      if (err) {
        incoming.pause(); // Node discards the rest after the answer; we stop holding it in memory.
        fail(err);
      } else ok(chunks);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) done(new BodyError(413, TOO_LARGE));
      else chunks.push(chunk);
    };
    const onEnd = () => done();
    const onError = () => done(new BodyError(400, UNREADABLE));
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}

async function readWebStream(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array[]> {
  if (!stream) return [];
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return chunks;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw new BodyError(413, TOO_LARGE);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof BodyError) throw err;
    throw new BodyError(400, UNREADABLE);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BodyError(422, BAD_UTF8);
  }
}

export function parseJson(bytes: Uint8Array): unknown {
  const text = decodeUtf8(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(422, BAD_JSON);
  }
  checkJsonShape(data);
  return data;
}

/** Form fields as key → string, or string[] when repeated. */
export type FormValues = Record<string, string | string[]>;

/** Collects fields into FormValues with the caps applied; O(1) per value (a repeated field's array grows in place). */
class FieldCollector {
  readonly values: FormValues = Object.create(null) as FormValues;
  private fields = 0;

  add(key: string, value: string): void {
    if (++this.fields > MAX_FIELDS) throw new BodyError(413, TOO_MANY_FIELDS);
    if (key === '__proto__') return;
    const prev = this.values[key];
    if (prev === undefined) this.values[key] = value;
    else if (typeof prev === 'string') this.values[key] = [prev, value];
    else if (prev.length >= MAX_REPEATS) throw new BodyError(422, TOO_MANY_REPEATS);
    else prev.push(value);
  }
}

/** A parsed JSON body held to the same caps: at most MAX_FIELDS keys, each list at most MAX_REPEATS items. */
function checkJsonShape(data: unknown): void {
  if (!data || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    if (data.length > MAX_FIELDS) throw new BodyError(413, TOO_MANY_FIELDS);
    return;
  }
  let fields = 0;
  for (const key in data) {
    if (++fields > MAX_FIELDS) throw new BodyError(413, TOO_MANY_FIELDS);
    const value = (data as Record<string, unknown>)[key];
    if (Array.isArray(value) && value.length > MAX_REPEATS)
      throw new BodyError(422, TOO_MANY_REPEATS);
  }
}

/** application/x-www-form-urlencoded, with broken percent-encoding or UTF-8 refused rather than guessed. */
export function parseUrlencoded(bytes: Uint8Array): FormValues {
  const text = decodeUtf8(bytes);
  const fields = new FieldCollector();
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    const pair = text.slice(start, end);
    start = end + 1;
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    let key: string, value: string;
    try {
      key = decodeURIComponent(rawKey.replaceAll('+', ' '));
      value = decodeURIComponent(rawValue.replaceAll('+', ' '));
    } catch {
      throw new BodyError(422, BAD_UTF8);
    }
    fields.add(key, value);
  }
  return fields.values;
}

/** multipart/form-data through the platform's parser; uploaded files are ignored. */
export async function parseMultipart(bytes: Uint8Array, contentType: string): Promise<FormValues> {
  let data: FormData;
  try {
    data = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw new BodyError(422, BAD_FORM);
  }
  const fields = new FieldCollector();
  for (const [key, value] of data) if (typeof value === 'string') fields.add(key, value);
  return fields.values;
}

/** Reads and parses the body by its content type; 415 for any other type. */
export async function readBody(c: Context): Promise<{ kind: BodyKind; data: unknown }> {
  const kind = bodyKind(c);
  if (!kind) throw new BodyError(415, BAD_TYPE);
  const bytes = await readBytes(c);
  if (kind === 'json') return { kind, data: parseJson(bytes) };
  if (mediaType(c) === 'multipart/form-data')
    return { kind, data: await parseMultipart(bytes, c.req.header('content-type')!) };
  return { kind, data: parseUrlencoded(bytes) };
}
