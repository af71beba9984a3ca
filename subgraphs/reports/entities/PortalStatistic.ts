import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A row of published statistics: the province portal's statistics page (source PORTAL) or the national platform's
 * (NATIONAL_PLATFORM, see progress/statistic-sources.ts): one commune on one date, as published. An import for the same
 * commune, date and source adds a newer row; the latest import counts.
 */
@Entity({ tableName: 'portal_statistic' })
@Unique({ properties: ['communeId', 'statDate', 'source', 'importId'] })
@Index({ properties: ['provinceId', 'statDate'] })
export class PortalStatistic {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 16 })
  provinceId!: string;

  @Property({ type: 'date' })
  statDate!: string;

  /** PORTAL (the province portal) or NATIONAL_PLATFORM (binhdanhocvuso.gov.vn). */
  @Property({ type: 'string', length: 20, default: 'PORTAL' })
  source: 'PORTAL' | 'NATIONAL_PLATFORM' = 'PORTAL';

  /** The rank the portal published, kept to compare with ours. */
  @Property({ type: 'integer', nullable: true })
  portalRank: number | null = null;

  @Property({ type: 'integer' })
  learners!: number;

  @Property({ type: 'integer' })
  officialsRegistered!: number;

  @Property({ type: 'integer' })
  residentsRegistered!: number;

  /** NATIONAL_PLATFORM rows: of its officials / residents, how many are also on the province portal (counted there). */
  @Property({ type: 'integer', nullable: true })
  officialsOnPortal: number | null = null;

  @Property({ type: 'integer', nullable: true })
  residentsOnPortal: number | null = null;

  /** As published, in percent (1.53 = 1.53%). */
  @Property({ type: 'double', nullable: true })
  officialsPercent: number | null = null;

  @Property({ type: 'double', nullable: true })
  residentsPercent: number | null = null;

  @Property({ type: 'string', length: 40 })
  importId!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  importedAt: Date = new Date();

  @Property({ type: 'boolean', default: false })
  demo = false;
}
