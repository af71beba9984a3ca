import { resolveAuthSecret } from '../../shared/auth';
import { SharedCache } from '../common/loaders';

/** What the registry's requests share: the row cache, and the key it signs session tokens with. */
export class RegistryState extends SharedCache {
  constructor(readonly authSecret: string) {
    super();
  }
}

/** The signing key of a running registry (its state), else the stack's key (AUTH_SECRET / DATA_DIR). */
export function authSecretOf(cache: SharedCache): string {
  return cache instanceof RegistryState ? cache.authSecret : resolveAuthSecret();
}
