// `npm run bench -- nation`: the national view through the gateway on the national demo data (SEED=national): the
// whole commune ranking (3,320 communes with names, provinces and progress), p50/p95 of warm requests, and the first
// request after a report in one province (its snapshots are rebuilt; the other 33 provinces' stay cached).
import { signToken } from '../shared/auth';
import { percentile } from './load';

const ROUNDS = Number(process.env.BENCH_NATION_ROUNDS ?? 20);
const QUERY = `{ nation { provinceRanking { position province { code name } progress { learners participationRate } }
  communeRanking { position commune { id name province { code } } progress { learners participationRate } } } }`;

interface Answer {
  data?: { nation: { provinceRanking: unknown[]; communeRanking: unknown[] } };
  errors?: Array<{ message: string }>;
}

async function ask(
  url: string,
  query = QUERY,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ ms: number; answer: Answer }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await res.json()) as Answer;
  if (answer.errors?.length) throw new Error(answer.errors[0].message);
  return { ms: performance.now() - started, answer };
}

/** A report for the first village of Hà Nội's first commune, dated today, as its province's admin. */
async function reportOnce(url: string, authSecret: string): Promise<void> {
  const { answer } = await ask(url, `{ province(code: "01") { communes { villages { id } } } }`);
  const data = answer.data as unknown as { province: { communes: Array<{ villages: Array<{ id: string }> }> } };
  const village = data.province.communes.flatMap((c) => c.villages)[0];
  const token = await signToken(authSecret, { sub: 'bench', name: 'Bench', role: 'PROVINCE_ADMIN', area: 'P01' });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  await ask(
    url,
    `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
    {
      input: {
        reporterId: village.id,
        reportDate: today,
        groups: [{ group: 'RESIDENTS', registered: 7, completed: 0, certified: 0 }],
      },
    },
    token,
  );
}

export async function measureNation(url: string, authSecret: string): Promise<void> {
  const cold = await ask(url);
  const { provinceRanking, communeRanking } = cold.answer.data!.nation;
  await ask(url); // warm-up: the gateway's query plan and the subgraphs' caches
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push((await ask(url)).ms);
  times.sort((a, b) => a - b);
  console.log(
    `${'nation: all communes ranked'.padEnd(34)} ${String(ROUNDS).padStart(5)} req  ${communeRanking.length} communes, ` +
      `${provinceRanking.length} provinces  cold ${cold.ms.toFixed(0)} ms  p50 ${percentile(times, 50).toFixed(0)} ms  ` +
      `p95 ${percentile(times, 95).toFixed(0)} ms`,
  );
  await reportOnce(url, authSecret);
  const afterReport = await ask(url);
  const next = await ask(url);
  console.log(
    `${'nation: after a report in Hà Nội'.padEnd(34)} first ${afterReport.ms.toFixed(0)} ms  next ${next.ms.toFixed(0)} ms`,
  );
}
