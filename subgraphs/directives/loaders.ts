import type { EntityManager } from '@mikro-orm/postgresql';
import { listLoader, rowLoader } from '../common/loaders';
import { Directive } from './entities/Directive';

export function createLoaders(em: EntityManager) {
  return {
    directive: rowLoader<string, Directive>((ids) => em.find(Directive, { id: { $in: [...ids] } }), (d) => d.id),
    directivesOfProvince: listLoader<string, Directive>(
      (ids) => em.find(Directive, { provinceId: { $in: [...ids] } }, { orderBy: { issuedOn: 'desc', id: 'asc' } }),
      (d) => d.provinceId,
    ),
  };
}

export type DirectivesLoaders = ReturnType<typeof createLoaders>;
