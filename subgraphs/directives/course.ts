/** The certification rule, applied to one learner's results. Plain functions: reports use them with the course data. */
import type { CourseData } from './model';

export interface ModuleResult {
  /** Share of the module's content completed, 0–1. */
  contentShare: number;
  /** Best quiz score, or null when not taken. */
  quizScore: number | null;
}

export interface LearnerResults {
  /** By module number (1–5); a missing module is not started. */
  modules: Record<number, ModuleResult | undefined>;
  finalTestScore: number | null;
}

export type LearnerStage = 'JOINED' | 'COMPLETED' | 'CERTIFIED';

/** A module is done when at least 80% of its content is completed and its quiz scored at least 4/5. */
export function moduleDone(rule: CourseData, result: ModuleResult | undefined): boolean {
  return (
    !!result && result.contentShare >= rule.minContentShare && (result.quizScore ?? -1) >= rule.moduleQuizPassScore
  );
}

/** All five modules done: the final test is unlocked. */
export function finalTestUnlocked(rule: CourseData, learner: LearnerResults): boolean {
  return rule.modules.every((m) => moduleDone(rule, learner.modules[m.number]));
}

/** The stage a learner has reached: joined → completed (all modules) → certified (final test ≥ 21/30). */
export function learnerStage(rule: CourseData, learner: LearnerResults): LearnerStage {
  if (!finalTestUnlocked(rule, learner)) return 'JOINED';
  return (learner.finalTestScore ?? -1) >= rule.finalTestPassScore ? 'CERTIFIED' : 'COMPLETED';
}
