import type { UnitReportFormQuery } from '../../generated/graphql';

/**
 * The unit the form reports for: its name, type, staff and latest figures, and a school's students by level of its
 * newest report (the form starts from them: only the newest report's levels count, none are carried forward).
 */
export type UnitData = UnitReportFormQuery;
export const UNIT_QUERY = /* GraphQL */ `
  query UnitReportForm($id: ID!) {
    unit(id: $id) {
      id
      name
      type
      staff
      commune {
        id
        name
      }
      village {
        id
        name
      }
      progress {
        figuresDate
        groups {
          group
          registered
          completed
          certified
        }
      }
      reports {
        studentLevels {
          level
          enrolled
          registered
          completed
          certified
        }
      }
    }
  }
`;
