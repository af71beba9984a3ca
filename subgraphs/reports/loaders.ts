import type { EntityManager } from '@mikro-orm/postgresql';
import { listLoader } from '../common/loaders';
import { UnitReport } from './entities/UnitReport';

export function createLoaders(em: EntityManager) {
  return {
    reportsOf: listLoader<string, UnitReport>(
      (ids) => em.find(UnitReport, { reporterId: { $in: [...ids] } }, { orderBy: { reportDate: 'desc', id: 'desc' } }),
      (r) => r.reporterId,
    ),
  };
}

export type ReportsLoaders = ReturnType<typeof createLoaders>;
