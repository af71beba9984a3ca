/** Ids of the demo registry's villages and units, by commune code and number (as subgraphs/registry/demo.ts makes them). */
export const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
export const pad = (n: number) => String(n).padStart(2, '0');
/** A village id of a commune code: v('02949', 8) is V02949-08. */
export const v = (code: string, n: number) => `V${code}-${pad(n)}`;
export const u = (code: string, n: number) => `U${code}-${pad(n)}`;
