import { ok, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const DASHBOARD = `query($code: String!) { province(code: $code) { name population { adults }
  communes { id name kind population { adults } villages { id name formerCommune population { adults } } } } }`;

async function measure(code: string): Promise<{ communes: number; villages: number; statements: number }> {
  stack.resetSqlCount();
  const data = ok(await stack.gql<{ province: { communes: Array<{ villages: unknown[] }> } }>(DASHBOARD, { code }));
  return {
    communes: data.province.communes.length,
    villages: data.province.communes.reduce((n, c) => n + c.villages.length, 0),
    statements: stack.sqlCount(),
  };
}

describe('SQL statements per request', () => {
  it('do not grow with the number of communes or villages (every commune of a province with villages and population)', async () => {
    const quangNgai = await measure('23'); // 96 communes, demo villages
    const hue = await measure('04'); // Huế: fewer communes, demo villages too
    expect(quangNgai.communes).toBe(96);
    expect(hue.communes).toBeLessThan(quangNgai.communes);
    expect(hue.villages).toBeGreaterThan(0);
    expect(quangNgai.villages).toBeGreaterThan(hue.villages);
    expect(quangNgai.statements).toBe(hue.statements);
    // province, its communes, their villages, and population by level: a handful, not one per row.
    expect(quangNgai.statements).toBeLessThanOrEqual(10);
  });
});
