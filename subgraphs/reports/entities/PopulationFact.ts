import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A population revision as published by the registry (`population.recorded`): the denominators of every rate. */
@Entity({ tableName: 'population_fact' })
@Index({ properties: ['areaId', 'asOf', 'revisionId'] })
export class PopulationFact {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  revisionId!: number;

  @Property({ type: 'string', length: 16 })
  areaId!: string;

  @Property({ type: 'string', length: 12 })
  areaLevel!: string;

  @Property({ type: 'date' })
  asOf!: string;

  @Property({ type: 'integer' })
  adults!: number;

  @Property({ type: 'integer', nullable: true })
  workingAge: number | null = null;

  @Property({ type: 'integer', nullable: true })
  households: number | null = null;

  @Property({ type: 'integer', nullable: true })
  officials: number | null = null;

  @Property({ type: 'integer', nullable: true })
  students: number | null = null;
}
