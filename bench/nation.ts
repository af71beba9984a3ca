// `npm run bench -- nation`: the national view through the gateway on the national demo data (SEED=national): the
// whole commune ranking (3,320 communes with names, provinces and progress), p50/p95 of warm requests.
import { percentile } from './load';

const ROUNDS = Number(process.env.BENCH_NATION_ROUNDS ?? 20);
const QUERY = `{ nation { provinceRanking { position province { code name } progress { learners participationRate } }
  communeRanking { position commune { id name province { code } } progress { learners participationRate } } } }`;

interface Answer {
  data?: { nation: { provinceRanking: unknown[]; communeRanking: unknown[] } };
  errors?: Array<{ message: string }>;
}

async function ask(url: string): Promise<{ ms: number; answer: Answer }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const answer = (await res.json()) as Answer;
  if (answer.errors?.length) throw new Error(answer.errors[0].message);
  return { ms: performance.now() - started, answer };
}

export async function measureNation(url: string): Promise<void> {
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
}
