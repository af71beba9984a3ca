import type { VillageQuery } from '../../generated/graphql';

/** The village the form reports for: names, adults and the latest figures (the form starts from them). */
export type VillageData = VillageQuery;
export const QUERY = /* GraphQL */ `
  query Village($id: ID!) {
    village(id: $id) {
      id
      name
      formerCommune
      commune {
        id
        name
        province {
          code
          name
        }
      }
      population {
        adults
      }
      progress {
        asOf
        figuresDate
        learners
        certified
        groups {
          group
          registered
          completed
          certified
        }
      }
    }
  }
`;
