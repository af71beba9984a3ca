/**
 * The reward rules (khen thưởng), one table per rule kind: each row states the rule, the figures and the verdict,
 * with the cases at and just under each threshold. Ba Tô's rules are read from its plan's data (the letter of Oct
 * 2025), Khánh Cường's from its own plan; nothing here is Ba Tô's constant.
 */
import { BA_TO_OCTOBER_LETTER, KHANH_CUONG_PLAN } from '../../subgraphs/plans/demo';
import { emptyFigures } from '../../subgraphs/reports/progress/rules';
import {
  AWARD_ORDER_VI,
  personVerdict,
  quotaText,
  rewardCandidates,
  rulesBySubject,
  unitVerdict,
  villageVerdict,
  type RewardRuleData,
} from '../../subgraphs/reports/rewards/rules';

const BA_TO = rulesBySubject(BA_TO_OCTOBER_LETTER.rewardRules);
const KHANH_CUONG = rulesBySubject(KHANH_CUONG_PLAN.rewardRules);
const rule = (r: Omit<RewardRuleData, 'description'>): RewardRuleData => ({ description: 'quy định thử', ...r });
/** A table row of the verdict tests below (it.each's template gives its cells no types). */
type Row = { r: RewardRuleData; eligible: boolean };

describe('the plans’ reward rules', () => {
  it('Ba Tô’s plan states the letter’s four rules', () =>
    expect(BA_TO).toMatchObject({
      UNIT: { certifiedShare: 1, guidingShare: 0.5, minGuided: 10, maxGuided: 20 },
      VILLAGE: { certifiedShare: 0.7 },
      // 004 §4.1: each certified and guiding at least 5; "Số lượng khen thưởng từ 5-10 cá nhân" is how many.
      OFFICIAL: { minGuided: 5, maxGuided: null, minAwardees: 5, maxAwardees: 10 },
      RESIDENT: { minGuided: 2 },
    }));

  it('Khánh Cường’s plan states its own three, and no rule for residents', () => {
    expect(KHANH_CUONG).toMatchObject({
      UNIT: { certifiedShare: 0.9 },
      VILLAGE: { certifiedShare: 0.5 },
      OFFICIAL: { minGuided: 3 },
    });
    expect(KHANH_CUONG.RESIDENT).toBeUndefined();
  });

  it.each([
    { rules: [], expected: {} },
    {
      rules: [rule({ subject: 'VILLAGE', certifiedShare: 0.3 }), rule({ subject: 'VILLAGE', certifiedShare: 0.9 })],
      expected: { VILLAGE: { certifiedShare: 0.3 } },
    },
    {
      rules: [rule({ subject: 'OFFICIAL', minGuided: 1 }), rule({ subject: 'UNIT', certifiedShare: 1 })],
      expected: { OFFICIAL: { minGuided: 1 }, UNIT: { certifiedShare: 1 } },
    },
  ])('keeps the first rule stated for each subject: $expected', ({ rules, expected }) =>
    expect(rulesBySubject(rules)).toEqual(
      Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, expect.objectContaining(v)])),
    ),
  );
});

describe('UNIT: a share of its officials certified, and (when set) a share guiding the quota', () => {
  const certifiedOnly = rule({ subject: 'UNIT', certifiedShare: 0.9 });
  const withGuiding = rule({ subject: 'UNIT', certifiedShare: 0.5, guidingShare: 0.2, minGuided: 3 });
  it.each`
    case                                       | r                   | staff | certified | guiding | eligible
    ${'Ba Tô: all certified, half guide 10+'}  | ${BA_TO.UNIT!}      | ${20} | ${20}     | ${10}   | ${true}
    ${'Ba Tô: one official not certified'}     | ${BA_TO.UNIT!}      | ${20} | ${19}     | ${10}   | ${false}
    ${'Ba Tô: one short of half guiding'}      | ${BA_TO.UNIT!}      | ${20} | ${20}     | ${9}    | ${false}
    ${'Ba Tô: more than half guiding'}         | ${BA_TO.UNIT!}      | ${20} | ${20}     | ${20}   | ${true}
    ${'Khánh Cường: 90% exactly'}              | ${KHANH_CUONG.UNIT} | ${10} | ${9}      | ${0}    | ${true}
    ${'Khánh Cường: 80%'}                      | ${KHANH_CUONG.UNIT} | ${10} | ${8}      | ${0}    | ${false}
    ${'certified share only: guiding ignored'} | ${certifiedOnly}    | ${10} | ${9}      | ${0}    | ${true}
    ${'both shares reached'}                   | ${withGuiding}      | ${10} | ${5}      | ${2}    | ${true}
    ${'guiding share not reached'}             | ${withGuiding}      | ${10} | ${5}      | ${1}    | ${false}
    ${'certified share not reached'}           | ${withGuiding}      | ${10} | ${4}      | ${2}    | ${false}
    ${'no staff figure'}                       | ${BA_TO.UNIT!}      | ${0}  | ${0}      | ${0}    | ${false}
  `(
    '$case → $eligible',
    ({ r, staff, certified, guiding, eligible }: Row & { staff: number; certified: number; guiding: number }) =>
      expect(unitVerdict(r, staff, certified, guiding).eligible).toBe(eligible),
  );

  it('says what it measured against what, and names the rule', () => {
    expect(unitVerdict(withGuiding, 10, 5, 1)).toEqual({
      eligible: false,
      reason: '50% CBCCVC có chứng nhận (cần 50%); 10% CBCCVC hướng dẫn từ 3 người trở lên (cần 20%)',
      rule: 'quy định thử',
    });
    expect(unitVerdict(certifiedOnly, 10, 9, 0).reason).toBe('90% CBCCVC có chứng nhận (cần 90%)');
    expect(unitVerdict(BA_TO.UNIT!, 0, 0, 0).reason).toMatch(/chưa có số biên chế/);
  });
});

describe('VILLAGE: a share of its working-age residents joined and certified', () => {
  it.each`
    case                           | r                                                  | workingAge | certified | eligible
    ${'Ba Tô: 70% exactly'}        | ${BA_TO.VILLAGE!}                                  | ${1000}    | ${700}    | ${true}
    ${'Ba Tô: one short of 70%'}   | ${BA_TO.VILLAGE!}                                  | ${1000}    | ${699}    | ${false}
    ${'Khánh Cường: 50% exactly'}  | ${KHANH_CUONG.VILLAGE}                             | ${1000}    | ${500}    | ${true}
    ${'Khánh Cường: under 50%'}    | ${KHANH_CUONG.VILLAGE}                             | ${1000}    | ${499}    | ${false}
    ${'a rule of 100%'}            | ${rule({ subject: 'VILLAGE', certifiedShare: 1 })} | ${10}      | ${10}     | ${true}
    ${'no working-age figure'}     | ${BA_TO.VILLAGE!}                                  | ${null}    | ${500}    | ${false}
    ${'a working-age figure of 0'} | ${BA_TO.VILLAGE!}                                  | ${0}       | ${0}      | ${false}
  `(
    '$case → $eligible',
    ({ r, workingAge, certified, eligible }: Row & { workingAge: number | null; certified: number }) =>
      expect(villageVerdict(r, workingAge, certified).eligible).toBe(eligible),
  );

  it('says the share and what the rule asks', () => {
    expect(villageVerdict(BA_TO.VILLAGE!, 1000, 699)).toEqual({
      eligible: false,
      reason: '69.9% người trong độ tuổi lao động tham gia và có chứng nhận (cần 70%)',
      rule: BA_TO.VILLAGE!.description,
    });
    expect(villageVerdict(BA_TO.VILLAGE!, null, 1).reason).toMatch(/chưa có số người trong độ tuổi lao động/);
  });
});

describe('OFFICIAL and RESIDENT: certified, and guided at least the quota', () => {
  const noQuota = rule({ subject: 'RESIDENT' });
  it.each`
    case                                    | r                       | certified | guided | eligible
    ${'Ba Tô official: 5, the quota’s low'} | ${BA_TO.OFFICIAL!}      | ${true}   | ${5}   | ${true}
    ${'Ba Tô official: 4'}                  | ${BA_TO.OFFICIAL!}      | ${true}   | ${4}   | ${false}
    ${'Ba Tô official: 12, above 5'}        | ${BA_TO.OFFICIAL!}      | ${true}   | ${12}  | ${true}
    ${'Ba Tô official: not certified'}      | ${BA_TO.OFFICIAL!}      | ${false}  | ${30}  | ${false}
    ${'Ba Tô resident: 2'}                  | ${BA_TO.RESIDENT!}      | ${true}   | ${2}   | ${true}
    ${'Ba Tô resident: 1'}                  | ${BA_TO.RESIDENT!}      | ${true}   | ${1}   | ${false}
    ${'Khánh Cường official: 3'}            | ${KHANH_CUONG.OFFICIAL} | ${true}   | ${3}   | ${true}
    ${'Khánh Cường official: 2'}            | ${KHANH_CUONG.OFFICIAL} | ${true}   | ${2}   | ${false}
    ${'no quota: certified is enough'}      | ${noQuota}              | ${true}   | ${0}   | ${true}
    ${'no quota, not certified'}            | ${noQuota}              | ${false}  | ${0}   | ${false}
  `('$case → $eligible', ({ r, certified, guided, eligible }: Row & { certified: boolean; guided: number }) =>
    expect(personVerdict(r, certified, guided).eligible).toBe(eligible),
  );

  it.each`
    r                                                            | text
    ${BA_TO.OFFICIAL!}                                           | ${'5'}
    ${BA_TO.UNIT!}                                               | ${'10–20'}
    ${BA_TO.RESIDENT!}                                           | ${'2'}
    ${rule({ subject: 'OFFICIAL', minGuided: 5, maxGuided: 5 })} | ${'5'}
    ${noQuota}                                                   | ${'0'}
  `('states the quota as $text', ({ r, text }) => expect(quotaText(r as RewardRuleData)).toBe(text));

  it('says whether certified, how many were guided, and the quota', () =>
    expect(personVerdict(BA_TO.OFFICIAL!, true, 7).reason).toBe(
      'Có chứng nhận; đã hướng dẫn 7 người (cần 5, chỉ tiêu 5)',
    ));
});

describe('a commune’s candidates, by its plan’s rules', () => {
  const figures = (residentsCertified: number, officialsCertified: number) => {
    const f = emptyFigures();
    f.RESIDENTS.certified = residentsCertified;
    f.OFFICIALS.certified = officialsCertified;
    return f;
  };
  const latest: Record<string, { reportId: number; figures: ReturnType<typeof emptyFigures> }> = {
    V1: { reportId: 1, figures: figures(70, 0) },
    V2: { reportId: 3, figures: figures(40, 0) },
    U1: { reportId: 2, figures: figures(0, 4) },
  };
  const input: Omit<Parameters<typeof rewardCandidates>[0], 'rules'> = {
    children: [
      { id: 'V1', name: 'Thôn 1', level: 'VILLAGE', unitType: null, staff: null },
      { id: 'V2', name: 'Thôn 2', level: 'VILLAGE', unitType: null, staff: null },
      { id: 'V3', name: 'Thôn 3 (chưa báo cáo)', level: 'VILLAGE', unitType: null, staff: null },
      { id: 'U1', name: 'Công an', level: 'UNIT', unitType: 'POLICE', staff: 4 },
      { id: 'U2', name: 'Tổ công nghệ số', level: 'UNIT', unitType: 'DIGITAL_TEAM', staff: 5 },
    ],
    latest: (id) => latest[id],
    workingAge: (id) => (id === 'V3' ? null : 100),
    people: [
      { reportId: 2, name: 'A', role: 'OFFICIAL', certified: true, guided: 10 },
      { reportId: 2, name: 'B', role: 'OFFICIAL', certified: true, guided: 4 },
      { reportId: 1, name: 'C', role: 'RESIDENT', certified: false, guided: 3 },
      { reportId: 99, name: 'D', role: 'RESIDENT', certified: true, guided: 2 }, // in an older report
    ],
  };
  const verdicts = (rules: readonly RewardRuleData[]) => {
    const c = rewardCandidates({ ...input, rules });
    return {
      villages: c.villages.map((v) => [v.village?.id, v.share, v.eligible]),
      units: c.units.map((u) => [u.unit?.id, u.share, u.guided, u.eligible]),
      people: c.people.map((p) => [p.name, p.village?.id ?? p.unit?.id ?? null, p.eligible]),
    };
  };

  it.each`
    plan               | rules                                                  | villages                                                        | units                    | people
    ${'Ba Tô'}         | ${BA_TO_OCTOBER_LETTER.rewardRules}                    | ${[['V1', 0.7, true], ['V2', 0.4, false], ['V3', null, false]]} | ${[['U1', 1, 1, false]]} | ${[['A', 'U1', true], ['B', 'U1', false], ['C', 'V1', false], ['D', null, true]]}
    ${'Khánh Cường'}   | ${KHANH_CUONG_PLAN.rewardRules}                        | ${[['V1', 0.7, true], ['V2', 0.4, false], ['V3', null, false]]} | ${[['U1', 1, 2, true]]}  | ${[['A', 'U1', true], ['B', 'U1', true]]}
    ${'villages only'} | ${[rule({ subject: 'VILLAGE', certifiedShare: 0.4 })]} | ${[['V1', 0.7, true], ['V2', 0.4, true], ['V3', null, false]]}  | ${[]}                    | ${[]}
    ${'none'}          | ${[]}                                                  | ${[]}                                                           | ${[]}                    | ${[]}
  `(
    '$plan’s rules judge what they cover, and only that',
    ({
      rules,
      villages,
      units,
      people,
    }: { rules: readonly RewardRuleData[] } & Record<'villages' | 'units' | 'people', unknown[]>) =>
      expect(verdicts(rules)).toEqual({ villages, units, people }),
  );

  it('counts a unit’s officials guiding at least its own rule’s quota (Ba Tô: 10)', () => {
    // Ba Tô's unit: A guided 10 (≥ 10) but B only 4, so 1 of 4 officials guides: under the 50% the plan asks.
    expect(rewardCandidates({ ...input, rules: BA_TO_OCTOBER_LETTER.rewardRules }).units[0].reason).toContain(
      '25% CBCCVC hướng dẫn từ 10 người trở lên (cần 50%)',
    );
  });

  it('gives each candidate the rule it was measured against', () => {
    const c = rewardCandidates({ ...input, rules: BA_TO_OCTOBER_LETTER.rewardRules });
    expect(c.units[0].rule).toBe(BA_TO.UNIT!.description);
    expect(c.villages[0].rule).toBe(BA_TO.VILLAGE!.description);
    expect(c.people.map((p) => p.rule)).toEqual([
      BA_TO.OFFICIAL!.description,
      BA_TO.OFFICIAL!.description,
      BA_TO.RESIDENT!.description,
      BA_TO.RESIDENT!.description,
    ]);
  });
});

describe('how many are rewarded: Ba Tô’s officials, 5 to 10 individuals (004 §4.1)', () => {
  // Twelve officials meet the rule, named in one report each; guided 5..15, two tied at 9.
  const officials = Array.from({ length: 12 }, (_, i) => ({
    reportId: 100 + i,
    name: `CBCCVC ${String.fromCharCode(65 + i)}`,
    role: 'OFFICIAL' as const,
    certified: true,
    guided: i === 11 ? 9 : 5 + i,
  }));
  const c = rewardCandidates({
    rules: BA_TO_OCTOBER_LETTER.rewardRules,
    children: [],
    latest: () => undefined,
    workingAge: () => null,
    people: [...officials, { reportId: 1, name: 'Không đủ', role: 'OFFICIAL', certified: true, guided: 4 }],
  });

  /** Each candidate's place in the stated order, as its reason says it ("thứ 3 …"). */
  const place = (reason: string) => Number(/thứ (\d+)/.exec(reason)?.[1]);
  const inOrder = (people: typeof c.people) => [...people].sort((a, b) => place(a.reason) - place(b.reason));

  it('proposes at most 10, in the stated order: most guided, then the earlier report, then the name', () => {
    const proposed = inOrder(c.people.filter((p) => p.eligible));
    expect(proposed.map((p) => place(p.reason))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(proposed.map((p) => p.guided)).toEqual([15, 14, 13, 12, 11, 10, 9, 9, 8, 7]);
    // The two at 9: the earlier report (CBCCVC E, report 104) before the later (CBCCVC L, report 111).
    expect(proposed.filter((p) => p.guided === 9).map((p) => p.name)).toEqual(['CBCCVC E', 'CBCCVC L']);
    expect(proposed[0].reason).toContain(`thứ 1 trong số được đề xuất (5–10 cá nhân, ${AWARD_ORDER_VI})`);
  });

  it('lists those past the tenth as meeting the rule but beyond the number rewarded, and the rest as not meeting it', () => {
    const beyond = inOrder(c.people.filter((p) => !p.eligible && p.reason.includes('ngoài số lượng khen thưởng')));
    expect(beyond.map((p) => [p.name, p.guided, place(p.reason)])).toEqual([
      ['CBCCVC B', 6, 11],
      ['CBCCVC A', 5, 12],
    ]);
    expect(c.people.find((p) => p.name === 'Không đủ')).toMatchObject({ eligible: false });
  });

  it('leaves a subject whose rule states no number as it is (Ba Tô’s residents)', () => {
    const residents = rewardCandidates({
      rules: BA_TO_OCTOBER_LETTER.rewardRules,
      children: [],
      latest: () => undefined,
      workingAge: () => null,
      people: Array.from({ length: 15 }, (_, i) => ({
        reportId: i,
        name: `Người dân ${i}`,
        role: 'RESIDENT' as const,
        certified: true,
        guided: 2,
      })),
    }).people;
    expect(residents.filter((p) => p.eligible)).toHaveLength(15);
  });
});
