/**
 * Effective targets of a commune: every target in force, the province's and the commune's side by side. Plain rules.
 *
 * A target is identified by indicator × population group × due date. A commune target overrides the province's
 * only where all three agree (Ba Tô's own 70% of residents joined by 31/12/2025 takes the place of the province's
 * 80% by the same date); a province target with another due date stays tracked beside the commune's (Ngọk Bay's
 * 80% of officials by 31/12 and 2027/SKHCN's 100% of officials certified by 10/11 are both listed), so a later,
 * stricter province deadline is never hidden. Among the province's directives in force, the latest issued sets a
 * key; among the commune's plans, the latest issued does. A commune target keeps the province target it replaces
 * visible (`overrides`). Each target names the letter that set it (`document`).
 */
import type { TargetSourceName } from '../../shared/vocabulary/enums';
import type { TargetData } from '../../shared/vocabulary/model';

export interface TargetOwner {
  id: string;
  /** The letter's number (số hiệu), e.g. 2027/SKHCN. */
  number: string;
  issuedOn: string;
  targets: TargetData[];
}

export interface EffectiveTarget {
  target: TargetData;
  source: TargetSourceName;
  directiveId: string | null;
  planId: string | null;
  /** The number of the letter (directive or plan) that set it. */
  document: string;
  /** For a commune target: the province target of the same key it takes the place of. */
  overrides: { target: TargetData; directiveId: string; document: string } | null;
}

export const targetKey = (t: TargetData): string => `${t.indicator}|${t.group}|${t.dueOn}`;

/** For each key, the target of the latest-issued owner (ties: the greater id). */
type Latest = { target: TargetData; ownerId: string; document: string };

function latestByKey(owners: TargetOwner[]): Map<string, Latest> {
  const sorted = [...owners].sort((a, b) =>
    a.issuedOn === b.issuedOn ? a.id.localeCompare(b.id) : a.issuedOn.localeCompare(b.issuedOn),
  );
  const out = new Map<string, Latest>();
  for (const o of sorted)
    for (const t of o.targets) out.set(targetKey(t), { target: t, ownerId: o.id, document: o.number });
  return out;
}

export function resolveEffectiveTargets(
  provinceDirectives: TargetOwner[],
  communePlans: TargetOwner[],
): EffectiveTarget[] {
  const province = latestByKey(provinceDirectives);
  const commune = latestByKey(communePlans);
  const out: EffectiveTarget[] = [];
  for (const [key, p] of province) {
    if (!commune.has(key))
      out.push({
        target: p.target,
        source: 'PROVINCE',
        directiveId: p.ownerId,
        planId: null,
        document: p.document,
        overrides: null,
      });
  }
  for (const [key, c] of commune) {
    const p = province.get(key);
    out.push({
      target: c.target,
      source: 'COMMUNE',
      directiveId: null,
      planId: c.ownerId,
      document: c.document,
      overrides: p ? { target: p.target, directiveId: p.ownerId, document: p.document } : null,
    });
  }
  return out.sort(
    (a, b) =>
      a.target.dueOn.localeCompare(b.target.dueOn) ||
      a.target.group.localeCompare(b.target.group) ||
      a.target.indicator.localeCompare(b.target.indicator),
  );
}
