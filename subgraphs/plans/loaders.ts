import type { EntityManager } from '@mikro-orm/postgresql';
import { listLoader, rowLoader } from '../common/loaders';
import { CommunePlan } from './entities/CommunePlan';

export function createLoaders(em: EntityManager) {
  return {
    plan: rowLoader<string, CommunePlan>((ids) => em.find(CommunePlan, { id: { $in: [...ids] } }), (p) => p.id),
    plansOfCommune: listLoader<string, CommunePlan>(
      (ids) => em.find(CommunePlan, { communeId: { $in: [...ids] } }, { orderBy: { issuedOn: 'desc', id: 'asc' } }),
      (p) => p.communeId,
    ),
  };
}

export type PlansLoaders = ReturnType<typeof createLoaders>;
