/**
 * Judging targets from an area's measures: the counts and denominators at the figure dates up to a date, read live
 * from the province's snapshots (Commune.targetStatus) or frozen with a submitted commune report (its targetStatus).
 */
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import { excessSentence, isExcess } from '../../../shared/pure/measures';
import type { StudentLevelName, TargetSource } from '../../../shared/vocabulary/enums';
import type { ReportsLoaders } from '../loaders';
import { judgeTarget, targetShare, type Counts, type Denominators, type TargetShape } from './rules';
import { TargetStateEnum, type TargetStatus } from './types';

export type StatusTarget = TargetShape & {
  source: TargetSource;
  document: string | null;
  citation: string | null;
  demo: boolean;
  studentLevels: readonly StudentLevelName[] | null;
};

/** What an area's targets are judged from at a date: its counts and denominators at the figure dates up to it. */
export interface MeasurePoint {
  date: string;
  counts: Counts;
  denominators: Denominators;
}

/** The area's measures at the last six figure dates before asOf and at asOf (the pace window's points). */
export async function measuresOf(loaders: ReportsLoaders, areaId: string, date: string): Promise<MeasurePoint[]> {
  const area = await loaders.area.load(areaId);
  if (!area) throw new NotFoundError(bilingual(`Chưa có dữ liệu của khu vực "${areaId}"`, `unknown area ${areaId}`));
  const dates = (await loaders.figureDates.load(area.provinceId)).filter((d) => d < date).slice(-6);
  const snapshots = await loaders.snapshot.loadMany(
    [...dates, date].map((d) => ({ provinceId: area.provinceId, asOf: d })),
  );
  return snapshots.map((s, i) => {
    if (s instanceof Error) throw s;
    return { date: i < dates.length ? dates[i] : date, counts: s.counts(areaId), denominators: s.denominators(areaId) };
  });
}

/** Each target judged over the measures (the last point is asOf's); a commune report's frozen ones too. */
export function judgeTargets(targets: StatusTarget[], points: MeasurePoint[], date: string): TargetStatus[] {
  return targets.map((t) => {
    const series = points.map((p) => ({ date: p.date, share: targetShare(t, p.counts, p.denominators) }));
    const judged = judgeTarget(t, series, date);
    const current = series[series.length - 1].share;
    return {
      ...t,
      strict: t.strict ?? false,
      asOf: date,
      ...judged,
      status: judged.status as TargetStateEnum,
      anomaly: current && isExcess(current) ? excessSentence(t.indicator, t.group, current) : null,
    } as TargetStatus;
  });
}
