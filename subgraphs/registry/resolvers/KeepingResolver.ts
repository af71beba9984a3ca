import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { listSize, REVISIONS } from '../../common/list-size';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { StaffRevision } from '../entities/StaffRevision';
import { Unit } from '../entities/Unit';
import { Village } from '../entities/Village';
import { VillageKind } from '../entities/enums';
import { addUnit, addVillage, importUnits } from '../adding-store';
import { closeArea, correctUnitStaff, renameArea } from '../keeping-store';
import type { RegistryLoaders } from '../loaders';
import { MAX_UNIT_ROWS } from '../unit-list';
import { NewUnitInput, NewVillageInput } from './keeping-types';

type Ctx = Context<RegistryLoaders>;

const DATE = { description: 'The day the change takes effect (today or earlier, Vietnam time).' };

/** The registry kept by its officials (issue 24, item 3): thin over keeping-store.ts. */
@Resolver(() => Unit)
export class KeepingResolver {
  @Mutation(() => Unit, { description: 'Adds a unit to a commune (commune officer of it, or province admin).' })
  async addUnit(
    @Arg('communeId', () => ID) communeId: string,
    @Arg('unit', () => NewUnitInput) unit: NewUnitInput,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<Unit> {
    const added = await addUnit(em, viewer, communeId, unit);
    loaders.populationChanged();
    return added;
  }

  @Directive(listSize(MAX_UNIT_ROWS))
  @Mutation(() => [Unit], {
    description:
      'Adds the units of a CSV list (columns: Tên đơn vị, Loại, Biên chế, optional Ngày có hiệu lực; docs/registry.md) ' +
      'in one transaction: a bad row refuses the whole list, with its row number.',
  })
  async importUnits(
    @Arg('communeId', () => ID) communeId: string,
    @Arg('csv', () => String) csv: string,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<Unit[]> {
    const added = await importUnits(em, viewer, communeId, csv);
    loaders.populationChanged();
    return added;
  }

  @Mutation(() => Village, { description: 'Adds a village or residential group to a commune.' })
  async addVillage(
    @Arg('communeId', () => ID) communeId: string,
    @Arg('village', () => NewVillageInput) village: NewVillageInput,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<Village> {
    const added = await addVillage(em, viewer, communeId, { ...village, kind: village.kind ?? VillageKind.VILLAGE });
    loaders.populationChanged();
    return added;
  }

  @Mutation(() => Unit, { description: 'Renames a unit; the old name stays in formerNames and the audit log.' })
  async renameUnit(
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String) name: string,
    @Arg('effectiveOn', () => DateScalar, DATE) effectiveOn: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<Unit> {
    const unit = await renameArea<Unit>(em, viewer, 'UNIT', id, { name, effectiveOn, reason });
    loaders.populationChanged();
    return unit;
  }

  @Mutation(() => Village, { description: 'Renames a village; the old name stays in formerNames and the audit log.' })
  async renameVillage(
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String) name: string,
    @Arg('effectiveOn', () => DateScalar, DATE) effectiveOn: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<Village> {
    const village = await renameArea<Village>(em, viewer, 'VILLAGE', id, { name, effectiveOn, reason });
    loaders.populationChanged();
    return village;
  }

  @Mutation(() => Unit, {
    description: 'Closes a unit from a date (not before its last report); it keeps its history and past figures.',
  })
  async closeUnit(
    @Arg('id', () => ID) id: string,
    @Arg('effectiveOn', () => DateScalar, DATE) effectiveOn: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<Unit> {
    const unit = await closeArea<Unit>(em, viewer, 'UNIT', id, { effectiveOn, reason });
    loaders.populationChanged();
    return unit;
  }

  @Mutation(() => Village, {
    description: 'Closes a village from a date (not before its last report); it keeps its history and past figures.',
  })
  async closeVillage(
    @Arg('id', () => ID) id: string,
    @Arg('effectiveOn', () => DateScalar, DATE) effectiveOn: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<Village> {
    const village = await closeArea<Village>(em, viewer, 'VILLAGE', id, { effectiveOn, reason });
    loaders.populationChanged();
    return village;
  }

  @Mutation(() => StaffRevision, {
    description:
      'Corrects a unit’s staff from a date as a new revision with its reason (never an overwrite); refused below ' +
      'the count its latest report says is certified.',
  })
  async correctUnitStaff(
    @Arg('id', () => ID) id: string,
    @Arg('staff', () => Int) staff: number,
    @Arg('effectiveOn', () => DateScalar, DATE) effectiveOn: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<StaffRevision> {
    const revision = await correctUnitStaff(em, viewer, id, { staff, effectiveOn, reason });
    loaders.populationChanged();
    return revision;
  }

  @Directive(listSize(REVISIONS))
  @FieldResolver(() => [StaffRevision], { description: 'Every staff figure recorded for the unit, oldest first.' })
  staffRevisions(@Root() unit: Unit, @Ctx() { loaders }: Ctx): Promise<StaffRevision[]> {
    return loaders.staffRevisions.load(unit.id);
  }
}
