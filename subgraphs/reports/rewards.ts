/**
 * The reward rules of Ba Tô's letter (Oct 2025), evaluated from reported figures. Plain functions: no GraphQL, no ORM.
 *
 * - a unit: 100% of its officials certified, and at least 50% of its officials have each guided 10–20 residents;
 * - a village: 70% of its working-age residents joined and certified;
 * - an official: certified, and guided at least 5 working-age residents;
 * - a resident (not an official): certified, and guided at least 2 working-age residents.
 */
export interface RewardRules {
  unitCertifiedShare: number;
  unitGuidingShare: number;
  unitGuidedMin: number;
  villageCertifiedShare: number;
  officialGuidedMin: number;
  residentGuidedMin: number;
}

export const BA_TO_RULES: RewardRules = {
  unitCertifiedShare: 1,
  unitGuidingShare: 0.5,
  unitGuidedMin: 10,
  villageCertifiedShare: 0.7,
  officialGuidedMin: 5,
  residentGuidedMin: 2,
};

export interface Verdict {
  eligible: boolean;
  /** What was measured against what, in the words of the rule. */
  reason: string;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function unitVerdict(
  staff: number,
  officialsCertified: number,
  officialsGuidingEnough: number,
  rules = BA_TO_RULES,
): Verdict {
  if (staff <= 0) return { eligible: false, reason: 'Đơn vị chưa có số biên chế (no staff figure)' };
  const certified = officialsCertified / staff;
  const guiding = officialsGuidingEnough / staff;
  const eligible = certified >= rules.unitCertifiedShare && guiding >= rules.unitGuidingShare;
  return {
    eligible,
    reason: `${pct(certified)} CBCCVC có chứng nhận (cần ${pct(rules.unitCertifiedShare)}); ${pct(guiding)} CBCCVC hướng dẫn từ ${rules.unitGuidedMin} người trở lên (cần ${pct(rules.unitGuidingShare)})`,
  };
}

export function villageVerdict(workingAge: number | null, residentsCertified: number, rules = BA_TO_RULES): Verdict {
  if (!workingAge)
    return { eligible: false, reason: 'Thôn chưa có số người trong độ tuổi lao động (no working-age figure)' };
  const share = residentsCertified / workingAge;
  return {
    eligible: share >= rules.villageCertifiedShare,
    reason: `${pct(share)} người trong độ tuổi lao động tham gia và có chứng nhận (cần ${pct(rules.villageCertifiedShare)})`,
  };
}

export function personVerdict(
  role: 'OFFICIAL' | 'RESIDENT',
  certified: boolean,
  guided: number,
  rules = BA_TO_RULES,
): Verdict {
  const min = role === 'OFFICIAL' ? rules.officialGuidedMin : rules.residentGuidedMin;
  return {
    eligible: certified && guided >= min,
    reason: `${certified ? 'Có chứng nhận' : 'Chưa có chứng nhận'}; đã hướng dẫn ${guided} người (cần ${min})`,
  };
}
