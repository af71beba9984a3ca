/** The province's GraphQL documents shared by several components and pages (types: ../../generated/graphql.ts). */
import { COVERAGE_FIELDS } from '../../coverage';
import type { ProvinceProgressSubscription, RankSubscription, RankingFieldsFragment } from '../../generated/graphql';

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
      figuresDate
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
      batch
      batchSize
      commune {
        id
        name
      }
      progress {
        asOf
        figuresDate
        learners
        officialsRegistered
        residentsRegistered
        officialsRate
        residentsRate
        participationRate
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

/** The province's totals as each report changes them (the dashboard applies them without reloading). */
export const PROVINCE_PROGRESS_SUBSCRIPTION =
  /* GraphQL */ `
  subscription ProvinceProgress($areaId: ID!, $after: ID) {
    progressUpdated(areaId: $areaId, after: $after) {
      eventId
      progress {
        asOf
        figuresDate
        adults
        learners
        officialsRegistered
        residentsRegistered
        officialsRate
        residentsRate
        participationRate
        coverage {
          ...CoverageFields
        }
      }
    }
  }
` + COVERAGE_FIELDS;
export type ProvinceProgressEvent = ProvinceProgressSubscription['progressUpdated'];

/** Each commune's position a week ago, for "Thay đổi" against last week. */
export const WEEK_AGO_FIELDS = /* GraphQL */ `
  fragment WeekAgoFields on RankingEntry {
    position
    commune {
      id
    }
  }
`;
