import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A row of the province portal's statistics page (source PORTAL): one commune on one date, as published. An
 * import for the same commune and date adds a newer row; the latest import counts.
 */
@Entity({ tableName: 'portal_statistic' })
@Unique({ properties: ['communeId', 'statDate', 'importId'] })
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

  /** The rank the portal published, kept to compare with ours. */
  @Property({ type: 'integer', nullable: true })
  portalRank: number | null = null;

  @Property({ type: 'integer' })
  learners!: number;

  @Property({ type: 'integer' })
  officialsRegistered!: number;

  @Property({ type: 'integer' })
  residentsRegistered!: number;

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
