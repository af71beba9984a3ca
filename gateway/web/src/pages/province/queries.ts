/** The province's GraphQL documents shared by several components and pages (types: ../../generated/graphql.ts). */
import type { RankSubscription, RankingFieldsFragment } from '../../generated/graphql';

/** A row of the ranking, as the dashboard's table and the wall screen show it. */
export const RANKING_FIELDS = /* GraphQL */ `
  fragment RankingFields on RankingEntry {
    position
    outOf
    previous
    change
    date
    commune {
      id
      name
      kind
    }
    progress {
      asOf
      learners
      officialsRegistered
      residentsRegistered
      officialsRate
      residentsRate
      participationRate
    }
  }
`;
export type RankingRow = RankingFieldsFragment;

export const RANK_SUBSCRIPTION = /* GraphQL */ `
  subscription Rank($provinceId: ID!, $after: ID) {
    rankChanged(provinceId: $provinceId, after: $after) {
      eventId
      asOf
      previous
      position
      outOf
      change
      commune {
        id
        name
      }
    }
  }
`;
export type RankEvent = RankSubscription['rankChanged'];

export const PROGRESS_SUBSCRIPTION = /* GraphQL */ `
  subscription Progress($areaId: ID!, $after: ID) {
    progressUpdated(areaId: $areaId, after: $after) {
      eventId
      areaId
      asOf
      cause
    }
  }
`;
