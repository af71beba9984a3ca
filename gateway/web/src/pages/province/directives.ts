import type { DirectivesFieldsFragment } from '../../generated/graphql';

/**
 * The province's directives in force, as the dashboard's panels read them (targets, communes without a plan): one
 * part of the dashboard's one query.
 */
export const DIRECTIVES_FIELDS = /* GraphQL */ `
  fragment DirectivesFields on Province {
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
      communesWithoutPlan {
        id
        name
      }
    }
  }
`;

export type Directive = DirectivesFieldsFragment['directives'][number];
