/**
 * Who is calling. The gateway builds it from the caller's verified bearer token and forwards it to subgraphs as a
 * short-lived signed internal token (auth.ts), which each subgraph verifies; every resolver receives it in its
 * context. No token, or an internal token that does not verify, is ANONYMOUS.
 */
import type { TokenRole } from './auth-rules';

/** A token's role, or ANONYMOUS for no token (the role names are auth-rules' TOKEN_ROLES). */
export type Role = 'ANONYMOUS' | TokenRole;

export interface Viewer {
  /** Subject of the token, null when anonymous. */
  id: string | null;
  name: string | null;
  role: Role;
  /** The province, commune, village or unit the role is over. */
  area: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ id: null, name: null, role: 'ANONYMOUS', area: null });
