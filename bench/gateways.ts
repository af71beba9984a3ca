// `npm run bench -- gateways`: our gateway and Hive Gateway over the same subgraphs and the same committed supergraph.
// For each request of issue 13's table: what each gateway asks of the subgraphs (HTTP requests, SQL statements),
// whether both answer the same, then alternating rounds of steady load at 4 and 20 connections, and the floor
// (the dashboard's own SQL replayed straight on PostgreSQL at the same concurrency).
import { appendFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { floorRound, loadRound, merge, DURATION, type Round, type Statement } from './load';
import { GATEWAY_REQUESTS, type BenchRequest } from './queries';
import { record, type Stack } from './stack';
import type { TapRecord } from './tap';

const ROUNDS = Math.max(2, Number(process.env.BENCH_LOAD_ROUNDS ?? 2));
export const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '4,20').split(',').map(Number);
const SUBGRAPH_NAMES = ['registry', 'directives', 'plans', 'reports'] as const;

export interface Target {
  name: 'ours' | 'Hive';
  url: string;
}

async function ask(
  url: string,
  request: BenchRequest,
): Promise<{ text: string; json: { data?: unknown; errors?: unknown[] } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: request.query, variables: request.variables }),
  });
  const text = await res.text();
  return { text, json: JSON.parse(text) as { data?: unknown; errors?: unknown[] } };
}

/** One line per subgraph: POST /graphql it answered and SQL statements it sent during the work. */
function describe(records: Map<string, TapRecord>): string {
  return SUBGRAPH_NAMES.map((s) => {
    const r = records.get(s);
    return `${s} ${r?.httpRequests ?? '?'} HTTP/${r?.statements.length ?? '?'} SQL${r?.background ? ` (+${r.background} bg)` : ''}`;
  }).join(', ');
}

/** Subgraph POSTs and SQL statements per answered request during a round (below 1: fetches shared between requests). */
function perAnswer(records: Map<string, TapRecord>, answered: number): string {
  const per = (n: number) => (n / Math.max(1, answered)).toFixed(2);
  return SUBGRAPH_NAMES.filter((s) => records.get(s)?.httpRequests || records.get(s)?.statements.length)
    .map((s) => `${s} ${per(records.get(s)!.httpRequests)} HTTP ${per(records.get(s)!.statements.length)} SQL`)
    .join(', ');
}

/** A statement told apart from its neighbours: the snapshot's statements differ only after `distinct on`. */
function shortSql(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  const i = t.indexOf('distinct on');
  return i >= 0 ? `${t.slice(0, 50)} … ${t.slice(i, i + 90)}` : t.slice(0, 140);
}

const readOnly = (s: Statement) => /^\s*(select|with)\b/i.test(s.text);

/**
 * What one request costs below each gateway, measured by the tap in each subgraph: printed, and the statements of
 * the page's dashboard kept for the floor (cold: the first request after start; warm: steady state).
 */
export async function inspect(stack: Stack, targets: readonly Target[]) {
  const services = [...SUBGRAPH_NAMES];
  const statements: Record<'cold' | 'warm', Statement[]> = { cold: [], warm: [] };
  console.log(
    '[bench] what one request costs below each gateway: POST /graphql each subgraph answered, SQL statements it sent for them (and in the background):',
  );
  for (const request of GATEWAY_REQUESTS) {
    for (const target of targets) {
      for (const phase of request.key === 'page' && target.name === 'ours' ? (['cold', 'warm'] as const) : [null]) {
        if (phase !== 'cold') await ask(target.url, request); // counts are of a warm request, except the cold one
        const records = await record(stack.tapDir, services, async () => void (await ask(target.url, request)));
        if (phase) statements[phase] = services.flatMap((s) => records.get(s)?.statements ?? []);
        if (process.env.BENCH_SQL_LOG)
          appendFileSync(
            process.env.BENCH_SQL_LOG,
            `${JSON.stringify({ request: request.key, target: target.name, phase, records: [...records.values()] })}\n`,
          );
        const label = `${request.label}, ${target.name}${phase ? ` (${phase})` : ''}`;
        console.log(`  ${label.padEnd(50)} ${describe(records)}`);
      }
    }
  }
  for (const phase of ['cold', 'warm'] as const) {
    const all = statements[phase];
    const skipped = all.filter((s) => !readOnly(s));
    statements[phase] = all.filter(readOnly);
    if (skipped.length)
      console.log(
        `  (${phase} floor leaves out ${skipped.length} statements that are not reads: ${skipped.map((s) => s.text.slice(0, 40)).join(' | ')})`,
      );
  }
  return statements;
}

/** Both gateways must give the same data for each request, and no errors; the bodies each gives are kept as expected. */
export async function checkSameAnswers(targets: readonly Target[]): Promise<Map<string, Map<string, string>>> {
  const expected = new Map<string, Map<string, string>>();
  for (const request of GATEWAY_REQUESTS) {
    const answers = await Promise.all(targets.map((t) => ask(t.url, request)));
    const bodies = new Map(targets.map((t, i) => [t.name, answers[i].text]));
    expected.set(request.key, bodies);
    const errors = answers.flatMap((a, i) =>
      a.json.errors?.length ? [`${targets[i].name}: ${JSON.stringify(a.json.errors).slice(0, 300)}`] : [],
    );
    const same = answers.every((a) => isDeepStrictEqual(a.json.data, answers[0].json.data));
    if (errors.length || !same || answers[0].json.data == null)
      throw new Error(
        `${request.label}: the gateways do not give the same answer without errors\n${errors.join('\n')}`,
      );
    console.log(
      `[bench] ${request.label}: identical data from ${targets.map((t) => t.name).join(' and ')} (${answers[0].text.length} bytes)`,
    );
  }
  return expected;
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)}s` : `${v.toFixed(0)}ms`);

/** Alternating rounds (ours, Hive, then Hive, ours, …) for each request and connection count; prints the table. */
export async function compare(
  targets: readonly Target[],
  expected: Map<string, Map<string, string>>,
  floors: Record<'cold' | 'warm', Statement[]>,
  databaseUrl: string,
  tapDir: string,
): Promise<void> {
  const rows: string[] = [];
  const notes: string[] = [];
  const header = `${'request'.padEnd(36)} ${'conn'.padStart(4)}  ${'RPS ours'.padStart(8)} ${'RPS Hive'.padStart(8)} ${'ours/Hive'.padStart(9)}  ${'p50 ours/Hive'.padStart(15)}  ${'p97.5 ours/Hive'.padStart(15)}  ${'p99 ours/Hive'.padStart(15)}  errors ours/Hive`;
  console.log(`[bench] ${ROUNDS} rounds of ${DURATION} s per gateway, alternating; warm-up 2 s each first`);
  for (const request of GATEWAY_REQUESTS) {
    const body = JSON.stringify({ query: request.query, variables: request.variables });
    for (const t of targets) await loadRound(t.url, body, expected.get(request.key)!.get(t.name)!, 4, 2);
    for (const connections of CONNECTIONS) {
      const rounds = new Map<string, Round[]>(targets.map((t) => [t.name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? targets : [...targets].reverse();
        for (const t of order) {
          let r: Round | undefined;
          const run = async () => {
            r = await loadRound(t.url, body, expected.get(request.key)!.get(t.name)!, connections);
          };
          // The first round of each is watched by the tap: what the subgraphs did per answered request under load.
          const seen = round === 0 ? await record(tapDir, SUBGRAPH_NAMES, run) : (await run(), null);
          if (!r) throw new Error('no round');
          rounds.get(t.name)!.push(r);
          const bad = r.errors.errors + r.errors.timeouts + r.errors.non2xx + r.errors.mismatches;
          console.log(
            `  ${request.key} c=${connections} round ${round + 1} ${t.name.padEnd(4)} ${r.rps.toFixed(1).padStart(7)} RPS${bad ? `  FAILURES ${JSON.stringify(r.errors)}` : ''}${seen ? `  per answer: ${perAnswer(seen, r.latencies.length)}` : ''}`,
          );
        }
      }
      const [o, h] = targets.map((t) => merge(rounds.get(t.name)!));
      const fails = (f: number[]) =>
        f.some((x) => x > 0) ? `${f.reduce((a, b) => a + b, 0)} (rounds: ${f.join('/')})` : '0';
      rows.push(
        `${request.label.padEnd(36)} ${String(connections).padStart(4)}  ${o.rps.toFixed(1).padStart(8)} ${h.rps.toFixed(1).padStart(8)} ${(o.rps / h.rps).toFixed(2).padStart(9)}  ${`${ms(o.p50)} / ${ms(h.p50)}`.padStart(15)}  ${`${ms(o.p975)} / ${ms(h.p975)}`.padStart(15)}  ${`${ms(o.p99)} / ${ms(h.p99)}`.padStart(15)}  ${fails(o.failures)} / ${fails(h.failures)}`,
      );
      rows.push(
        `${''.padEnd(36)} ${''.padStart(4)}  rounds' RPS: ours ${o.perRound.map((x) => x.toFixed(1)).join(', ')}; Hive ${h.perRound.map((x) => x.toFixed(1)).join(', ')}`,
      );
    }
  }
  for (const phase of ['warm', 'cold'] as const) {
    for (const connections of CONNECTIONS) {
      if (floors[phase].length === 0) {
        rows.push(`floor: page dashboard's SQL (${phase}): none, the subgraphs answer it from their caches`);
        break;
      }
      const round = await floorRound(databaseUrl, floors[phase], connections);
      const f = merge([round]);
      const heaviest = (round.perStatement ?? [])
        .map((t, i) => ({ t, text: shortSql(floors[phase][i].text) }))
        .sort((a, b) => b.t - a.t)
        .slice(0, 3);
      notes.push(
        `floor ${phase} c=${connections}, heaviest statements (mean per request): ${heaviest.map((h) => `\n  ${h.t.toFixed(1)} ms  ${h.text}`).join('')}`,
      );
      rows.push(
        `${`floor: page dashboard's SQL (${phase}, ${floors[phase].length} st.)`.padEnd(36)} ${String(connections).padStart(4)}  ${f.rps.toFixed(1).padStart(8)} ${''.padStart(8)} ${''.padStart(9)}  ${ms(f.p50).padStart(15)}  ${ms(f.p975).padStart(15)}  ${ms(f.p99).padStart(15)}  ${f.failures[0]}`,
      );
    }
  }
  console.log(`\n${header}\n${rows.join('\n')}\n\n${notes.join('\n')}\n`);
}
