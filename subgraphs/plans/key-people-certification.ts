/**
 * Certification of the key people (key-people.ts: who they are and the checks of their input): which person is in
 * force in each village and role, the counts per role, who still lacks a certificate, and the part of a commune
 * report they make. Plain functions: no GraphQL, no ORM.
 */
import type { IsoDate } from '../../shared/pure/dates';
import { KEY_PERSON_ROLES, KEY_ROLE_SHORT, type KeyPersonRoleName } from '../../shared/pure/values';
import type { KeyPersonFacts } from './key-people';

const roleOrder = (r: KeyPersonRoleName) => KEY_PERSON_ROLES.indexOf(r);

/**
 * The people in force for a commune: per village and role, the person of the newest plan naming one (plans by date,
 * then id). Sorted by village id, then role.
 */
export function effectiveKeyPeople<P extends KeyPersonFacts>(people: readonly P[]): P[] {
  const best = new Map<string, P>();
  for (const p of people) {
    const key = `${p.villageId}|${p.role}`;
    const held = best.get(key);
    if (!held || p.planIssuedOn > held.planIssuedOn || (p.planIssuedOn === held.planIssuedOn && p.planId > held.planId))
      best.set(key, p);
  }
  return [...best.values()].sort(
    (a, b) => a.villageId.localeCompare(b.villageId) || roleOrder(a.role) - roleOrder(b.role),
  );
}

/** Certification of one role across the commune's villages. */
export interface RoleCertification {
  role: KeyPersonRoleName;
  /** Villages of the commune: each needs its own. */
  required: number;
  /** Villages with someone named in the role. */
  named: number;
  /** Of those, holding the certificate (dated on or before `asOf` when given). */
  certified: number;
}

const isCertified = (p: Pick<KeyPersonFacts, 'certifiedOn'>, asOf?: IsoDate) =>
  p.certifiedOn !== null && (asOf === undefined || p.certifiedOn <= asOf);

/** Per role: required (villages of the commune), named and certified, from the people in force. */
export function certificationSummary(
  villageIds: readonly string[],
  people: readonly KeyPersonFacts[],
  asOf?: IsoDate,
): RoleCertification[] {
  const villages = new Set(villageIds);
  const mine = effectiveKeyPeople(people.filter((p) => villages.has(p.villageId)));
  return KEY_PERSON_ROLES.map((role) => {
    const inRole = mine.filter((p) => p.role === role);
    return {
      role,
      required: villages.size,
      named: inRole.length,
      certified: inRole.filter((p) => isCertified(p, asOf)).length,
    };
  });
}

/** A village and role without a certified person: who is named (null: nobody yet). */
export interface MissingCertification {
  villageId: string;
  villageName: string;
  role: KeyPersonRoleName;
  fullName: string | null;
}

/** The roles still without a certificate, village by village (in the given order), role by role. */
export function missingCertifications(
  villages: ReadonlyArray<{ id: string; name: string }>,
  people: readonly KeyPersonFacts[],
  asOf?: IsoDate,
): MissingCertification[] {
  const inForce = new Map(effectiveKeyPeople(people).map((p) => [`${p.villageId}|${p.role}`, p]));
  return villages.flatMap((v) =>
    KEY_PERSON_ROLES.flatMap((role) => {
      const p = inForce.get(`${v.id}|${role}`);
      if (p && isCertified(p, asOf)) return [];
      return [{ villageId: v.id, villageName: v.name, role, fullName: p?.fullName ?? null }];
    }),
  );
}

/** The key-people part of a commune report, frozen at submission. */
export interface KeyPeoplePart {
  roles: RoleCertification[];
  missing: MissingCertification[];
}

export function keyPeoplePart(
  villages: ReadonlyArray<{ id: string; name: string }>,
  people: readonly KeyPersonFacts[],
  asOf: IsoDate,
): KeyPeoplePart {
  return {
    roles: certificationSummary(
      villages.map((v) => v.id),
      people,
      asOf,
    ),
    missing: missingCertifications(villages, people, asOf),
  };
}

/**
 * The report's sentence: "Cán bộ chủ chốt thôn hoàn thành và có giấy chứng nhận: Trưởng thôn 12/14, Bí thư Chi bộ
 * 14/14, Trưởng ban CTMT 11/14; chưa có: Trưởng thôn Xà Râu (Nguyễn Văn A), …". Without names (`withNames` false)
 * only the counts are said.
 */
export function keyPeopleLine(part: KeyPeoplePart, withNames: boolean): string {
  const counts = part.roles.map((r) => `${KEY_ROLE_SHORT[r.role]} ${r.certified}/${r.required}`).join(', ');
  const head = `Cán bộ chủ chốt thôn hoàn thành và có giấy chứng nhận: ${counts}`;
  if (!withNames || part.missing.length === 0) return `${head}.`;
  const names = part.missing
    .map((m) => `${KEY_ROLE_SHORT[m.role]} ${m.villageName} (${m.fullName ?? 'chưa có người đảm nhiệm'})`)
    .join(', ');
  return `${head}; chưa có: ${names}.`;
}
