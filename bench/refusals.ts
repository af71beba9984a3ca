// `npm run bench -- refusals`: what abusive queries cost the gateway. Each refused shape is sent under steady load
// (autocannon, 1 and 10 connections) from one address: the first GATEWAY_REFUSALS_PER_WINDOW (300) come back 400
// QUERY_TOO_COMPLEX, the rest 429 without being parsed. Then the commune page's query is loaded while 10 connections
// keep sending the fragment bomb, to show what honest callers see meanwhile. Run it with
// GATEWAY_REFUSALS_PER_WINDOW=100000000 to see the cost of refusals with no budget.
import autocannon from 'autocannon';
import { COMMUNE_VILLAGES, fragmentBomb, PROBE } from './queries';
import { signToken } from '../shared/auth';
import { DURATION, failures, loadRound, percentile } from './load';

interface Refused {
  rps: number;
  latencies: number[];
  byStatus: Map<number, number>;
}

async function refusedRound(url: string, query: string, connections: number, seconds = DURATION): Promise<Refused> {
  const latencies: number[] = [];
  const byStatus = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        connections,
        duration: seconds,
        timeout: 30,
      },
      (error, res) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    });
  });
  return { rps: latencies.length / result.duration, latencies, byStatus };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

export async function measureRefusals(url: string, authSecret: string): Promise<void> {
  const shapes: [string, string][] = [
    ['issue 11 probe (110 B)', PROBE],
    [`fragment bomb (${Buffer.byteLength(fragmentBomb())} B)`, fragmentBomb()],
  ];
  // Checked before any load: once the address's budget is used up, the answer is 429 without a look at the document.
  for (const [label, query] of shapes) {
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await answer.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    if (answer.status !== 400 || code !== 'QUERY_TOO_COMPLEX')
      throw new Error(`${label}: expected 400 QUERY_TOO_COMPLEX, got ${answer.status} ${code}`);
  }
  for (const [label, query] of shapes)
    for (const connections of [1, 10]) {
      const r = await refusedRound(url, query, connections);
      const sorted = [...r.latencies].sort((a, b) => a - b);
      console.log(
        `[refusals] ${label}, ${connections} conn: ${Math.round(r.rps)} answers/s, p50 ${ms(percentile(sorted, 50))}, ` +
          `p99 ${ms(percentile(sorted, 99))}  (${[...r.byStatus].map(([status, n]) => `${n} × ${status}`).join(', ')})`,
      );
    }
  // The honest caller signs in (its own budgets), as an official's page does; the bombs come from the same address.
  const token = await signToken(authSecret, {
    sub: 'bench-official',
    name: 'Bench',
    role: 'PROVINCE_VIEWER',
    area: 'P23',
  });
  const headers = { authorization: `Bearer ${token}` };
  const body = JSON.stringify({ query: COMMUNE_VILLAGES, variables: { id: 'C02949' } });
  const expect = await (
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  ).text();
  const alone = await loadRound(url, body, expect, 10, DURATION, headers);
  const [beside] = await Promise.all([
    loadRound(url, body, expect, 10, DURATION, headers),
    refusedRound(url, fragmentBomb(), 10),
  ]);
  for (const [label, r] of [
    ['alone', alone],
    ['beside 10 connections of bombs', beside],
  ] as const) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    console.log(
      `[refusals] commune page query ${label}, 10 conn: ${Math.round(r.rps)} req/s, p50 ${ms(percentile(sorted, 50))}, ` +
        `p99 ${ms(percentile(sorted, 99))}${failures(r) ? `, ${failures(r)} failed` : ''}`,
    );
  }
}
