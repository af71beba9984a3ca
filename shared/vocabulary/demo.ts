/**
 * The seed letters' province directives (Quảng Ngãi, P23) as other subgraphs' demo data refers to them: id,
 * number and date. Their content is the directives subgraph's (subgraphs/directives/demo.ts).
 */
export const DEMO_DIRECTIVE_REFS = {
  plan125: { id: '125-kh-ubnd-2025', provinceId: 'P23', number: '125/KH-UBND', issuedOn: '2025-06-02' },
  letter639: { id: '639-skhcn-bcvt-cds-2025', provinceId: 'P23', number: '639/SKHCN-BCVT&CĐS', issuedOn: '2025-08-05' },
  plan2027: {
    id: '2027-skhcn-bcvt-cds-2025',
    provinceId: 'P23',
    number: '2027/SKHCN-BCVT&CĐS',
    issuedOn: '2025-10-09',
  },
  notice2761: {
    id: '2761-skhcn-bcvt-cds-2025',
    provinceId: 'P23',
    number: '2761/SKHCN-BCVT&CĐS',
    issuedOn: '2025-11-11',
  },
} as const;

export const DEMO_IDS = {
  plan125: DEMO_DIRECTIVE_REFS.plan125.id,
  letter639: DEMO_DIRECTIVE_REFS.letter639.id,
  plan2027: DEMO_DIRECTIVE_REFS.plan2027.id,
  notice2761: DEMO_DIRECTIVE_REFS.notice2761.id,
} as const;
