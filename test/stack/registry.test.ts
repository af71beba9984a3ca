import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let admin: { token: string }; // writes need a role over the area since the access issue
beforeAll(async () => {
  stack = await startTestStack();
  admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
});
afterAll(() => stack?.stop());

interface CommuneRow {
  id: string;
  name: string;
  kind: string;
  villages: Array<{ id: string; name: string; formerCommune: string | null }>;
  population: { adults: number } | null;
}

describe('the hierarchy through the gateway', () => {
  it('answers the province dashboard query: Quảng Ngãi with its 96 communes, villages and population', async () => {
    const data = ok(
      await stack.gql<{ province: { name: string; communes: CommuneRow[] } }>(
        `{ province(code: "23") { name communes { id name kind villages { name formerCommune } population { adults } } } }`,
      ),
    );
    expect(data.province.name).toBe('Quảng Ngãi');
    expect(data.province.communes).toHaveLength(96);
    const kinds = data.province.communes.reduce<Record<string, number>>(
      (acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }),
      {},
    );
    expect(kinds.SPECIAL_ZONE).toBe(1); // Lý Sơn
    expect(kinds.WARD).toBeGreaterThan(5);
    for (const c of data.province.communes) {
      expect(c.villages.length).toBeGreaterThan(0);
      expect(c.population?.adults).toBeGreaterThan(0);
    }
    // A commune's population is the sum of its villages when it has no figure of its own.
    const baTo = data.province.communes.find((c) => c.name === 'Ba Tô')!;
    expect(baTo.population).toEqual({ adults: 9412 });
  });

  it('groups Ba Tô’s 14 villages by former commune: 7 Ba Tô, 3 Ba Nam, 4 Ba Lế', async () => {
    const data = ok(
      await stack.gql<{ communes: CommuneRow[] }>(
        `{ communes(search: "Ba Tô", provinceCode: "23") { name villages { name formerCommune } } }`,
      ),
    );
    const baTo = data.communes.find((c) => c.name === 'Ba Tô')!;
    expect(baTo.villages).toHaveLength(14);
    const groups: Record<string, string[]> = {};
    for (const v of baTo.villages) (groups[v.formerCommune ?? '?'] ??= []).push(v.name);
    expect(Object.keys(groups).sort()).toEqual(['Ba Lế', 'Ba Nam', 'Ba Tô']);
    expect([groups['Ba Tô'].length, groups['Ba Nam'].length, groups['Ba Lế'].length]).toEqual([7, 3, 4]);
    expect(groups['Ba Nam']).toContain('Xà Râu');
    expect(groups['Ba Lế']).toContain('Vả Lế');
  });

  it('gives Ngọk Bay 16 villages, and walks the hierarchy both ways', async () => {
    const data = ok(
      await stack.gql<{
        communes: Array<{
          id: string;
          villages: Array<{ id: string }>;
          units: Array<{ id: string; type: string; staff: number }>;
        }>;
      }>(`{ communes(search: "ngok bay") { id villages { id } units { id type staff } } }`),
    );
    expect(data.communes).toHaveLength(1);
    const ngokBay = data.communes[0];
    expect(ngokBay.villages).toHaveLength(16);
    expect(ngokBay.units.filter((u) => u.type === 'DIGITAL_TEAM')).toHaveLength(16);
    const up = ok(
      await stack.gql<{
        village: { commune: { id: string; province: { code: string } } };
        unit: { commune: { id: string }; village: { id: string } | null };
      }>(
        `query($v: ID!, $u: ID!) { village(id: $v) { commune { id province { code } } } unit(id: $u) { commune { id } village { id } } }`,
        { v: ngokBay.villages[3].id, u: ngokBay.units.find((u) => u.type === 'DIGITAL_TEAM')!.id },
      ),
    );
    expect(up.village.commune).toEqual({ id: ngokBay.id, province: { code: '23' } });
    expect(up.unit.commune.id).toBe(ngokBay.id);
    expect(up.unit.village?.id).toBe(ngokBay.villages[0].id);
  });

  it('finds communes by name with or without diacritics', async () => {
    const names = async (search: string) =>
      ok(
        await stack.gql<{ communes: Array<{ name: string }> }>(
          `query($s: String) { communes(search: $s, provinceCode: "23") { name } }`,
          { s: search },
        ),
      ).communes.map((c) => c.name);
    expect((await names('ba to')).sort()).toEqual(['Ba Tô', 'Ba Tơ']);
    expect(await names('BA TƠ')).toEqual(expect.arrayContaining(['Ba Tô', 'Ba Tơ']));
    expect(await names('dak to kan')).toEqual(['Đăk Tờ Kan']);
    expect(await names('no such place')).toEqual([]);
  });

  it('lists the 34 provinces and resolves registry entities by key for other subgraphs', async () => {
    const data = ok(await stack.gql<{ provinces: Array<{ code: string }> }>(`{ provinces { code } }`));
    expect(data.provinces).toHaveLength(34);
    // Straight to the registry subgraph, as the gateway's query planner does for entity references.
    const res = await fetch(stack.subgraphs.registry.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { name } ... on Village { name } ... on Province { name } } }`,
        variables: {
          r: [
            { __typename: 'Commune', id: 'C02949' },
            { __typename: 'Village', id: 'V02949-08' },
            { __typename: 'Province', id: 'P23' },
          ],
        },
      }),
    });
    expect(((await res.json()) as { data: unknown }).data).toEqual({
      _entities: [{ name: 'Ba Tô' }, { name: 'Xà Râu' }, { name: 'Quảng Ngãi' }],
    });
  });

  it.each([
    ['province(code: "99")', 'province'],
    ['commune(id: "C99999")', 'commune'],
    ['village(id: "V02949-99")', 'village'],
    ['unit(id: "nope")', 'unit'],
  ])('answers NOT_FOUND for an unknown id: %s', async (field) => {
    const res = await stack.gql(`{ x: ${field} { id } }`);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toMatch(/Không tìm thấy/);
  });
});

describe('population revisions', () => {
  const RECORD = `mutation($area: ID!, $p: PopulationInput!, $reason: String!) {
    recordPopulation(areaId: $area, population: $p, reason: $reason) { id areaId asOf adults workingAge reason recordedAt }
  }`;

  it('adds a revision that changes population, keeps both in history, and still answers the old figure for an earlier date', async () => {
    const village = 'V02949-08'; // Xà Râu
    const before = ok(
      await stack.gql<{ village: { population: { adults: number; asOf: string } } }>(
        `{ village(id: "${village}") { population { adults asOf } } }`,
      ),
    );
    const commune = ok(
      await stack.gql<{ commune: { population: { adults: number } } }>(
        `{ commune(id: "C02949") { population { adults } } }`,
      ),
    );
    const first = ok(
      await stack.gql<{ recordPopulation: { id: string; adults: number } }>(
        RECORD,
        { area: village, p: { asOf: '2025-09-01', adults: 700, workingAge: 560 }, reason: 'Rà soát thực tế' },
        admin,
      ),
    );
    const second = ok(
      await stack.gql<{ recordPopulation: { id: string } }>(
        RECORD,
        { area: village, p: { asOf: '2025-09-01', adults: 720 }, reason: 'Đính chính số liệu rà soát' },
        admin,
      ),
    );
    expect(first.recordPopulation.adults).toBe(700);

    const after = ok(
      await stack.gql<{
        village: {
          population: { adults: number; asOf: string };
          early: { adults: number };
          populationHistory: Array<{ adults: number; reason: string }>;
        };
        commune: { population: { adults: number } };
      }>(`{ village(id: "${village}") { population { adults asOf } early: population(asOf: "2025-08-01") { adults } populationHistory { adults reason } }
           commune(id: "C02949") { population { adults } } }`),
    );
    // The correction for the same date wins; the demo figure still answers for August.
    expect(after.village.population).toEqual({ adults: 720, asOf: '2025-09-01' });
    expect(after.village.early.adults).toBe(before.village.population.adults);
    expect(after.village.populationHistory.map((r) => r.adults)).toEqual([before.village.population.adults, 700, 720]);
    expect(after.village.populationHistory[2].reason).toBe('Đính chính số liệu rà soát');
    // The commune, which sums its villages, follows.
    expect(after.commune.population.adults).toBe(
      commune.commune.population.adults - before.village.population.adults + 720,
    );
    expect(second.recordPopulation.id).not.toBe(first.recordPopulation.id);
    // …and the change is in the registry's outbox for other subgraphs to pick up.
    const events = await stack.sql<{ payload: { areaId: string; adults: number; reason: string } }>(
      `select payload from registry.outbox_event where topic = 'population.recorded' and payload->>'areaId' = $1 order by seq`,
      [village],
    );
    expect(events.map((e) => [e.payload.adults, e.payload.reason])).toEqual([
      [before.village.population.adults, expect.stringContaining('demo')],
      [700, 'Rà soát thực tế'],
      [720, 'Đính chính số liệu rà soát'],
    ]);
  });

  it('lets a commune record its own figure, which then takes precedence over the sum of its villages', async () => {
    ok(
      await stack.gql(
        RECORD,
        { area: 'C02762', p: { asOf: '2025-10-26', adults: 9000 }, reason: 'Số liệu Cổng BDHVS' },
        admin,
      ),
    );
    ok(await stack.gql(RECORD, { area: 'C02762', p: { asOf: '2025-11-01', adults: 9100 }, reason: 'Cập nhật' }, admin));
    const data = ok(
      await stack.gql<{
        commune: { population: { adults: number }; populationHistory: Array<{ adults: number; asOf: string }> };
        province: { population: { adults: number } };
      }>(
        `{ commune(id: "C02762") { population(asOf: "2025-10-30") { adults } populationHistory { adults asOf } } province(code: "23") { population { adults } } }`,
      ),
    );
    expect(data.commune.population.adults).toBe(9000);
    expect(data.commune.populationHistory).toEqual([
      { adults: 9000, asOf: '2025-10-26' },
      { adults: 9100, asOf: '2025-11-01' },
    ]);
    const villagesSum = await stack.sql<{ n: number }>(
      `select sum(adults)::int as n from registry.population_revision pr join registry.village v on v.id = pr.area_id where v.commune_id = 'C02762'`,
    );
    expect(villagesSum[0].n).not.toBe(9100);
  });

  it.each([
    ['negative adults', 'C02949', { asOf: '2025-10-01', adults: -5 }, 'BAD_USER_INPUT', 'adults'],
    [
      'working age above adults',
      'C02949',
      { asOf: '2025-10-01', adults: 100, workingAge: 101 },
      'BAD_USER_INPUT',
      'workingAge',
    ],
    [
      'officials above adults',
      'V02949-01',
      { asOf: '2025-10-01', adults: 100, officials: 200 },
      'BAD_USER_INPUT',
      'officials',
    ],
    ['a date in the future', 'C02949', { asOf: '2099-01-01', adults: 100 }, 'BAD_USER_INPUT', 'asOf'],
    ['an unknown area', 'C99999', { asOf: '2025-10-01', adults: 100 }, 'NOT_FOUND', undefined],
    [
      'a unit (units have staff, not population)',
      'U02949-01',
      { asOf: '2025-10-01', adults: 100 },
      'NOT_FOUND',
      undefined,
    ],
  ])('refuses %s and writes nothing', async (_label, area, p, code, field) => {
    const count = async () =>
      (await stack.sql<{ n: number }>(`select count(*)::int as n from registry.population_revision`))[0].n;
    const outbox = async () =>
      (await stack.sql<{ n: number }>(`select count(*)::int as n from registry.outbox_event`))[0].n;
    const [rows, events] = [await count(), await outbox()];
    const res = await stack.gql(RECORD, { area, p, reason: 'Thử' }, admin);
    expect(errorCode(res)).toBe(code);
    if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(res.errors?.[0].message.length).toBeGreaterThan(20);
    expect(await count()).toBe(rows);
    expect(await outbox()).toBe(events);
  });

  it('refuses a missing reason and a malformed date with BAD_USER_INPUT', async () => {
    expect(
      errorCode(await stack.gql(RECORD, { area: 'C02949', p: { asOf: '2025-10-01', adults: 10 }, reason: ' ' }, admin)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await stack.gql(RECORD, { area: 'C02949', p: { asOf: '26/10/2025', adults: 10 }, reason: 'Thử' }, admin),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
