/** Load from many clients that retry each submission until it is answered, as a careful form does. */

export interface LoadResult {
  /** submissionId → receipt for every submission answered 2xx. */
  acknowledged: Map<string, string>;
  attempts: number;
  failures: number;
  latenciesMs: number[];
}

let counter = 0;

/** A valid registration body with a unique submissionId. */
export function registrationBody(tag: string) {
  const n = ++counter;
  return {
    submissionId: `${tag}-${process.pid}-${n}-${Math.random().toString(36).slice(2, 10)}`,
    producerName: `Hợp tác xã thử nghiệm ${n}`,
    producerType: 'hop-tac-xa',
    representative: 'Nguyễn Văn Thử',
    phone: `09${String(10_000_000 + n).slice(-8)}`,
    commune: ['quang-son', 'Quảng Hoà', 'dak-ha', 'xã Đắk Som'][n % 4],
    address: 'Thôn 1',
    productName: `Cà phê bột số ${n}`,
    productGroup: 'thuc-pham',
    productStage: 'da-co',
    consentProcessing: true,
  };
}

/**
 * Runs `clients` loops until `shouldStop()`; each loop sends one submission and
 * retries it (same submissionId) after connection errors until it gets a 2xx.
 */
export async function runLoad(
  getUrl: () => string,
  clients: number,
  shouldStop: () => boolean,
  tag = 'load',
): Promise<LoadResult> {
  const result: LoadResult = { acknowledged: new Map(), attempts: 0, failures: 0, latenciesMs: [] };
  const loop = async () => {
    while (!shouldStop()) {
      const body = registrationBody(tag);
      for (;;) {
        result.attempts++;
        const started = performance.now();
        try {
          const res = await fetch(`${getUrl()}/api/registrations`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
          });
          const json = (await res.json()) as { receipt?: string };
          if (res.status === 200 || res.status === 201) {
            result.latenciesMs.push(performance.now() - started);
            const prior = result.acknowledged.get(body.submissionId);
            if (prior && prior !== json.receipt)
              throw new Error(
                `submission ${body.submissionId} got two receipts: ${prior}, ${json.receipt}`,
              );
            result.acknowledged.set(body.submissionId, json.receipt!);
            break;
          }
          throw new Error(`unexpected status ${res.status}: ${JSON.stringify(json)}`);
        } catch (err) {
          if (err instanceof Error && err.message.startsWith('unexpected status')) throw err;
          if (err instanceof Error && err.message.startsWith('submission ')) throw err;
          result.failures++;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return result;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
