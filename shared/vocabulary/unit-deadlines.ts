/**
 * A one-off deadline of a commune's plan that names kinds of unit (schools by 05/11, digital teams by 07/11 in Ba Tô's
 * letter of 27/10/2025): plans states it (`Commune.unitDeadlines`), reports chases the units against it
 * (`Commune.unitDeadlineStatus`, which @requires it). One class for both subgraphs, so the type is identical in both.
 */
import { Directive as GqlDirective, Field, ObjectType } from 'type-graphql';
import { DateScalar } from './scalars';
import { UnitType } from './enums';
import { CITATION_FIELD, DEMO_FIELD } from './values';

@ObjectType('UnitDeadline', { description: 'A one-off deadline of a commune’s plan that names kinds of unit.' })
@GqlDirective('@shareable')
export class UnitDeadline {
  @Field(() => String, { description: 'Who reports, in the letter’s words.' })
  reporter!: string;

  @Field(() => String, { description: 'What is reported.' })
  subject!: string;

  // Twelve kinds of unit at most (the @listSize every list field declares).
  @GqlDirective('@listSize(assumedSize: 12)')
  @Field(() => [UnitType], { description: 'The kinds of unit that must report.' })
  reporterTypes!: UnitType[];

  @Field(() => DateScalar, { description: 'The date in the letter.' })
  dueOn!: string;

  @Field(() => Boolean, { description: 'True for "before" (trước ngày): the last day is the day before.' })
  before!: boolean;

  @Field(() => DateScalar, { description: 'The plan’s date: reports dated from it on answer the deadline.' })
  issuedOn!: string;

  @Field(() => String, { description: 'The plan’s number (e.g. "UBND 10/2025").' })
  document!: string;

  @Field(() => String, CITATION_FIELD)
  citation!: string | null;

  @Field(() => Boolean, DEMO_FIELD)
  demo!: boolean;
}
