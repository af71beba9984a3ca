/** The certification rule, applied to one learner's results. Plain functions, used with the course data. */
import type { CourseData } from './model';

export interface ModuleResult {
  /** Share of the module's content completed, 0–1. */
  contentShare: number;
  /** Best quiz score, or null when not taken. */
  quizScore: number | null;
}

/** A module is done when at least 80% of its content is completed and its quiz scored at least 4/5. */
export function moduleDone(rule: CourseData, result: ModuleResult | undefined): boolean {
  return (
    !!result && result.contentShare >= rule.minContentShare && (result.quizScore ?? -1) >= rule.moduleQuizPassScore
  );
}
