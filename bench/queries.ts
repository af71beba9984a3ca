/** The requests the benchmark times: what the province dashboard and the commune page send. */

/** The province dashboard's live query exactly as the page sends it (gateway/web/src/pages/province.ts, LIVE_QUERY). */
export const DASHBOARD_PAGE = `query Dashboard($code: String!) { province(code: $code) { id code name fullName
  progress { asOf figuresDate adults learners officialsRegistered residentsRegistered officialsRate residentsRate participationRate }
  progressHistory { asOf learners officialsRate residentsRate participationRate }
  ranking { position outOf previous change date commune { id name kind } progress { asOf learners officialsRegistered residentsRegistered officialsRate residentsRate participationRate } } } }`;

/** The same dashboard with each commune's rank (reports) and effective targets (plans): entity fan-out per commune. */
export const DASHBOARD_FANOUT = `query DashboardFanOut($code: String!) { province(code: $code) { id code name fullName
  progress { asOf figuresDate adults learners officialsRegistered residentsRegistered officialsRate residentsRate participationRate }
  progressHistory { asOf learners officialsRate residentsRate participationRate }
  ranking { position outOf previous change date
    commune { id name kind rank { position outOf change } effectiveTargets { indicator group threshold dueOn strict source } }
    progress { asOf learners officialsRegistered residentsRegistered officialsRate residentsRate participationRate } } } }`;

/** The commune page's village breakdown. */
export const COMMUNE_VILLAGES = `query CommuneVillages($id: ID!) { commune(id: $id) { id name kind
  villages { id name formerCommune population { adults workingAge } progress { learners certified participationRate } } } }`;

export interface BenchRequest {
  key: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The three requests of issue 13's table. */
export const GATEWAY_REQUESTS: readonly BenchRequest[] = [
  { key: 'page', label: 'dashboard as the page sends it', query: DASHBOARD_PAGE, variables: { code: '23' } },
  {
    key: 'fanout',
    label: 'dashboard + rank + effectiveTargets',
    query: DASHBOARD_FANOUT,
    variables: { code: '23' },
  },
  { key: 'villages', label: 'commune village breakdown', query: COMMUNE_VILLAGES, variables: { id: 'C02949' } },
];

/** Issue 11's probe: communes of the province, three times (110 bytes); before the cost counted lists it made the
 * gateway build 885,000 objects (14.4 MB) in 9.7 s. Refused now (test/stack/access.test.ts, bench/refusals.ts). */
export const PROBE = `{commune(id:"C02949"){province{communes{province{communes{province{communes{name}}}}}}}}`;

/** Fragments that each spread the one before twice: 2^30 walks for a naive estimate, in about 1.3 KB. */
export function fragmentBomb(levels = 30): string {
  const fragments = [`fragment F0 on Query { provinces { code } }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `{ ...F${levels} } ${fragments.join(' ')}`;
}
