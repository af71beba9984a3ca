import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { AreaLevelName } from '../../../shared/vocabulary/enums';

/**
 * The hierarchy as the reports subgraph knows it: a projection of the registry's `area.upserted` events (this
 * subgraph never reads the registry's tables). Used to roll figures up and to rank communes.
 */
@Entity({ tableName: 'area' })
export class Area {
  @PrimaryKey({ type: 'string', length: 16 })
  id!: string;

  @Property({ type: 'string', length: 12 })
  level!: AreaLevelName;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  parentId: string | null = null;

  @Property({ type: 'string', length: 16 })
  @Index()
  provinceId!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  @Index()
  communeId: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  formerCommune: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  unitType: string | null = null;

  @Property({ type: 'integer', nullable: true })
  staff: number | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  villageId: string | null = null;

  /** A village's or unit's closing day (registry keeping): expected to report up to it, not after. */
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;
}
