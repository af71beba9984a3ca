/**
 * The dashboard's one query and its variables, apart from the page's code: index.html starts it before the pages'
 * bundle has loaded (first-query.ts), and the page takes that answer.
 */
import { addDays, todayInVietnam } from '../../../../../shared/pure/dates';
import type { DashboardQueryVariables } from '../../generated/graphql';
import { COVERAGE_FIELDS } from '../../coverage';
import { DEADLINE_STATUS_FIELDS } from './DeadlineChase';
import { DIRECTIVES_FIELDS } from './directives';
import { RANKING_FIELDS, WEEK_AGO_FIELDS } from './queries';
import { REPORT_FOLLOW_UP_FIELDS } from './ReportFollowUp';
import { TARGET_STATUS_FIELDS } from './TargetState';
import { PROVINCE_TARGETS_FIELDS } from './Targets';

/**
 * The dashboard's one query: the province's figures and ranking, then each panel's part under its own alias of
 * `province`, so that a part that fails (its errors carry its alias) leaves the rest of the page shown; and the live
 * cursor the page subscribes from.
 */
export const DASHBOARD_QUERY =
  /* GraphQL */ `query Dashboard($code: String!, $weekAgo: Date!) { province(code: $code) { id code name fullName
  progress { asOf figuresDate adults learners officialsRegistered residentsRegistered
    officialsRate residentsRate participationRate coverage { ...CoverageFields } }
  progressHistory { asOf learners officialsRate residentsRate participationRate }
  ranking { ...RankingFields }
  weekAgo: ranking(asOf: $weekAgo) { ...WeekAgoFields } }
  targets: province(code: $code) { ...ProvinceTargetsFields }
  directives: province(code: $code) { ...DirectivesFields }
  deadlineChase: province(code: $code) { reportingStatus(latest: true) { ...DeadlineStatusFields } }
  followUp: province(code: $code) { ...ReportFollowUpFields }
  liveCursor }` +
  RANKING_FIELDS +
  COVERAGE_FIELDS +
  WEEK_AGO_FIELDS +
  PROVINCE_TARGETS_FIELDS +
  TARGET_STATUS_FIELDS +
  DIRECTIVES_FIELDS +
  DEADLINE_STATUS_FIELDS +
  REPORT_FOLLOW_UP_FIELDS;

export const dashboardVariables = (code: string): DashboardQueryVariables => ({
  code,
  weekAgo: addDays(todayInVietnam(), -7),
});
