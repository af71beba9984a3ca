import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { DirectiveTargetRecord } from '../../../shared/vocabulary/events';
import type { DirectiveStatusName } from '../../../shared/vocabulary/enums';

/** The latest revision of each province directive's targets, from the directives subgraph's events. */
@Entity({ tableName: 'directive_target' })
export class DirectiveTarget {
  @PrimaryKey({ type: 'string', length: 40 })
  directiveId!: string;

  @Property({ type: 'string', length: 16 })
  @Index()
  provinceId!: string;

  @Property({ type: 'string', length: 60 })
  number!: string;

  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'string', length: 12 })
  status!: DirectiveStatusName;

  @Property({ type: 'json' })
  targets: DirectiveTargetRecord[] = [];

  /** Its reporting deadlines as published (one-off `dueOn` with `before`, or weekly). */
  @Property({ type: 'json', default: '[]' })
  deadlines: Array<Record<string, unknown>> = [];
}
