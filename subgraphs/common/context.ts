import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/pure/viewer';

/** What every resolver receives: a request-scoped EntityManager, the caller, and fresh DataLoaders. */
export interface Context<L = unknown> {
  em: EntityManager;
  viewer: Viewer;
  loaders: L;
}
