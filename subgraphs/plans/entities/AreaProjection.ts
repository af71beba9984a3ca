import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { AreaLevelName } from '../../../shared/vocabulary/enums';

/**
 * The plans subgraph's copy of the areas the registry publishes (area.upserted): which province a commune is in,
 * the communes of a province, and which commune a village or unit belongs to. Written only by the consumer.
 */
@Entity({ tableName: 'area_projection' })
@Index({ properties: ['provinceId', 'level'] })
export class AreaProjection {
  @PrimaryKey({ type: 'string', length: 16 })
  id!: string;

  @Property({ type: 'string', length: 10 })
  level!: AreaLevelName;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  parentId: string | null = null;

  @Property({ type: 'string', length: 16 })
  provinceId!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  @Index()
  communeId: string | null = null;
}
