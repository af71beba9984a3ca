/**
 * @repeaterjs/repeater, the async queue both live paths use (the gateway's per-client queue, the live hub's). Its 3.1
 * release ships type declarations for its ES module only, beside a CommonJS build: the types are taken from the
 * former, the classes from the latter (what `import` would compile to), once, here.
 */
import type * as RepeaterModule from '@repeaterjs/repeater' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require('@repeaterjs/repeater') as typeof RepeaterModule;

export const Repeater = loaded.Repeater;
export const RepeaterOverflowError = loaded.RepeaterOverflowError;
