import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Root,
  Directive as GqlDirective,
} from 'type-graphql';
import { KEY_PERSON_ROLES, KeyPersonRole, type KeyPersonRoleName } from '../../../shared/vocabulary/enums';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { canRead } from '../../../shared/pure/auth-rules';
import { todayInVietnam } from '../../../shared/pure/dates';
import type { Context } from '../../common/context';
import { CommunePlan } from '../entities/CommunePlan';
import { KeyPerson } from '../entities/KeyPerson';
import { certificationSummary, effectiveKeyPeople, keyPeopleLine, keyPeoplePart } from '../key-people-certification';
import { visibleKeyPeople } from '../key-people';
import { recordKeyPersonCertification, setKeyPerson } from '../key-people-store';
import type { PlansLoaders } from '../loaders';
import { CommuneRef, VillageRef } from './refs';
import { ReportPlanPart } from './ReportPlanResolver';
import { SetKeyPersonInput } from './types';
import { listSize, KEY_PEOPLE_PER_PLAN, ROLES_PER_VILLAGE, VILLAGES_PER_COMMUNE } from '../../common/list-size';

type Ctx = Context<PlansLoaders>;

/** By village, role (as listed in the enum), then revision. */
const byRole = <P extends { villageId: string; role: string; revision: number }>(people: readonly P[]): P[] =>
  [...people].sort(
    (a, b) =>
      a.villageId.localeCompare(b.villageId) ||
      KEY_PERSON_ROLES.indexOf(a.role as KeyPersonRoleName) - KEY_PERSON_ROLES.indexOf(b.role as KeyPersonRoleName) ||
      a.revision - b.revision,
  );

@ObjectType('KeyPersonCertification', {
  description:
    'Certification of one key role across a commune’s villages (e.g. trưởng thôn 12/14): public counts, no names.',
})
export class KeyPersonCertification {
  @Field(() => KeyPersonRole) role!: KeyPersonRoleName;
  @Field(() => Int, { description: 'Villages of the commune: each needs its own.' }) required!: number;
  @Field(() => Int, { description: 'Villages with someone named in the role.' }) named!: number;
  @Field(() => Int, { description: 'Of those, holding the course certificate.' }) certified!: number;
}

@ObjectType('ReportKeyPersonMissing', { description: 'A village’s role without a certified person in a report.' })
export class ReportKeyPersonMissing {
  @Field(() => ID) villageId!: string;
  @Field(() => String) villageName!: string;
  @Field(() => KeyPersonRole) role!: KeyPersonRoleName;
  @Field(() => String, { nullable: true, description: 'Who is named; null: nobody yet.' }) fullName!: string | null;
}

@ObjectType('ReportKeyPeople', {
  description:
    'Certification of the key people the plans name (cán bộ chủ chốt thôn): per role, who is not yet certified, ' +
    'and the report’s sentence.',
})
export class ReportKeyPeople {
  @GqlDirective(listSize(ROLES_PER_VILLAGE))
  @Field(() => [KeyPersonCertification])
  roles!: KeyPersonCertification[];

  @GqlDirective(listSize(ROLES_PER_VILLAGE * VILLAGES_PER_COMMUNE))
  @Field(() => [ReportKeyPersonMissing], {
    nullable: true,
    description: 'Roles not yet certified, with the names: personal data, null outside the caller’s area.',
  })
  missing!: ReportKeyPersonMissing[] | null;

  @Field(() => String, {
    description:
      'The report’s sentence, e.g. "Cán bộ chủ chốt thôn hoàn thành và có giấy chứng nhận: Trưởng thôn 12/14, …; ' +
      'chưa có: …" (names only for callers who may read them).',
  })
  line!: string;
}

@Resolver(() => CommunePlan)
export class PlanKeyPeopleResolver {
  @GqlDirective(listSize(KEY_PEOPLE_PER_PLAN))
  @FieldResolver(() => [KeyPerson], {
    nullable: true,
    description:
      'The key people of the commune’s villages this plan names (trưởng thôn, bí thư chi bộ, trưởng ban công tác ' +
      'Mặt trận), in force, or every revision with `history`. Personal data: null for callers outside the commune; ' +
      'a village reporter sees its own village’s.',
  })
  async keyPeople(
    @Root() plan: CommunePlan,
    @Arg('history', () => Boolean, { defaultValue: false }) history: boolean,
    @Ctx() { loaders, viewer }: Ctx,
  ): Promise<KeyPerson[] | null> {
    const [commune, people] = await Promise.all([
      loaders.area.load(plan.communeId),
      (history ? loaders.keyPeopleHistoryOfPlan : loaders.keyPeopleOfPlan).load(plan.id),
    ]);
    const visible = visibleKeyPeople(
      viewer,
      { provinceId: commune?.provinceId ?? '', communeId: plan.communeId },
      people,
    );
    return visible && byRole(visible);
  }

  @GqlDirective(listSize(ROLES_PER_VILLAGE))
  @FieldResolver(() => [KeyPersonCertification], {
    description:
      'Per role, how many of the commune’s villages have the person this plan names certified: public counts.',
  })
  async keyPeopleCertification(@Root() plan: CommunePlan, @Ctx() { loaders }: Ctx): Promise<KeyPersonCertification[]> {
    const [villages, people] = await Promise.all([
      loaders.villagesOfCommune.load(plan.communeId),
      loaders.keyPeopleOfPlan.load(plan.id),
    ]);
    return certificationSummary(
      villages.map((v) => v.id),
      people.map((p) => ({ ...p, planIssuedOn: plan.issuedOn })),
    );
  }

  @Mutation(() => KeyPerson, {
    description:
      'Names the key person of a village’s role in a plan (trưởng thôn, bí thư chi bộ, trưởng ban công tác Mặt ' +
      'trận), or replaces who held it: a new revision, the old one kept; audited. Who may edit the plan may.',
  })
  setKeyPerson(@Arg('input', () => SetKeyPersonInput) input: SetKeyPersonInput, @Ctx() { em, viewer }: Ctx) {
    return setKeyPerson(em, viewer, input);
  }

  @Mutation(() => KeyPerson, {
    description:
      'Records when the person in a village’s role got the course certificate, or corrects it (a reason required; ' +
      'null removes a date recorded by mistake): a new revision, the old one kept; audited.',
  })
  recordKeyPersonCertification(
    @Arg('planId', () => ID) planId: string,
    @Arg('villageId', () => ID) villageId: string,
    @Arg('role', () => KeyPersonRole) role: KeyPersonRoleName,
    @Arg('certifiedOn', () => DateScalar, { nullable: true }) certifiedOn: string | null,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() { em, viewer }: Ctx,
  ) {
    return recordKeyPersonCertification(em, viewer, { planId, villageId, role }, certifiedOn, reason);
  }
}

@Resolver(() => KeyPerson)
export class KeyPersonResolver {
  @FieldResolver(() => VillageRef)
  village(@Root() p: KeyPerson): VillageRef {
    return { id: p.villageId };
  }

  @FieldResolver(() => ID, { description: 'The plan naming this person.' })
  planId(@Root() p: KeyPerson): string {
    return p.planId;
  }
}

@Resolver(() => VillageRef)
export class VillageKeyPeopleResolver {
  @GqlDirective(listSize(ROLES_PER_VILLAGE))
  @FieldResolver(() => [KeyPerson], {
    nullable: true,
    description:
      'The village’s key people in force (trưởng thôn with a phone to call, bí thư chi bộ, trưởng ban công tác Mặt ' +
      'trận), from the newest plan naming each role. Personal data: null outside the caller’s area.',
  })
  async keyPeople(@Root() v: VillageRef, @Ctx() { loaders, viewer }: Ctx): Promise<KeyPerson[] | null> {
    const [area, people] = await Promise.all([loaders.area.load(v.id), loaders.keyPeopleOfVillage.load(v.id)]);
    if (!area?.communeId) return people.length ? null : [];
    const visible = visibleKeyPeople(viewer, { provinceId: area.provinceId, communeId: area.communeId }, people);
    return visible && byRole(effectiveKeyPeople(visible));
  }
}

@Resolver(() => ReportPlanPart)
export class ReportKeyPeopleResolver {
  @FieldResolver(() => ReportKeyPeople, {
    nullable: true,
    description:
      'Certification of the key people the plans name, per role, and who is not yet certified, frozen at submission ' +
      '(as of the report’s date); null for a report submitted before key people were recorded.',
  })
  async keyPeople(@Root() part: ReportPlanPart, @Ctx() { loaders, viewer }: Ctx): Promise<ReportKeyPeople | null> {
    const frozen = part.keyPeopleFrozen;
    const communeId = part.communeId;
    if (!frozen || !communeId) return null;
    const commune = await loaders.area.load(communeId);
    const personal = canRead(viewer, { provinceId: commune?.provinceId ?? '', communeId }, true);
    return {
      roles: frozen.roles,
      missing: personal ? frozen.missing : null,
      line: keyPeopleLine(frozen, personal),
    };
  }
}

@Resolver(() => CommuneRef)
export class CommuneKeyPeopleResolver {
  @FieldResolver(() => ReportKeyPeople, {
    description:
      'Certification of the key people of the commune’s villages as the plans stand today (for each village and ' +
      'role, the newest plan naming someone): what a report submitted now would freeze. Counts are public; names ' +
      'only within the caller’s area.',
  })
  async keyPeople(@Root() c: CommuneRef, @Ctx() { loaders, viewer }: Ctx): Promise<ReportKeyPeople> {
    const [area, villages, people] = await Promise.all([
      loaders.area.load(c.id),
      loaders.villagesOfCommune.load(c.id),
      loaders.keyPeopleOfCommune.load(c.id),
    ]);
    const part = keyPeoplePart(villages, people, todayInVietnam());
    const personal = canRead(viewer, { provinceId: area?.provinceId ?? '', communeId: c.id }, true);
    return { roles: part.roles, missing: personal ? part.missing : null, line: keyPeopleLine(part, personal) };
  }
}
