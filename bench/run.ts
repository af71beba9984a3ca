// `npm run bench [gateways|live|profile]`: starts the whole stack as `npm start` does (separate processes, embedded
// PostgreSQL in a temporary folder unless DATABASE_URL is set, free ports) and measures it.
// - gateways: our gateway against Hive Gateway over the same subgraphs, steady load, and the SQL floor (bench/gateways.ts);
// - live: live events to many subscribers and the gateway's memory per subscription;
// - profile: CPU profiles of the gateways and subgraphs under load (bench/profile.ts);
// - nation: the national commune ranking on the national demo data (bench/nation.ts; SEED=national);
// - burst [--reports N --submitters N --subscribers N --province NN]: the Friday burst (bench/burst.ts);
// - pages: the dashboard's first ranking row and the commune page's first village row in Chromium (bench/pages.ts);
// - refusals: abusive queries under load (refused 400 QUERY_TOO_COMPLEX) and honest ones beside them (bench/refusals.ts);
// - no argument: gateways, then live (live last: it writes reports, which the read benchmark must not see mid-run).
import { signToken } from '../shared/auth';
import { collect, disposeAll, wsClient } from '../scripts/ws-client';
import { measureBurst } from './burst';
import { parseBurstArgs } from './burst-stats';
import { checkSameAnswers, compare, inspect, type Target } from './gateways';
import { percentile } from './load';
import { measureNation } from './nation';
import { buildPagesForBench, measurePages } from './pages';
import { profileUnderLoad } from './profile';
import { measureRefusals } from './refusals';
import { startHive, startStack, type Stack } from './stack';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

async function health(
  url: string,
): Promise<{ rssBytes: number; heapUsedBytes: number; subscriptionClients: number; upstreamSubscriptions: number }> {
  return (await (await fetch(url.replace('/graphql', '/health'))).json()) as never;
}

/**
 * Live events at scale: SUBSCRIBERS clients (one WebSocket each) watch Ba Tô's progress through the gateway; each
 * round submits a report and times, for every client, the arrival of its event after the mutation's response.
 */
async function measureLive(url: string, secret: string): Promise<void> {
  const token = await signToken(secret, { sub: 'bench', name: 'Bench', role: 'PROVINCE_ADMIN', area: 'P23' });
  global.gc?.();
  const idle = await health(url);
  const clients = Array.from({ length: SUBSCRIBERS }, () => wsClient(url));
  const arrivals: number[][] = [];
  const subs = clients.map((c, i) => {
    arrivals[i] = [];
    const s = collect<{ progressUpdated: { eventId: string } }>(
      c,
      `subscription { progressUpdated(areaId: "C02949") { eventId progress { learners participationRate } commune { name } } }`,
    );
    const push = s.events.push.bind(s.events);
    s.events.push = (...items) => {
      arrivals[i].push(performance.now());
      return push(...items);
    };
    return s;
  });
  for (let i = 0; i < 100; i++) {
    const h = await health(url);
    if (h.subscriptionClients >= SUBSCRIBERS && h.upstreamSubscriptions >= 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const loaded = await health(url);
  const perSubscription = (loaded.rssBytes - idle.rssBytes) / SUBSCRIBERS;
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = arrivals.map((a) => a.length);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($i: UnitReportInput!) { submitUnitReport(input: $i) { id } }',
        variables: {
          i: {
            reporterId: 'V02949-08',
            reportDate: '2025-12-20',
            groups: [{ group: 'RESIDENTS', registered: 1000 + round, completed: 0, certified: 0 }],
          },
        },
      }),
    });
    const body = (await res.json()) as { errors?: Array<{ message: string }> };
    const answered = performance.now();
    if (body.errors?.length) throw new Error(body.errors[0].message);
    const deadline = Date.now() + 10_000;
    while (arrivals.some((a, i) => a.length <= before[i]) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < arrivals.length; i++)
      if (arrivals[i].length > before[i]) latencies.push(Math.max(0, arrivals[i][before[i]] - answered));
  }
  latencies.sort((a, b) => a - b);
  const expected = SUBSCRIBERS * ROUNDS;
  console.log(
    `${'live event to ' + SUBSCRIBERS + ' subscribers'.padEnd(1)}`.padEnd(34) +
      ` ${String(ROUNDS).padStart(5)} rnd  delivered ${latencies.length}/${expected}  median ${percentile(latencies, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(latencies, 99).toFixed(1).padStart(7)} ms`,
  );
  console.log(
    `${'gateway memory per idle subscription'.padEnd(34)} ${(perSubscription / 1024).toFixed(1)} KiB  (RSS ${(idle.rssBytes / 2 ** 20).toFixed(0)} MiB → ${(loaded.rssBytes / 2 ** 20).toFixed(0)} MiB with ${loaded.subscriptionClients} clients, ${loaded.upstreamSubscriptions} upstream)`,
  );
  subs.forEach((s) => s.stop());
  await disposeAll(clients);
}

async function gateways(stack: Stack): Promise<void> {
  const hive = await startHive(stack);
  try {
    const targets: Target[] = [
      { name: 'ours', url: stack.url },
      { name: 'Hive', url: hive.url },
    ];
    const floors = await inspect(stack, targets);
    const expected = await checkSameAnswers(targets);
    await compare(targets, expected, floors, stack.databaseUrl, stack.tapDir);
  } finally {
    await hive.stop();
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'all';
  if (!['all', 'gateways', 'live', 'profile', 'nation', 'burst', 'pages', 'refusals'].includes(mode))
    throw new Error(
      `unknown bench "${mode}": use gateways, live, profile, nation, burst, pages or refusals (or nothing for gateways then live)`,
    );
  const burst = mode === 'burst' ? parseBurstArgs(process.argv.slice(3)) : null;
  // The national view is measured on the national demo data (generated on the first start, reused after).
  if (mode === 'nation') process.env.SEED = 'national';
  const removePages = mode === 'pages' ? buildPagesForBench() : null;
  const stack = await startStack();
  try {
    if (mode === 'profile') {
      const hive = await startHive(stack);
      try {
        await profileUnderLoad(stack, hive.url);
      } finally {
        await hive.stop();
      }
    }
    if (mode === 'all' || mode === 'gateways') await gateways(stack);
    if (mode === 'all' || mode === 'live') await measureLive(stack.url, stack.authSecret);
    if (mode === 'nation') await measureNation(stack.url, stack.authSecret);
    if (burst) await measureBurst(stack, burst);
    if (mode === 'pages') await measurePages(stack.url);
    if (mode === 'refusals') await measureRefusals(stack.url, stack.authSecret);
  } finally {
    await stack.stop();
    removePages?.();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`[bench] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
}
