/**
 * Reward verdicts (khen thưởng) from reported figures, by the rules of the commune's own plan. Plain functions: no
 * GraphQL, no ORM. Nothing here knows whose rules they are: Ba Tô's letter (Oct 2025) is Ba Tô's plan data, another
 * commune's plan states its own, and a commune whose plan states none gets no verdicts.
 *
 * The rule kinds, by subject:
 * - UNIT: `certifiedShare` of its officials (staff) certified, and (when set) `guidingShare` of them each guided
 *   at least `minGuided` working-age residents (Ba Tô: 100%, and 50% guiding 10–20);
 * - VILLAGE: `certifiedShare` of its working-age residents joined and certified (Ba Tô: 70%);
 * - OFFICIAL / RESIDENT: certified, and guided at least `minGuided` people (Ba Tô's officials: 5; residents: 2);
 *   guiding more still meets it.
 * - `maxAwardees` (with `minAwardees`): how many of a subject are rewarded (Ba Tô's officials: "từ 5-10 cá nhân",
 *   004 §4.1). When more people meet the rule, they are put in a stated order — most residents guided, then the
 *   earlier report, then the name — and those past the maximum are listed as not proposed, saying why.
 */
import type { RewardSubjectName } from '../../../shared/vocabulary/enums';
import type { RewardRuleData } from '../../../shared/vocabulary/model';
import { placeOf } from '../chase/rules';
import type { Figures } from '../progress/rules';

export type { RewardRuleData };

export interface Verdict {
  eligible: boolean;
  /** What was measured against what, in the words of the rule. */
  reason: string;
  /** The rule measured against (its description in the plan). */
  rule: string;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The quota in words: "5–10", "5", or "10–20". */
export const quotaText = (r: RewardRuleData): string =>
  r.maxGuided != null && r.maxGuided !== r.minGuided ? `${r.minGuided ?? 0}–${r.maxGuided}` : `${r.minGuided ?? 0}`;

/** The first rule stated for each subject (a plan states at most one per subject; more are ignored). */
export function rulesBySubject(rules: readonly RewardRuleData[]): Partial<Record<RewardSubjectName, RewardRuleData>> {
  const out: Partial<Record<RewardSubjectName, RewardRuleData>> = {};
  for (const r of rules) out[r.subject] ??= r;
  return out;
}

export function unitVerdict(
  rule: RewardRuleData,
  staff: number,
  officialsCertified: number,
  officialsGuidingEnough: number,
): Verdict {
  if (staff <= 0)
    return { eligible: false, reason: 'Đơn vị chưa có số biên chế (no staff figure)', rule: rule.description };
  const certified = officialsCertified / staff;
  const guiding = officialsGuidingEnough / staff;
  const needCertified = rule.certifiedShare ?? 0;
  const parts = [`${pct(certified)} CBCCVC có chứng nhận (cần ${pct(needCertified)})`];
  let eligible = certified >= needCertified;
  if (rule.guidingShare != null) {
    parts.push(
      `${pct(guiding)} CBCCVC hướng dẫn từ ${rule.minGuided ?? 0} người trở lên (cần ${pct(rule.guidingShare)})`,
    );
    eligible &&= guiding >= rule.guidingShare;
  }
  return { eligible, reason: parts.join('; '), rule: rule.description };
}

export function villageVerdict(rule: RewardRuleData, workingAge: number | null, residentsCertified: number): Verdict {
  if (!workingAge)
    return {
      eligible: false,
      reason: 'Thôn chưa có số người trong độ tuổi lao động (no working-age figure)',
      rule: rule.description,
    };
  const share = residentsCertified / workingAge;
  const need = rule.certifiedShare ?? 0;
  return {
    eligible: share >= need,
    reason: `${pct(share)} người trong độ tuổi lao động tham gia và có chứng nhận (cần ${pct(need)})`,
    rule: rule.description,
  };
}

export function personVerdict(rule: RewardRuleData, certified: boolean, guided: number): Verdict {
  const min = rule.minGuided ?? 0;
  return {
    eligible: certified && guided >= min,
    reason: `${certified ? 'Có chứng nhận' : 'Chưa có chứng nhận'}; đã hướng dẫn ${guided} người (cần ${min}, chỉ tiêu ${quotaText(rule)})`,
    rule: rule.description,
  };
}

export interface RewardArea {
  id: string;
  name: string;
  level: string;
  unitType: string | null;
  staff: number | null;
}
export interface RewardPerson {
  reportId: number;
  name: string;
  role: 'OFFICIAL' | 'RESIDENT';
  certified: boolean;
  guided: number;
}
export interface RewardCandidateValue extends Verdict {
  village: { id: string } | null;
  unit: { id: string } | null;
  name: string;
  role: 'OFFICIAL' | 'RESIDENT' | null;
  /** Units: share of officials certified; villages: share of working-age residents certified; null for people. */
  share: number | null;
  /** People: how many they guided; units: officials who guided at least the quota; null for villages. */
  guided: number | null;
}

/**
 * A commune's villages, units and named people measured against the reward rules of its plan (rules.ts), from
 * each one's latest report. `people` are those named in these latest reports. A subject the rules do not cover is
 * not judged: no rules, no candidates.
 */
export function rewardCandidates(input: {
  rules: readonly RewardRuleData[];
  children: readonly RewardArea[];
  latest: (areaId: string) => { reportId: number; figures: Figures } | undefined;
  workingAge: (villageId: string) => number | null;
  people: readonly RewardPerson[];
}): { villages: RewardCandidateValue[]; units: RewardCandidateValue[]; people: RewardCandidateValue[] } {
  const { children, latest, workingAge, people } = input;
  const rules = rulesBySubject(input.rules);
  const reportOwner = new Map(children.map((a) => [latest(a.id)?.reportId, a]));
  const villageRule = rules.VILLAGE;
  const villages = !villageRule
    ? []
    : children
        .filter((a) => a.level === 'VILLAGE')
        .map((v) => {
          const certified = latest(v.id)?.figures.RESIDENTS.certified ?? 0;
          const adults = workingAge(v.id);
          return {
            village: { id: v.id },
            unit: null,
            name: v.name,
            role: null,
            share: adults ? certified / adults : null,
            guided: null,
            ...villageVerdict(villageRule, adults, certified),
          };
        });
  const unitRule = rules.UNIT;
  const units = !unitRule
    ? []
    : children
        .filter((a) => a.level === 'UNIT' && a.unitType !== 'DIGITAL_TEAM')
        .map((u) => {
          const report = latest(u.id);
          const guiding = people.filter(
            (p) => p.reportId === report?.reportId && p.role === 'OFFICIAL' && p.guided >= (unitRule.minGuided ?? 0),
          ).length;
          const staff = u.staff ?? 0;
          const certified = report?.figures.OFFICIALS.certified ?? 0;
          const verdict = unitVerdict(unitRule, staff, certified, guiding);
          const share = staff > 0 ? certified / staff : null;
          return { village: null, unit: { id: u.id }, name: u.name, role: null, share, guided: guiding, ...verdict };
        });
  const persons = people.flatMap((p) => {
    const rule = rules[p.role];
    if (!rule) return [];
    const owner = reportOwner.get(p.reportId);
    return [
      {
        ...(owner ? placeOf(owner) : { village: null, unit: null }),
        name: p.name,
        role: p.role,
        share: null,
        guided: p.guided,
        reportId: p.reportId,
        ...personVerdict(rule, p.certified, p.guided),
      },
    ];
  });
  return { villages, units, people: withinAwardQuota(persons, rules).map(({ reportId: _, ...c }) => c) };
}

/** The order in which people who meet a rule are proposed, in words (shown with each verdict). */
export const AWARD_ORDER_VI = 'xếp theo số người đã hướng dẫn (nhiều trước), rồi báo cáo sớm hơn, rồi họ tên';

/**
 * People who meet their rule, put in the stated order; past the rule's `maxAwardees`, not proposed (eligible false,
 * saying why). A subject whose rule states no maximum is left as it is.
 */
export function withinAwardQuota<C extends RewardCandidateValue & { reportId: number }>(
  candidates: readonly C[],
  rules: Partial<Record<RewardSubjectName, RewardRuleData>>,
): C[] {
  const out = [...candidates];
  for (const role of ['OFFICIAL', 'RESIDENT'] as const) {
    const max = rules[role]?.maxAwardees;
    if (max == null) continue;
    const ordered = out
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.role === role && c.eligible)
      .sort(
        (a, b) =>
          (b.c.guided ?? 0) - (a.c.guided ?? 0) ||
          a.c.reportId - b.c.reportId ||
          a.c.name.localeCompare(b.c.name, 'vi'),
      );
    const range = rules[role]?.minAwardees != null ? `${rules[role]?.minAwardees}–${max}` : `tối đa ${max}`;
    ordered.forEach(({ c, i }, place) => {
      out[i] =
        place < max
          ? {
              ...c,
              reason: `${c.reason}; thứ ${place + 1} trong số được đề xuất (${range} cá nhân, ${AWARD_ORDER_VI})`,
            }
          : {
              ...c,
              eligible: false,
              reason: `${c.reason}; đủ tiêu chí nhưng ngoài số lượng khen thưởng (${range} cá nhân, ${AWARD_ORDER_VI}): thứ ${place + 1}`,
            };
    });
  }
  return out;
}
