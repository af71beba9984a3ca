import { Ctx, Directive as GqlDirective, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { RewardRule, rewardRuleView } from '../../../shared/vocabulary/reward-rules';
import { Target } from '../../../shared/vocabulary/values';
import { UnitDeadline } from '../../../shared/vocabulary/unit-deadlines';
import type { UnitType } from '../../../shared/vocabulary/enums';
import { CommunePlan } from '../entities/CommunePlan';
import type { PlansLoaders } from '../loaders';
import { effectiveTargetViews } from '../effective-targets';
import { CommuneRef, DirectiveRef } from './refs';
import { listSize, COMMUNES_PER_PROVINCE, ITEMS_PER_DOCUMENT, PLANS_PER_COMMUNE } from '../../common/list-size';

type Ctx = Context<PlansLoaders>;

@Resolver(() => CommuneRef)
export class CommunePlansResolver {
  @GqlDirective(listSize(PLANS_PER_COMMUNE))
  @FieldResolver(() => [CommunePlan], { description: 'The commune’s plans, newest first.' })
  plans(@Root() commune: CommuneRef, @Ctx() { loaders }: Ctx): Promise<CommunePlan[]> {
    return loaders.plansOfCommune.load(commune.id);
  }

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [RewardRule], {
    description:
      'The reward rules reports evaluate for this commune (`rewards`): those of its newest plan that states any; ' +
      'empty when none of its plans does (then no one is judged).',
  })
  async rewardRules(@Root() commune: CommuneRef, @Ctx() { loaders }: Ctx): Promise<RewardRule[]> {
    const plan = (await loaders.plansOfCommune.load(commune.id)).find((p) => p.rewardRules.length > 0);
    return plan ? plan.rewardRules.map(rewardRuleView) : [];
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The number of the plan the reward rules come from (e.g. 76/KH-UBND); null when no plan states any.',
  })
  async rewardRulesDocument(@Root() commune: CommuneRef, @Ctx() { loaders }: Ctx): Promise<string | null> {
    const plan = (await loaders.plansOfCommune.load(commune.id)).find((p) => p.rewardRules.length > 0);
    return plan?.number ?? null;
  }

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [UnitDeadline], {
    description:
      'The one-off deadlines of the commune’s plans that name kinds of unit (schools by 05/11, digital teams by ' +
      '07/11), earliest first: reports chases those units against them (`unitDeadlineStatus`).',
  })
  async unitDeadlines(@Root() commune: CommuneRef, @Ctx() { loaders }: Ctx): Promise<UnitDeadline[]> {
    const plans = await loaders.plansOfCommune.load(commune.id);
    return plans
      .flatMap((plan) =>
        plan.reportingDeadlines
          .filter((d) => d.recurrence === 'ONCE' && d.dueOn && d.reporterTypes?.length)
          .map((d) => ({
            reporter: d.reporter,
            subject: d.subject,
            reporterTypes: d.reporterTypes as UnitType[],
            dueOn: d.dueOn!,
            before: d.before ?? false,
            issuedOn: plan.issuedOn,
            document: plan.number,
            citation: d.citation ?? null,
            demo: (d.demo ?? false) || plan.demo,
          })),
      )
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reporter.localeCompare(b.reporter, 'vi'));
  }

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [Target], {
    description:
      'Every target in force for the commune, side by side, none hidden: the province’s and the commune’s own. A ' +
      'commune target overrides the province’s only where both have the same indicator, group and due date; a ' +
      'province target with another due date stays listed beside the commune’s. Each says where it comes from ' +
      '(`source`, `document`: the letter’s number); a commune target shows the province target it replaces in ' +
      '`overrides`.',
  })
  @GqlDirective('@requires(fields: "province { id }")')
  async effectiveTargets(@Root() commune: CommuneRef, @Ctx() { loaders }: Ctx): Promise<Target[]> {
    // The gateway supplies province { id } (@requires); the area projection answers if it ever does not.
    const provinceId = commune.province?.id ?? (await loaders.area.load(commune.id))?.provinceId;
    const [plans, directives] = await Promise.all([
      loaders.plansOfCommune.load(commune.id),
      provinceId ? loaders.directivesInForceOfProvince.load(provinceId) : Promise.resolve([]),
    ]);
    return effectiveTargetViews(directives, plans);
  }
}

@Resolver(() => DirectiveRef)
export class DirectivePlansResolver {
  @GqlDirective(listSize(COMMUNES_PER_PROVINCE * 2))
  @FieldResolver(() => [CommunePlan], { description: 'Commune plans that implement this directive, newest first.' })
  implementingPlans(@Root() directive: DirectiveRef, @Ctx() { loaders }: Ctx): Promise<CommunePlan[]> {
    return loaders.plansImplementing.load(directive.id);
  }

  @GqlDirective(listSize(COMMUNES_PER_PROVINCE))
  @FieldResolver(() => [CommuneRef], {
    description:
      'Communes of the directive’s province with no plan implementing it yet, so the province can chase them.',
  })
  async communesWithoutPlan(@Root() directive: DirectiveRef, @Ctx() { loaders }: Ctx): Promise<CommuneRef[]> {
    const known = await loaders.directive.load(directive.id);
    if (!known) return [];
    const [communes, plans] = await Promise.all([
      loaders.communesOfProvince.load(known.provinceId),
      loaders.plansImplementing.load(directive.id),
    ]);
    const withPlan = new Set(plans.map((p) => p.communeId));
    return communes.filter((c) => !withPlan.has(c.id)).map((c) => ({ id: c.id }));
  }
}
