import type { EntityManager } from '@mikro-orm/postgresql';
import { listLoader, rowLoader } from '../common/loaders';
import { Directive } from './entities/Directive';
import { DirectiveRevision } from './entities/DirectiveRevision';

/** Fresh per request: every directive reference (from plans, cites, replaces) and list goes through one of these. */
export function createLoaders(em: EntityManager) {
  return {
    directive: rowLoader<string, Directive>(
      (ids) => em.find(Directive, { id: { $in: [...ids] } }),
      (d) => d.id,
    ),
    directivesOfProvince: listLoader<string, Directive>(
      (ids) => em.find(Directive, { provinceId: { $in: [...ids] } }, { orderBy: { issuedOn: 'desc', id: 'asc' } }),
      (d) => d.provinceId,
    ),
    revisions: listLoader<string, DirectiveRevision>(
      (ids) => em.find(DirectiveRevision, { directiveId: { $in: [...ids] } }, { orderBy: { revision: 'asc' } }),
      (r) => r.directiveId,
    ),
    replacedBy: listLoader<string, Directive>(
      (ids) => em.find(Directive, { replacesId: { $in: [...ids] } }, { orderBy: { issuedOn: 'asc' } }),
      (d) => d.replacesId!,
    ),
  };
}

export type DirectivesLoaders = ReturnType<typeof createLoaders>;
