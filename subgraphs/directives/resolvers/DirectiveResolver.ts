import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context';
import { bilingual, NotFoundError } from '../../common/errors';
import { Directive } from '../entities/Directive';
import type { DirectivesLoaders } from '../loaders';

@Resolver(() => Directive)
export class DirectiveResolver {
  @Query(() => Directive, { nullable: true })
  async directive(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context<DirectivesLoaders>): Promise<Directive> {
    const found = await loaders.directive.load(id);
    if (!found) throw new NotFoundError(bilingual(`Không tìm thấy văn bản có mã "${id}"`, `no directive has id ${id}`));
    return found;
  }
}
