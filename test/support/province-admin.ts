import { startTestStack, type GraphQLResponse, type TestStack } from './stack';

/** What the directives and plans tests share: one stack per file, written to as Quảng Ngãi's PROVINCE_ADMIN. */
export interface ProvinceAdminFixture {
  /** The running stack (set in beforeAll). */
  readonly stack: TestStack;
  /** Writes as the province's PROVINCE_ADMIN (every directive and plan mutation needs a token). */
  asAdmin: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<GraphQLResponse<T>>;
  /** Row counts of the tables named at set-up, in their order: what a refused write must leave unchanged. */
  counts: () => Promise<number[]>;
  /** Lets the plans subgraph apply every event published so far (directives, areas). */
  catchUpPlans: () => Promise<unknown>;
}

/** Starts the stack before the file's tests and stops it after them. */
export function provinceAdminFixture(tables: string[]): ProvinceAdminFixture {
  let stack: TestStack | undefined;
  let token = '';
  beforeAll(async () => {
    stack = await startTestStack();
    token = await stack.token('PROVINCE_ADMIN', 'P23');
  });
  afterAll(() => stack?.stop());
  const running = (): TestStack => {
    if (!stack) throw new Error('the stack starts in beforeAll');
    return stack;
  };
  const count = async (table: string) =>
    (await running().sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;
  return {
    get stack() {
      return running();
    },
    asAdmin: (query, variables) => running().gql(query, variables, { token }),
    async counts() {
      const out: number[] = [];
      for (const t of tables) out.push(await count(t));
      return out;
    },
    catchUpPlans: () => Promise.all(running().subgraphs.plans.consumers.map((c) => c.catchUp())),
  };
}
