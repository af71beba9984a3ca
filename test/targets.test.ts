import { ok, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

interface Status {
  indicator: string;
  group: string;
  threshold: number;
  dueOn: string;
  source: string;
  value: number | null;
  gap: number | null;
  status: string;
}
const FIELDS = 'indicator group threshold dueOn source value gap status';

describe('target status through the gateway', () => {
  it('judges Ba Tô against its own 70% (not the province’s 80%) with the value from its progress', async () => {
    const data = ok(
      await stack.gql<{ commune: { targetStatus: Status[]; progress: { participationRate: number } } }>(
        `{ commune(id: "C02949") { targetStatus(asOf: "2025-11-21") { ${FIELDS} } progress(asOf: "2025-11-21") { participationRate } } }`,
      ),
    );
    const residents = data.commune.targetStatus.filter((t) => t.indicator === 'JOINED' && t.group === 'RESIDENTS');
    expect(residents).toHaveLength(1);
    expect(residents[0]).toMatchObject({ threshold: 0.7, source: 'COMMUNE', dueOn: '2025-12-31' });
    expect(residents[0].value).toBeCloseTo(data.commune.progress.participationRate, 10);
    expect(residents[0].gap).toBeCloseTo(0.7 - data.commune.progress.participationRate, 10);
    expect(['ON_TRACK', 'AT_RISK']).toContain(residents[0].status);
    expect(data.commune.targetStatus.find((t) => t.indicator === 'DIGITAL_SIGNATURE')).toMatchObject({
      source: 'PROVINCE',
      status: 'NOT_MEASURED',
      value: null,
    });
  });

  it('judges a commune without a plan against the province’s targets, and the province against its directives', async () => {
    const data = ok(
      await stack.gql<{
        commune: { targetStatus: Status[] };
        province: { targetStatus: Status[]; progress: { participationRate: number } };
      }>(
        `{ commune(id: "C02762") { targetStatus(asOf: "2025-11-21") { ${FIELDS} } }
           province(code: "23") { targetStatus(asOf: "2025-11-21") { ${FIELDS} } progress(asOf: "2025-11-21") { participationRate } } }`,
      ),
    );
    const joined = data.commune.targetStatus.find((t) => t.indicator === 'JOINED' && t.group === 'RESIDENTS')!;
    expect(joined).toMatchObject({ threshold: 0.8, source: 'PROVINCE' });
    const province = data.province.targetStatus.find((t) => t.indicator === 'JOINED' && t.group === 'RESIDENTS')!;
    expect(province.value).toBeCloseTo(data.province.progress.participationRate, 10);
    // 100% of officials certified by 10 Nov 2025: judged after its due date, so met or missed.
    const officials = data.province.targetStatus.find((t) => t.indicator === 'CERTIFIED' && t.group === 'OFFICIALS');
    if (officials) expect(['MET', 'MISSED']).toContain(officials.status);
  });
});
