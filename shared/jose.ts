/** jose (JSON Web Tokens), loaded once: it is an ES module and this code is CommonJS. */
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

export type Jose = typeof JoseModule;
let josePromise: Promise<Jose> | undefined;

/**
 * jose is an ES module; this CommonJS code loads it with import(). Jest's sandbox has no native import(), but its
 * transform compiles jose to CommonJS (jest.config.js), so there `require` is the way.
 */
export function loadJose(): Promise<Jose> {
  return (josePromise ??= import('jose').catch((error: unknown) => {
    // jest's sandbox has no dynamic import(); there the CommonJS build jest compiled is the only way in.
    if ((error as { code?: string }).code === 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG')
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('jose') as Jose;
    throw error;
  }));
}
