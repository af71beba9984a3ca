import type { DirectivesFieldsFragment } from '../../generated/graphql';

/**
 * The province's directives in force, as the dashboard's panels read them (targets, communes without a plan): one
 * part of the dashboard's one query. The communes without a plan by id only: their names are in the ranking of the
 * same answer (asking them here would add a third hop, directives → registry, to the whole page's answer).
 */
export const DIRECTIVES_FIELDS = /* GraphQL */ `
  fragment DirectivesFields on Province {
    id
    directives(inForceOnly: true) {
      id
      number
      title
      status
      demo
      citation
      targets {
        indicator
        group
        threshold
        dueOn
        strict
        note
        studentLevels
        citation
        demo
      }
      communesWithoutPlan {
        id
      }
    }
  }
`;

export type Directive = DirectivesFieldsFragment['directives'][number];
