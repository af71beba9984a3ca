/**
 * The target rule (chỉ tiêu): a value meets a target at its threshold ("ít nhất 80%"), or only above it when the
 * letter says "over" (strict: "trên 50%"). Shares are fractions, 0.8 = 80%. The pages colour a row with it; the
 * reports subgraph judges targets with it.
 */
export interface TargetLevel {
  threshold: number;
  /** True when the letter says "over" (trên 50%): the threshold itself is not enough. */
  strict?: boolean | null;
}

export function meetsTarget(value: number, target: TargetLevel): boolean {
  return target.strict ? value > target.threshold : value >= target.threshold;
}

/** The comparison as the letters write it before the percentage: "trên" for strict, "≥" otherwise. */
export function levelWord(target: TargetLevel): string {
  return target.strict ? 'trên' : '≥';
}
