import { BadInputError, NotFoundError } from '../../shared/pure/errors';
import type { TargetData } from '../../shared/vocabulary/model';
import type { AreaFacts, DirectiveFacts, PlanContent } from '../../subgraphs/plans/model';
import { resolveEffectiveTargets } from '../../subgraphs/plans/targets';
import { validatePlan, type PlanLookups } from '../../subgraphs/plans/validation';

const t = (
  indicator: TargetData['indicator'],
  group: TargetData['group'],
  threshold: number,
  dueOn: string,
): TargetData => ({ indicator, group, threshold, dueOn });

describe('resolveEffectiveTargets', () => {
  const province = [
    {
      id: 'd125',
      number: '125/KH-UBND',
      issuedOn: '2025-06-02',
      targets: [t('JOINED', 'RESIDENTS', 0.8, '2025-12-31')],
    },
    {
      id: 'd2027',
      number: '2027/SKHCN',
      issuedOn: '2025-10-09',
      targets: [t('CERTIFIED', 'OFFICIALS', 1, '2025-11-10')],
    },
  ];

  it.each([
    [
      'no plan: the province’s targets',
      [],
      [
        ['CERTIFIED', 'OFFICIALS', 1, 'PROVINCE', 'd2027', null],
        ['JOINED', 'RESIDENTS', 0.8, 'PROVINCE', 'd125', null],
      ],
    ],
    [
      'Ba Tô: its own 70% for residents replaces the province’s 80%, which stays visible',
      [
        {
          id: 'p76',
          number: '76/KH-UBND',
          issuedOn: '2025-10-13',
          targets: [t('JOINED', 'RESIDENTS', 0.7, '2025-12-31')],
        },
      ],
      [
        ['CERTIFIED', 'OFFICIALS', 1, 'PROVINCE', 'd2027', null],
        ['JOINED', 'RESIDENTS', 0.7, 'COMMUNE', 'p76', 0.8],
      ],
    ],
    [
      'a 2026 commune target stands beside the province’s 2025 one',
      [
        {
          id: 'pNB',
          number: '43/KH-UBND',
          issuedOn: '2025-08-15',
          targets: [t('JOINED', 'RESIDENTS', 1, '2026-12-31')],
        },
      ],
      [
        ['CERTIFIED', 'OFFICIALS', 1, 'PROVINCE', 'd2027', null],
        ['JOINED', 'RESIDENTS', 0.8, 'PROVINCE', 'd125', null],
        ['JOINED', 'RESIDENTS', 1, 'COMMUNE', 'pNB', null],
      ],
    ],
    [
      'Ngọk Bay: its 80% of officials by 31/12 stands beside 2027/SKHCN’s 100% certified by 10/11, none hidden',
      [
        {
          id: 'pNB',
          number: '43/KH-UBND',
          issuedOn: '2025-08-15',
          targets: [t('CERTIFIED', 'OFFICIALS', 0.8, '2025-12-31')],
        },
      ],
      [
        ['CERTIFIED', 'OFFICIALS', 1, 'PROVINCE', 'd2027', null],
        ['CERTIFIED', 'OFFICIALS', 0.8, 'COMMUNE', 'pNB', null],
        ['JOINED', 'RESIDENTS', 0.8, 'PROVINCE', 'd125', null],
      ],
    ],
    [
      'the latest plan wins for the same key (same due date)',
      [
        { id: 'old', number: '1/KH', issuedOn: '2025-09-01', targets: [t('JOINED', 'RESIDENTS', 0.6, '2025-12-31')] },
        { id: 'new', number: '2/KH', issuedOn: '2025-10-01', targets: [t('JOINED', 'RESIDENTS', 0.75, '2025-12-31')] },
      ],
      [
        ['CERTIFIED', 'OFFICIALS', 1, 'PROVINCE', 'd2027', null],
        ['JOINED', 'RESIDENTS', 0.75, 'COMMUNE', 'new', 0.8],
      ],
    ],
    [
      'a commune target due earlier than the province’s does not replace it',
      [{ id: 'p', number: '9/KH', issuedOn: '2025-10-01', targets: [t('JOINED', 'RESIDENTS', 0.75, '2025-11-30')] }],
      [
        ['CERTIFIED', 'OFFICIALS', 1, 'PROVINCE', 'd2027', null],
        ['JOINED', 'RESIDENTS', 0.75, 'COMMUNE', 'p', null],
        ['JOINED', 'RESIDENTS', 0.8, 'PROVINCE', 'd125', null],
      ],
    ],
  ])('%s', (_label, plans, expected) => {
    const got = resolveEffectiveTargets(province, plans).map((e) => [
      e.target.indicator,
      e.target.group,
      e.target.threshold,
      e.source,
      e.planId ?? e.directiveId,
      e.overrides?.target.threshold ?? null,
    ]);
    expect(got).toEqual(expected);
  });

  it('the latest province directive wins for the same key', () => {
    const later = [
      ...province,
      {
        id: 'd999',
        number: '999/UBND',
        issuedOn: '2025-11-01',
        targets: [t('JOINED', 'RESIDENTS', 0.9, '2025-12-31')],
      },
    ];
    expect(resolveEffectiveTargets(later, []).find((e) => e.target.group === 'RESIDENTS')?.directiveId).toBe('d999');
  });

  it('names the letter of each target and of the province target a commune one overrides', () => {
    const plans = [
      {
        id: 'p76',
        number: '76/KH-UBND',
        issuedOn: '2025-10-13',
        targets: [t('JOINED', 'RESIDENTS', 0.7, '2025-12-31')],
      },
    ];
    const got = resolveEffectiveTargets(province, plans).map((e) => [e.document, e.overrides?.document ?? null]);
    expect(got).toEqual([
      ['2027/SKHCN', null],
      ['76/KH-UBND', '125/KH-UBND'],
    ]);
  });
});

describe('validatePlan', () => {
  const area = (id: string, level: AreaFacts['level'], communeId: string | null, provinceId = 'P23'): AreaFacts => ({
    id,
    level,
    name: `Tên ${id}`,
    provinceId,
    communeId,
  });
  const directive = (
    id: string,
    provinceId = 'P23',
    status: DirectiveFacts['status'] = 'IN_FORCE',
  ): DirectiveFacts => ({ id, provinceId, number: id, issuedOn: '2025-06-02', status, targets: [] });
  const lookups = (): PlanLookups => ({
    commune: area('C02949', 'COMMUNE', 'C02949'),
    directives: new Map([
      ['d', directive('d')],
      ['hue', directive('hue', 'P04')],
      ['gone', directive('gone', 'P23', 'WITHDRAWN')],
    ]),
    areas: new Map(
      [
        area('V02949-08', 'VILLAGE', 'C02949'),
        area('U02949-11', 'UNIT', 'C02949'),
        area('V02032-01', 'VILLAGE', 'C02032'),
      ].map((a) => [a.id, a]),
    ),
  });
  const plan = (extra: Partial<PlanContent> = {}): PlanContent => ({
    number: '76/KH-UBND',
    title: 'Kế hoạch',
    issuedOn: '2025-10-13',
    directiveIds: ['d'],
    replacesNumber: null,
    targets: [],
    reportingDeadlines: [],
    rewardRules: [],
    tasks: [],
    sessions: [],
    ...extra,
  });

  it.each([
    ['an unknown directive', plan({ directiveIds: ['nope'] }), 'implements', /Không tìm thấy văn bản/],
    ['a directive of another province', plan({ directiveIds: ['hue'] }), 'implements', /không phải của tỉnh/],
    ['a withdrawn directive', plan({ directiveIds: ['gone'] }), 'implements', /thu hồi/],
    ['no directive at all', plan({ directiveIds: [] }), 'implements', /ít nhất một/],
    [
      'a task for a village of another commune',
      plan({ tasks: [{ title: 'x', assigneeId: 'V02032-01', dueOn: '2025-11-01' }] }),
      'tasks[0].assigneeId',
      /không thuộc xã/,
    ],
    [
      'a task for an unknown unit',
      plan({ tasks: [{ title: 'x', assigneeId: 'U02949-99', dueOn: '2025-11-01' }] }),
      'tasks[0].assigneeId',
      /Không tìm thấy/,
    ],
    [
      'a task due before the plan',
      plan({ tasks: [{ title: 'x', assigneeId: 'U02949-11', dueOn: '2025-10-01' }] }),
      'tasks[0].dueOn',
      /trước ngày ban hành/,
    ],
    [
      'a session for a unit',
      plan({ sessions: [{ heldOn: '2025-10-28', venue: 'NVH', villageIds: ['U02949-11'] }] }),
      'sessions[0].villageIds',
      /Không tìm thấy/,
    ],
    [
      'a target of 70 instead of 0.7',
      plan({ targets: [t('JOINED', 'RESIDENTS', 70, '2025-12-31')] }),
      'targets[0].threshold',
      /từ 0 đến 1/,
    ],
    [
      'a reward share above 1',
      plan({ rewardRules: [{ subject: 'VILLAGE', certifiedShare: 7, description: 'x' }] }),
      'rewardRules[0].certifiedShare',
      /từ 0 đến 1/,
    ],
  ])('rejects %s', (_label, input, field, message) => {
    try {
      validatePlan('C02949', input, lookups());
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(BadInputError);
      expect((e as BadInputError).field).toBe(field);
      expect((e as BadInputError).message).toMatch(message);
    }
  });

  it('answers NOT_FOUND for an unknown commune', () => {
    expect(() => validatePlan('C99999', plan(), { ...lookups(), commune: null })).toThrow(NotFoundError);
  });

  it('accepts a plan with tasks and sessions of its own commune', () => {
    const ok = validatePlan(
      'C02949',
      plan({
        tasks: [{ title: ' Báo cáo ', assigneeId: 'V02949-08', dueOn: '2025-11-07' }],
        sessions: [{ heldOn: '2025-10-28', venue: 'NVH Xà Râu', villageIds: ['V02949-08'] }],
      }),
      lookups(),
    );
    expect(ok.tasks).toEqual([{ title: 'Báo cáo', assigneeId: 'V02949-08', dueOn: '2025-11-07', status: 'TODO' }]);
  });
});
