// `npm run bench -- refusals`: what abusive queries cost the gateway. Each refused shape is sent under steady load
// (autocannon, 1 and 10 connections) and must come back 400 QUERY_TOO_COMPLEX; then the commune page's query is
// loaded while 10 connections keep sending the fragment bomb, to show what honest callers see meanwhile.
import autocannon from 'autocannon';
import { COMMUNE_VILLAGES, fragmentBomb, PROBE } from './queries';
import { DURATION, loadRound, percentile } from './load';

interface Refused {
  rps: number;
  latencies: number[];
  other: number;
}

async function refusedRound(url: string, query: string, connections: number, seconds = DURATION): Promise<Refused> {
  const latencies: number[] = [];
  let other = 0;
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
      if (status === 400) latencies.push(ms);
      else other++;
    });
  });
  return { rps: latencies.length / result.duration, latencies, other };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

export async function measureRefusals(url: string): Promise<void> {
  const shapes: [string, string][] = [
    ['issue 11 probe (110 B)', PROBE],
    [`fragment bomb (${Buffer.byteLength(fragmentBomb())} B)`, fragmentBomb()],
  ];
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
    for (const connections of [1, 10]) {
      const r = await refusedRound(url, query, connections);
      const sorted = [...r.latencies].sort((a, b) => a - b);
      console.log(
        `[refusals] ${label}, ${connections} conn: ${Math.round(r.rps)} refusals/s, p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}${r.other ? `, ${r.other} answers not 400` : ''}`,
      );
    }
  }
  const body = JSON.stringify({ query: COMMUNE_VILLAGES, variables: { id: 'C02949' } });
  const expect = await (
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  ).text();
  const alone = await loadRound(url, body, expect, 10);
  const [beside] = await Promise.all([loadRound(url, body, expect, 10), refusedRound(url, fragmentBomb(), 10)]);
  for (const [label, r] of [
    ['alone', alone],
    ['beside 10 connections of bombs', beside],
  ] as const) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    console.log(
      `[refusals] commune page query ${label}, 10 conn: ${Math.round(r.rps)} req/s, p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}`,
    );
  }
}
