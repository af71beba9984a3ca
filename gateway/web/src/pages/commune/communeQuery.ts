/**
 * The commune page's one query and its variables, apart from the page's code: index.html starts it before the
 * pages' bundle has loaded (first-query.ts), and the page takes that answer.
 */
import type { CommuneQueryVariables } from '../../generated/graphql';
import { fridayOfWeek, todayInVietnam } from '../../../../../shared/pure/dates';
import { COVERAGE_FIELDS } from '../../coverage';
import { TARGET_STATUS_FIELDS } from '../province/TargetState';
import { FRIDAY_CHASE_FIELDS } from './FridayChase';
import { PERIOD_FIELDS } from './PeriodActions';
import { COMMUNE_REPORT_FIELDS } from './reportFields';
import { COMMUNE_TARGET_STATUS_FIELDS } from './Targets';
import { VILLAGE_HEADS_FIELDS } from './VillageHeadContact';

/**
 * The commune page's one query: the commune's figures, then each panel's part under its own alias of `commune`, so
 * that a part that fails (its errors carry its alias) leaves the rest of the page shown. The reports' part only when
 * signed in.
 */
export const COMMUNE_QUERY =
  /* GraphQL */ `
  query Commune($id: ID!, $friday: Date!, $signedIn: Boolean!) {
    commune(id: $id) {
      id
      name
      kind
      province {
        id
        code
        name
      }
      population {
        adults
        asOf
      }
      progress {
        asOf
        figuresDate
        learners
        certified
        officialsRegistered
        residentsRegistered
        officialsRate
        residentsRate
        participationRate
        coverage {
          ...CoverageFields
        }
      }
      rank {
        position
        outOf
        previous
        change
        date
      }
      rankHistory {
        date
        position
        outOf
      }
      effectiveTargets {
        indicator
        group
        threshold
        dueOn
        strict
        note
        source
        document
        studentLevels
        citation
        demo
        directiveId
        planId
        overrides {
          threshold
          strict
          dueOn
          source
          document
          directiveId
        }
      }
      plans {
        id
        number
        title
      }
      unitDeadlineStatus {
        deadline {
          reporter
          subject
          dueOn
          before
          document
          citation
          demo
        }
        since
        due
        onTime
        late
        missing
        reporters {
          name
          status
          firstSubmittedAt
        }
      }
      villages {
        id
        name
        formerCommune
        closedOn
        population {
          adults
        }
        progress {
          asOf
          figuresDate
          learners
          certified
          participationRate
        }
      }
      units {
        id
        name
        type
        staff
        closedOn
        progress {
          asOf
          figuresDate
          learners
          certified
          participationRate
          groups {
            group
            registered
            completed
            certified
          }
        }
      }
    }
    targetStatus: commune(id: $id) {
      ...CommuneTargetStatusFields
    }
    chase: commune(id: $id) {
      ...FridayChaseFields
    }
    liveCursor
    heads: commune(id: $id) @include(if: $signedIn) {
      ...VillageHeadsFields
    }
    reports: commune(id: $id) @include(if: $signedIn) {
      id
      communeReports {
        ...CommuneReportFields
      }
      province {
        id
        directives(inForceOnly: true) {
          id
          number
          reportingDeadlines {
            recurrence
            dueOn
            subject
          }
        }
      }
    }
  }
` +
  COMMUNE_TARGET_STATUS_FIELDS +
  TARGET_STATUS_FIELDS +
  FRIDAY_CHASE_FIELDS +
  PERIOD_FIELDS +
  COMMUNE_REPORT_FIELDS +
  VILLAGE_HEADS_FIELDS +
  COVERAGE_FIELDS;

/** This week's Friday in Vietnam: the chase list's first week. */
export const thisWeeksFriday = () => fridayOfWeek(todayInVietnam());

export const communeVariables = (id: string, token: string | null): CommuneQueryVariables => ({
  id,
  friday: thisWeeksFriday(),
  signedIn: !!token,
});
