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
