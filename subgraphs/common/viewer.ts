/**
 * Who is calling. The gateway builds it for every request and forwards it in the `x-hub-viewer` header; every
 * resolver receives it in its context. Until tokens arrive (access issue) every caller is anonymous.
 */
export type Role =
  | 'ANONYMOUS'
  | 'PROVINCE_ADMIN'
  | 'PROVINCE_VIEWER'
  | 'COMMUNE_OFFICER'
  | 'VILLAGE_REPORTER'
  | 'UNIT_REPORTER';

export interface Viewer {
  /** Subject of the token, null when anonymous. */
  id: string | null;
  name: string | null;
  role: Role;
  /** The province, commune, village or unit the role is over. */
  area: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ id: null, name: null, role: 'ANONYMOUS', area: null });

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
