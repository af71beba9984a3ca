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

/**
 * The old unsigned forwarding header. Nothing trusts it any more (anyone on the network could set it); kept for
 * logs and debugging tools only. Identity travels in auth.ts IDENTITY_HEADER.
 */
export const VIEWER_HEADER = 'x-hub-viewer';

export function encodeViewer(viewer: Viewer): string {
  return Buffer.from(JSON.stringify(viewer), 'utf8').toString('base64url');
}

export function decodeViewer(header: string | string[] | undefined): Viewer {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return ANONYMOUS;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Viewer>;
    return {
      id: typeof parsed.id === 'string' ? parsed.id : null,
      name: typeof parsed.name === 'string' ? parsed.name : null,
      role: (parsed.role ?? 'ANONYMOUS') as Role,
      area: typeof parsed.area === 'string' ? parsed.area : null,
    };
  } catch {
    return ANONYMOUS;
  }
}
