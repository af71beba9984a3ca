import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';

@ObjectType('Population', {
  description:
    'Population of an area as of a date. An area with a recorded figure of its own uses its latest revision as of ' +
    'the date; a commune without one is the sum of its villages, a province without one the sum of its communes ' +
    '(each by the same rule). In a sum, asOf is the latest date among the parts, and an optional figure is known ' +
    'only when every part has it.',
})
export class PopulationType {
  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => Int, { description: 'Adults (độ tuổi trưởng thành): the denominator of the portal’s rates.' })
  adults!: number;

  @Field(() => Int, { nullable: true, description: 'Working-age people (độ tuổi lao động).' })
  workingAge!: number | null;

  @Field(() => Int, { nullable: true, description: 'Households (hộ gia đình).' })
  households!: number | null;

  @Field(() => Int, { nullable: true, description: 'Officials (CBCCVC).' })
  officials!: number | null;

  @Field(() => Int, { nullable: true, description: 'Students (học sinh).' })
  students!: number | null;
}

@InputType('PopulationInput', { description: 'A population figure to record. Only adults is required.' })
export class PopulationInput {
  @Field(() => DateScalar, { description: 'The date the figure describes (not in the future).' })
  asOf!: string;

  @Field(() => Int)
  adults!: number;

  @Field(() => Int, { nullable: true, description: 'Must not exceed adults.' })
  workingAge?: number | null;

  @Field(() => Int, { nullable: true })
  households?: number | null;

  @Field(() => Int, { nullable: true, description: 'Must not exceed adults.' })
  officials?: number | null;

  @Field(() => Int, { nullable: true })
  students?: number | null;
}
