import { startProxiedGateway, type ProxiedGateway } from '../support/delaying-proxy';
import { ok, startTestStack, type TestStack } from '../support/stack';

// Freshness through the gateway while identical reads are always in flight (they share subgraph fetches): after a
// report, a population correction, a plan change and an approval, the very next read shows the change. The reads
// go through a proxy that holds every read's answer 150 ms after the subgraph gave it, so a read that started before
// a write is still in flight when the write has been answered: joining it would serve the old figure.
let stack: TestStack;
let proxied: ProxiedGateway;
let admin: string;

beforeAll(async () => {
  stack = await startTestStack({ limits: { mutationsPerWindow: 1000 } });
  proxied = await startProxiedGateway(stack);
  admin = await stack.token('PROVINCE_ADMIN', 'P23');
});
afterAll(async () => {
  await proxied?.stop();
  await stack?.stop();
});

const BA_TO = 'C02949';
const XA_RAU = 'V02949-08';
const PERIOD = '2025-11-07';

const READ = `query($period: Date!) { commune(id: "${BA_TO}") { population { adults } plans { number }
  progress(asOf: $period) { approved } } village(id: "${XA_RAU}") { progress { residentsRegistered } } }`;
interface Read {
  commune: { population: { adults: number } | null; plans: Array<{ number: string }>; progress: { approved: boolean } };
  village: { progress: { residentsRegistered: number } };
}
const read = async () => ok(await proxied.gql<Read>(READ, { period: PERIOD }));

/** Anonymous readers sending READ back to back until stopped, so an identical read is (almost) always in flight. */
function keepReading(readers: number): () => Promise<void> {
  let stopped = false;
  const loops = Array.from({ length: readers }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * 40)); // staggered: their fetches cover each other's gaps
    while (!stopped) await proxied.gql(READ, { period: PERIOD });
  });
  return async () => {
    stopped = true;
    await Promise.all(loops);
  };
}

async function write(mutation: string, variables: Record<string, unknown>): Promise<void> {
  ok(await proxied.gql(mutation, variables, admin));
}

describe('the next read through the gateway after a write', () => {
  it('shows a report, a population correction, a plan and an approval, with identical reads in flight', async () => {
    const before = await read();
    expect(before.commune.progress.approved).toBe(false);
    const stop = keepReading(4);
    try {
      await new Promise((r) => setTimeout(r, 300));

      await write(`mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`, {
        input: {
          reporterId: XA_RAU,
          reportDate: '2025-12-12',
          groups: [
            {
              group: 'RESIDENTS',
              registered: before.village.progress.residentsRegistered + 37,
              completed: 1,
              certified: 0,
            },
          ],
        },
      });
      expect((await read()).village.progress.residentsRegistered).toBe(
        before.village.progress.residentsRegistered + 37,
      );

      const adults = (before.commune.population?.adults ?? 0) + 111;
      await write(
        `mutation($p: PopulationInput!) { recordPopulation(areaId: "${BA_TO}", population: $p, reason: "Rà soát lại") { id } }`,
        { p: { asOf: '2025-11-01', adults } },
      );
      expect((await read()).commune.population?.adults).toBe(adults);

      await write(`mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { id } }`, {
        input: {
          communeId: BA_TO,
          number: '301/KH-UBND',
          title: 'Kế hoạch bổ sung',
          issuedOn: '2025-10-20',
          implements: ['125-kh-ubnd-2025'],
        },
      });
      expect((await read()).commune.plans.map((p) => p.number)).toContain('301/KH-UBND');

      await write(
        `mutation($period: Date!) { approveReportingPeriod(communeId: "${BA_TO}", reportDate: $period) { state } }`,
        { period: PERIOD },
      );
      expect((await read()).commune.progress.approved).toBe(true);
    } finally {
      await stop();
    }
  });
});
