/**
 * Who is calling. The gateway builds it from the caller's verified bearer token and forwards it to subgraphs as a
 * short-lived signed internal token (auth.ts), which each subgraph verifies; every resolver receives it in its
 * context. No token, or an internal token that does not verify, is ANONYMOUS.
 */
export type Role =
  'ANONYMOUS' | 'PROVINCE_ADMIN' | 'PROVINCE_VIEWER' | 'COMMUNE_OFFICER' | 'VILLAGE_REPORTER' | 'UNIT_REPORTER';

export interface Viewer {
  /** Subject of the token, null when anonymous. */
  id: string | null;
  name: string | null;
  role: Role;
  /** The province, commune, village or unit the role is over. */
  area: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ id: null, name: null, role: 'ANONYMOUS', area: null });
