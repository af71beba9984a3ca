/**
 * A row of published statistics (the province portal's statistics page, or the national platform's): one commune on
 * one date, as published. The one shape the CSV reader, the import mutation's input, its checks and the stored row
 * share; a reader fills every field (null where the file has nothing), an input may leave the optional ones out.
 */
export const STATISTIC_SOURCES = ['PORTAL', 'NATIONAL_PLATFORM'] as const;
export type StatisticSourceName = (typeof STATISTIC_SOURCES)[number];

export interface PortalStatisticRow {
  communeId: string;
  /** The statistics' date (YYYY-MM-DD). */
  date: string;
  /** PORTAL (the province portal) or NATIONAL_PLATFORM (binhdanhocvuso.gov.vn). */
  source: StatisticSourceName;
  /** The rank the portal published, kept to compare with ours. */
  rank: number | null;
  learners: number;
  officialsRegistered: number;
  residentsRegistered: number;
  /** As published, in percent (1.53 = 1.53%). */
  officialsPercent: number | null;
  residentsPercent: number | null;
  /** NATIONAL_PLATFORM rows: of its officials / residents, how many are also on the province portal. */
  officialsOnPortal: number | null;
  residentsOnPortal: number | null;
}

type Optional = 'source' | 'rank' | 'officialsPercent' | 'residentsPercent' | 'officialsOnPortal' | 'residentsOnPortal';

/** A row as a client sends it: the optional fields may be absent (source PORTAL, the others null). */
export type PortalStatisticInputRow = Omit<PortalStatisticRow, Optional> & {
  [K in Optional]?: PortalStatisticRow[K] | null;
};
