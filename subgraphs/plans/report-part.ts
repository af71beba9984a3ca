/**
 * The plan part of a commune's report (phần kết quả thực hiện kế hoạch): per plan of the commune, tasks done out of
 * all (cancelled ones not counted) and training sessions held by the report's date. Plain function, no ORM.
 */
import type { IsoDate } from '../../shared/pure/dates';

export interface PlanPartLine {
  planId: string;
  number: string;
  title: string;
  tasksDone: number;
  tasksTotal: number;
  sessionsHeld: number;
}

export function planPart(
  plans: ReadonlyArray<{ id: string; number: string; title: string }>,
  tasks: ReadonlyArray<{ planId: string; status: string }>,
  sessions: ReadonlyArray<{ planId: string; heldOn: IsoDate }>,
  asOf: IsoDate,
): PlanPartLine[] {
  return plans.map((p) => {
    const mine = tasks.filter((t) => t.planId === p.id && t.status !== 'CANCELLED');
    return {
      planId: p.id,
      number: p.number,
      title: p.title,
      tasksDone: mine.filter((t) => t.status === 'DONE').length,
      tasksTotal: mine.length,
      sessionsHeld: sessions.filter((s) => s.planId === p.id && s.heldOn <= asOf).length,
    };
  });
}
