import { gql } from '../../api';
import type { DirectivesQuery, DirectivesQueryVariables } from '../../generated/graphql';

const DIRECTIVES_QUERY = /* GraphQL */ `
  query Directives($code: String!) {
    province(code: $code) {
      id
      directives(inForceOnly: true) {
        id
        number
        title
        status
        targets {
          indicator
          group
          threshold
          dueOn
          strict
          note
        }
        reportingDeadlines {
          recurrence
          dueOn
          before
          subject
        }
        communesWithoutPlan {
          id
          name
        }
      }
    }
  }
`;

export type Directive = NonNullable<DirectivesQuery['province']>['directives'][number];

const directivesCache = new Map<string, Promise<Directive[]>>();

/** The province's directives in force, asked once per page for the three panels that use them. */
export function loadDirectives(code: string): Promise<Directive[]> {
  let p = directivesCache.get(code);
  if (!p) {
    const variables: DirectivesQueryVariables = { code };
    p = gql<DirectivesQuery>(DIRECTIVES_QUERY, variables).then((d) => d.province?.directives ?? []);
    p.catch(() => directivesCache.delete(code));
    directivesCache.set(code, p);
  }
  return p;
}
