// Steady load and what it measures: autocannon (as a library) against a gateway, and the same shape of load
// replayed straight on PostgreSQL (the floor). Both keep N requests in flight for a fixed time and keep every
// latency, so rounds can be merged and percentiles are exact.
import autocannon from 'autocannon';
import { Pool } from 'pg';

export interface Round {
  /** Requests answered with HTTP 2xx and the expected body, per second. */
  rps: number;
  latencies: number[];
  /** Floor only: mean milliseconds of each statement. */
  perStatement?: number[];
  /** Connection errors, timeouts, non-2xx answers, answers other than the expected body. */
  errors: { errors: number; timeouts: number; non2xx: number; mismatches: number };
}

export const DURATION = Number(process.env.BENCH_DURATION ?? 10);

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

export const failures = (r: Round): number =>
  r.errors.errors + r.errors.timeouts + r.errors.non2xx + r.errors.mismatches;

/**
 * One round of steady load on a GraphQL endpoint: `connections` keep-alive connections, each sending the next
 * request as soon as it has the answer, for `seconds`. Only an answer equal to `expectBody` (the one checked before)
 * counts: a GraphQL error, which comes back with HTTP 200, is a mismatch.
 */
export async function loadRound(
  url: string,
  body: string,
  expectBody: string,
  connections: number,
  seconds = DURATION,
  headers: Record<string, string> = {},
): Promise<Round> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        expectBody,
        connections,
        duration: seconds,
        timeout: 30,
      },
      (error, res) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  const ok = result['2xx'] - result.mismatches;
  return {
    rps: ok / result.duration,
    latencies,
    errors: {
      errors: result.errors - result.timeouts,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      mismatches: result.mismatches,
    },
  };
}

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The floor: `connections` workers, each with its own connection from a pg Pool, replay the read statements one
 * request made (in the order the subgraphs sent them, one after another) as fast as they can for `seconds`.
 */
export async function floorRound(
  databaseUrl: string,
  statements: readonly Statement[],
  connections: number,
  seconds = DURATION,
): Promise<Round> {
  const pool = new Pool({ connectionString: databaseUrl, max: connections });
  const latencies: number[] = [];
  const spent = statements.map(() => 0);
  let errors = 0;
  try {
    // Open every connection first: the load starts with a warm pool, as the subgraphs' pools are.
    const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
    clients.forEach((c) => c.release());
    const started = performance.now();
    const end = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < end) {
            const t = performance.now();
            try {
              for (let i = 0; i < statements.length; i++) {
                const ts = performance.now();
                await client.query(statements[i].text, statements[i].values);
                spent[i] += performance.now() - ts;
              }
              latencies.push(performance.now() - t);
            } catch {
              errors += 1;
            }
          }
        } finally {
          client.release();
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return {
      rps: latencies.length / elapsed,
      latencies,
      perStatement: spent.map((t) => t / Math.max(1, latencies.length)),
      errors: { errors, timeouts: 0, non2xx: 0, mismatches: 0 },
    };
  } finally {
    await pool.end();
  }
}

/** Summary of several rounds: RPS of each round, exact percentiles over all their latencies, failures summed. */
export function merge(rounds: readonly Round[]) {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    rps: rounds.reduce((a, r) => a + r.rps, 0) / rounds.length,
    perRound: rounds.map((r) => r.rps),
    p50: percentile(all, 50),
    p975: percentile(all, 97.5),
    p99: percentile(all, 99),
    failures: rounds.map(failures),
  };
}
