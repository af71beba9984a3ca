import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { DirectiveStatusName } from '../../../shared/vocabulary/enums';
import type { TargetData } from '../../../shared/vocabulary/model';

/** The plans subgraph's copy of province directives (directive.changed), at their latest revision. */
@Entity({ tableName: 'directive_projection' })
export class DirectiveProjection {
  @PrimaryKey({ type: 'string', length: 60 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  @Index()
  provinceId!: string;

  @Property({ type: 'string', length: 60 })
  number!: string;

  @Property({ type: 'string', length: 400 })
  title!: string;

  @Property({ type: 'date' })
  issuedOn!: string;

  @Property({ type: 'string', length: 12 })
  status!: DirectiveStatusName;

  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'json' })
  targets: TargetData[] = [];
}
