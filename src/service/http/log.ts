/**
 * One JSON line per request: method, path (never the query), status, ms.
 * Nothing from bodies, headers or query strings, so no personal data.
 */
import type { MiddlewareHandler } from 'hono';

export type LogSink = (line: string) => void;

let pending: string[] = [];

/**
 * Lines to stdout, written together once per turn of the event loop: under
 * load that is one write for many requests instead of one each (stdout to a
 * pipe or file is synchronous on Linux).
 */
export const stdoutSink: LogSink = (line) => {
  if (pending.length === 0) setImmediate(flushLog);
  pending.push(line);
};

export function flushLog(): void {
  if (pending.length === 0) return;
  const text = pending.join('\n') + '\n';
  pending = [];
  process.stdout.write(text);
}

process.on('exit', flushLog);

export function requestLog(sink: LogSink): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    let status = 500;
    try {
      await next();
      status = c.res.status;
    } finally {
      sink(
        JSON.stringify({
          time: new Date().toISOString(),
          method: c.req.method,
          path: c.req.path.slice(0, 300),
          status,
          ms: Math.round((performance.now() - start) * 10) / 10,
        }),
      );
    }
  };
}
