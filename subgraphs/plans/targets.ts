/**
 * Effective targets of a commune: the commune's own target where it set one, else the province's. Plain rules.
 *
 * A target is identified by indicator × population group × the year it is due: a commune target for residents
 * joining by end 2025 takes the place of the province's target for residents joining in 2025, and a 2026 target
 * of the commune's stands beside the province's 2025 one. Among the province's directives in force, the latest
 * issued sets a key; among the commune's plans, the latest issued does. A commune target keeps the province
 * target it replaces visible (`overrides`).
 */
import type { TargetSourceName } from '../../shared/vocabulary/enums';
import type { TargetData } from '../../shared/vocabulary/model';

export interface TargetOwner {
  id: string;
  issuedOn: string;
  targets: TargetData[];
}

export interface EffectiveTarget {
  target: TargetData;
  source: TargetSourceName;
  directiveId: string | null;
  planId: string | null;
  /** For a commune target: the province target of the same key it takes the place of. */
  overrides: { target: TargetData; directiveId: string } | null;
}

export const targetKey = (t: TargetData): string => `${t.indicator}|${t.group}|${t.dueOn.slice(0, 4)}`;

/** For each key, the target of the latest-issued owner (ties: the greater id). */
function latestByKey(owners: TargetOwner[]): Map<string, { target: TargetData; ownerId: string }> {
  const sorted = [...owners].sort((a, b) =>
    a.issuedOn === b.issuedOn ? a.id.localeCompare(b.id) : a.issuedOn.localeCompare(b.issuedOn),
  );
  const out = new Map<string, { target: TargetData; ownerId: string }>();
  for (const o of sorted) for (const t of o.targets) out.set(targetKey(t), { target: t, ownerId: o.id });
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
      out.push({ target: p.target, source: 'PROVINCE', directiveId: p.ownerId, planId: null, overrides: null });
  }
  for (const [key, c] of commune) {
    const p = province.get(key);
    out.push({
      target: c.target,
      source: 'COMMUNE',
      directiveId: null,
      planId: c.ownerId,
      overrides: p ? { target: p.target, directiveId: p.ownerId } : null,
    });
  }
  return out.sort(
    (a, b) =>
      a.target.dueOn.localeCompare(b.target.dueOn) ||
      a.target.group.localeCompare(b.target.group) ||
      a.target.indicator.localeCompare(b.target.indicator),
  );
}
