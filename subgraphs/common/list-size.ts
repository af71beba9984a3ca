/**
 * How many items each list field may return, declared beside the field with the cost specification's `@listSize`
 * (`@Directive(listSize(COMMUNES_PER_PROVINCE))`): the gateway multiplies by these to refuse a query before it runs
 * (gateway/cost.ts, docs/access.md). Every list field of every subgraph declares one (test/unit/query-cost.test.ts).
 * A bound the hub enforces (a `limit` it refuses beyond) is exact; the others are the most the campaign's data
 * reaches, with room: where one grows with time, it says so.
 */

/** The `@listSize` directive for a field returning at most `assumedSize` items, or as many as `slicing` asks. */
export function listSize(assumedSize: number, slicing?: { arguments: readonly string[] }): string {
  const args = [`assumedSize: ${assumedSize}`];
  if (slicing) args.push(`slicingArguments: [${slicing.arguments.map((a) => JSON.stringify(a)).join(', ')}]`);
  // requireOneSlicingArgument: false: a caller may omit `first` and get the whole list, estimated at assumedSize.
  if (slicing) args.push('requireOneSlicingArgument: false');
  return `@listSize(${args.join(', ')})`;
}

/** Provinces and centrally-run cities after the 1 July 2025 reorganisation (../shared/data). */
export const PROVINCES = 34;
/** Communes of the country after the reorganisation (3,320 in ../shared/data). */
export const COMMUNES = 3400;
/** The largest province has 168 communes (code 30 in ../shared/data). */
export const COMMUNES_PER_PROVINCE = 170;
/** The most communes `communes(limit:)` returns (the registry refuses a larger limit). */
export const COMMUNE_SEARCH_LIMIT = 500;
/** Villages and residential groups of one commune: merged mountain communes reach ~60. */
export const VILLAGES_PER_COMMUNE = 100;
/** Agencies, schools, cooperatives, enterprises and digital teams of one commune. */
export const UNITS_PER_COMMUNE = 100;
/** Accounts of one area: a province's commune officers, village heads and unit reporters. */
export const ACCOUNTS_PER_AREA = 20_000;
/** Letters of one province over the campaign (five seed letters in 2025). */
export const DIRECTIVES_PER_PROVINCE = 200;
/** Plans of one commune over the campaign (one or two a year). */
export const PLANS_PER_COMMUNE = 10;
/** Province letters one plan implements (the demo plans implement two or three). */
export const DIRECTIVES_PER_PLAN = 10;
/** Targets, tasks, sessions, deadlines, periods, rules, modules of one letter or plan. */
export const ITEMS_PER_DOCUMENT = 50;
/** Dates with figures over a campaign year (weekly reports, daily portal imports): grows with time. */
export const DATES_PER_YEAR = 366;
/**
 * Distinct latest-report dates among one area's villages and units (FiguresCoverage.dates): weekly reporting keeps
 * them within a few weeks; each village or unit that stopped reporting adds its last date.
 */
export const FIGURE_DATES_PER_AREA = 60;
/** Revisions of one area's population figure, or one letter's text: grows with corrections. */
export const REVISIONS = 100;
/** Versions of one village's or unit's reports: weekly over two years with corrections; grows with time. */
export const REPORTS_PER_REPORTER = 300;
/** Commune reports of one commune (one per request, drafts and returns included). */
export const COMMUNE_REPORTS_PER_COMMUNE = 100;
/** Key people named in one report, or candidates for a reward (subgraphs' validation caps a report's people). */
export const PEOPLE_PER_REPORT = 500;
/** Key people of a plan: three roles per village, with their history. */
export const KEY_PEOPLE_PER_PLAN = 3 * VILLAGES_PER_COMMUNE * 3;
/** The three key-person roles of a village (trưởng thôn, bí thư chi bộ, trưởng ban công tác Mặt trận). */
export const ROLES_PER_VILLAGE = 3;
/** Figure groups (officials, residents). */
export const FIGURE_GROUPS = 2;
/** Short lists of labels: levels addressed, numbers cited, anomalies, differences. */
export const LABELS = 50;
/**
 * The weight of an `asOf` argument (gateway/cost.ts counts each distinct date once): a date nobody asked before
 * builds a province view of its own, ~0.25 s of work on the demo data, as much as returning ~10,000 objects.
 */
export const AS_OF_WEIGHT = 10_000;
