import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { UnitType, VillageKind } from '../entities/enums';

@InputType('NewUnitInput', { description: 'A unit a commune adds to its registry (thêm cơ quan, đơn vị).' })
export class NewUnitInput {
  @Field(() => String, { description: 'Unique among the commune’s open units (trimmed, exact spelling).' })
  name!: string;

  @Field(() => UnitType)
  type!: UnitType;

  @Field(() => Int, { description: 'Its staff (biên chế): what "100% certified" is a share of.' })
  staff!: number;

  @Field(() => DateScalar, { description: 'The day it joins the registry (today or earlier).' })
  effectiveOn!: string;

  @Field(() => ID, { nullable: true, description: 'The village it serves, for a village’s digital team.' })
  villageId?: string | null;
}

@InputType('NewVillageInput', { description: 'A village or residential group a commune adds (thêm thôn, tổ dân phố).' })
export class NewVillageInput {
  @Field(() => String, { description: 'Unique among the commune’s open villages (trimmed, exact spelling).' })
  name!: string;

  @Field(() => VillageKind, { nullable: true, description: 'Default VILLAGE.' })
  kind?: VillageKind | null;

  @Field(() => String, { nullable: true, description: 'The former commune (xã cũ) it belonged to before 2025.' })
  formerCommune?: string | null;

  @Field(() => DateScalar, { description: 'The day it joins the registry (today or earlier).' })
  effectiveOn!: string;
}
