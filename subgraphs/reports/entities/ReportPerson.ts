import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A named person in a report (for the reward rules): whether certified and how many residents they guided. */
@Entity({ tableName: 'report_person' })
export class ReportPerson {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  @Index()
  reportId!: number;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** OFFICIAL (cán bộ, công chức, viên chức) or RESIDENT (người dân). */
  @Property({ type: 'string', length: 12 })
  role!: 'OFFICIAL' | 'RESIDENT';

  @Property({ type: 'boolean' })
  certified!: boolean;

  /** Working-age residents this person guided. */
  @Property({ type: 'integer' })
  guided!: number;
}
