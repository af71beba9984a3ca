import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Directive as GqlDirective,
} from 'type-graphql';
import type { Context } from '../../common/context';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { amendDirective, issueDirective, withdrawDirective } from '../directive-store';
import { Directive } from '../entities/Directive';
import { DirectiveRevision } from '../entities/DirectiveRevision';
import type { DirectivesLoaders } from '../loaders';
import type { DirectiveContent } from '../model';
import { AmendDirectiveInput, IssueDirectiveInput } from './types';
import { Target, targetView } from '../../../shared/vocabulary/values';
import { ProvinceRef } from './ProvinceDirectives';
import { listSize, ITEMS_PER_DOCUMENT, LABELS, REVISIONS } from '../../common/list-size';

type Ctx = Context<DirectivesLoaders>;

const notFound = (id: string) =>
  new NotFoundError(bilingual(`Không tìm thấy văn bản có mã "${id}"`, `no directive has id ${id}`));

@Resolver(() => Directive)
export class DirectiveResolver {
  @Query(() => Directive, { nullable: true })
  async directive(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Ctx): Promise<Directive> {
    const found = await loaders.directive.load(id);
    if (!found) throw notFound(id);
    return found;
  }

  @FieldResolver(() => ProvinceRef, { description: 'The province that issued it.' })
  province(@Root() d: Directive): ProvinceRef {
    return { id: d.provinceId };
  }

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [Target], { description: 'Its targets (chỉ tiêu); threshold 0.8 = 80%.' })
  targets(@Root() d: Directive): Target[] {
    return d.targets.map((t) => targetView(t, { directiveId: d.id, document: d.number }));
  }

  @GqlDirective(listSize(LABELS))
  @FieldResolver(() => [Directive], { description: 'Directives in the system it cites (căn cứ, thực hiện).' })
  async cites(@Root() d: Directive, @Ctx() { loaders }: Ctx): Promise<Directive[]> {
    return (await loaders.directive.loadMany(d.citesIds)).filter((x): x is Directive => x instanceof Directive);
  }

  @FieldResolver(() => Directive, {
    nullable: true,
    description: 'The directive it replaces (thay thế), when in the system.',
  })
  replaces(@Root() d: Directive, @Ctx() { loaders }: Ctx): Promise<Directive | null> | null {
    return d.replacesId ? loaders.directive.load(d.replacesId) : null;
  }

  @GqlDirective(listSize(LABELS))
  @FieldResolver(() => [Directive], { description: 'Directives that replace this one.' })
  replacedBy(@Root() d: Directive, @Ctx() { loaders }: Ctx): Promise<Directive[]> {
    return loaders.replacedBy.load(d.id);
  }

  @GqlDirective(listSize(REVISIONS))
  @FieldResolver(() => [DirectiveRevision], {
    description: 'Every revision, oldest first: issued, each amendment, a withdrawal.',
  })
  revisions(@Root() d: Directive, @Ctx() { loaders }: Ctx): Promise<DirectiveRevision[]> {
    return loaders.revisions.load(d.id);
  }

  @FieldResolver(() => DirectiveRevision, {
    nullable: true,
    description: 'The directive as it stood at a given revision.',
  })
  async revisionAt(
    @Root() d: Directive,
    @Arg('revision', () => Int) revision: number,
    @Ctx() { loaders }: Ctx,
  ): Promise<DirectiveRevision | null> {
    return (await loaders.revisions.load(d.id)).find((r) => r.revision === revision) ?? null;
  }

  @Mutation(() => Directive, {
    description: 'Records a province letter or plan (ban hành) with its targets, periods and deadlines.',
  })
  issueDirective(
    @Arg('input', () => IssueDirectiveInput) input: IssueDirectiveInput,
    @Ctx() { em, viewer }: Ctx,
  ): Promise<Directive> {
    return issueDirective(em, viewer, input);
  }

  @Mutation(() => Directive, {
    description: 'Amends a directive (sửa đổi): a new revision; the earlier one stays readable in `revisions`.',
  })
  amendDirective(
    @Arg('id', () => ID) id: string,
    @Arg('changes', () => AmendDirectiveInput) changes: AmendDirectiveInput,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, viewer }: Ctx,
  ): Promise<Directive> {
    return amendDirective(em, viewer, id, changes as Partial<DirectiveContent>, reason);
  }

  @Mutation(() => Directive, {
    description: 'Withdraws a directive (thu hồi): it stays readable, marked WITHDRAWN, with its history.',
  })
  withdrawDirective(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('withdrawnOn', () => DateScalar, { nullable: true }) withdrawnOn: string | null,
    @Ctx() { em, viewer }: Ctx,
  ): Promise<Directive> {
    return withdrawDirective(em, viewer, id, reason, withdrawnOn);
  }
}

@Resolver(() => DirectiveRevision)
export class DirectiveRevisionResolver {
  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [Target])
  targets(@Root() r: DirectiveRevision): Target[] {
    return r.content.targets.map((t) => targetView(t, { directiveId: r.directiveId, document: r.content.number }));
  }
}
