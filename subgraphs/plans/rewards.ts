/** Whether someone meets a reward rule (tiêu chí khen thưởng), from facts reports can count. Plain rules. */
import type { RewardRuleData } from './model';

export interface RewardFacts {
  /** UNIT: its officials and how many are certified; VILLAGE: its working-age residents and how many certified. */
  people?: number;
  certified?: number;
  /** UNIT: how many people each of its officials guided. OFFICIAL / RESIDENT: [how many they guided]. */
  guidedCounts?: number[];
  /** OFFICIAL / RESIDENT: holds the certificate. */
  isCertified?: boolean;
}

const guidedEnough = (rule: RewardRuleData, n: number) => n >= (rule.minGuided ?? 0);

export function meetsRewardRule(rule: RewardRuleData, facts: RewardFacts): boolean {
  switch (rule.subject) {
    case 'UNIT': {
      if (!facts.people) return false;
      const certifiedOk = (facts.certified ?? 0) / facts.people >= (rule.certifiedShare ?? 1);
      const guiding = (facts.guidedCounts ?? []).filter((n) => guidedEnough(rule, n)).length;
      return certifiedOk && guiding / facts.people >= (rule.guidingShare ?? 0);
    }
    case 'VILLAGE':
      return !!facts.people && (facts.certified ?? 0) / facts.people >= (rule.certifiedShare ?? 1);
    case 'OFFICIAL':
    case 'RESIDENT':
      return !!facts.isCertified && guidedEnough(rule, facts.guidedCounts?.[0] ?? 0);
  }
}
