/**
 * The GraphQL view of a reward rule (tiêu chí khen thưởng): stated in a commune's plan (plans) and read by reports,
 * which judges villages, units and people by it. The same class in both subgraphs, as Federation requires of a
 * @shareable type. Plain data: model.ts.
 */
import { Directive as GqlDirective, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RewardSubject } from './enums';
import type { RewardRuleData } from './model';
import { CITATION_FIELD, DEMO_FIELD } from './values';

@ObjectType('RewardRule', {
  description:
    'A reward rule (tiêu chí khen thưởng) as data: stated in a commune’s plan (plans), evaluated by reports ' +
    '(`Commune.rewards`).',
})
@GqlDirective('@shareable')
export class RewardRule implements RewardRuleData {
  @Field(() => RewardSubject)
  subject!: RewardSubject;

  @Field(() => Float, {
    nullable: true,
    description:
      'UNIT: share of its officials certified; VILLAGE: share of its working-age residents joined and certified.',
  })
  certifiedShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'UNIT: share of its officials who each guided at least minGuided residents.',
  })
  guidingShare!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The quota: working-age residents each must have guided, at least (Ba Tô’s officials: 5).',
  })
  minGuided!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The quota’s upper end (Ba Tô’s units: 10–20); guiding more still meets the rule.',
  })
  maxGuided!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many of the subject are rewarded, at least (Ba Tô’s officials: 5, "từ 5-10 cá nhân"; fewer when fewer ' +
      'meet the rule).',
  })
  minAwardees!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many are rewarded at most (Ba Tô’s officials: 10): when more meet the rule, the first in order (most ' +
      'residents guided, then the earlier report, then the name) are proposed, the others are listed as beyond it.',
  })
  maxAwardees!: number | null;

  @Field(() => String)
  description!: string;

  @Field(() => String, CITATION_FIELD)
  citation!: string | null;

  @Field(() => Boolean, DEMO_FIELD)
  demo!: boolean;
}

/** The GraphQL view of a rule's data (absent numbers as null). */
export const rewardRuleView = (r: RewardRuleData): RewardRule => ({
  subject: r.subject as RewardSubject,
  certifiedShare: r.certifiedShare ?? null,
  guidingShare: r.guidingShare ?? null,
  minGuided: r.minGuided ?? null,
  maxGuided: r.maxGuided ?? null,
  minAwardees: r.minAwardees ?? null,
  maxAwardees: r.maxAwardees ?? null,
  description: r.description,
  citation: r.citation ?? null,
  demo: r.demo ?? false,
});

/** Rules are stored as the plan stated them (JSON): a rule without the mark is not demo. */
@Resolver(() => RewardRule)
export class RewardRuleResolver {
  @FieldResolver(() => Boolean, DEMO_FIELD)
  demo(@Root() rule: RewardRuleData): boolean {
    return rule.demo ?? false;
  }
}
