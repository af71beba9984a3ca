import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';

/** A name a village or unit carried until a rename (kept in its `formerNames`, JSON). */
@ObjectType('FormerName', { description: 'A name a village or unit carried until it was renamed.' })
export class FormerName {
  @Field(() => String)
  name!: string;

  @Field(() => DateScalar, { description: 'The day the new name took effect.' })
  until!: string;
}
