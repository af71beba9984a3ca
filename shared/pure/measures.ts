/**
 * What each target's rate is a share of: for every indicator × group, the people counted (numerator) and the people
 * they are counted among (denominator), once, for the reports subgraph that computes the rate and the pages and
 * documents that explain it (docs/directives-and-plans.md, "Rates"). A rate is a share of people: it never passes
 * 100%. Where the reports count more people than the denominator holds, the figures contradict each other: the rate
 * is shown at 100% at most, named as an excess, and never judged met from it.
 */
import { viNumber } from './errors';
import { INDICATOR_VI, type IndicatorName, type PopulationGroupName } from './values';

/** The people a group's rate is a share of, as a sentence names them after a number ("6 …"). */
export const BASE_VI: Record<PopulationGroupName, string> = {
  RESIDENTS: 'người trưởng thành (dân số của khu vực)',
  OFFICIALS: 'cán bộ, công chức, viên chức của các cơ quan, đơn vị (số ghi nhận)',
  STUDENTS: 'học sinh của các trường',
  WORKERS: 'người lao động của các doanh nghiệp, hợp tác xã',
};

/** The people counted, as a sentence names them after a number ("24 …"). */
export const COUNTED_VI: Record<PopulationGroupName, string> = {
  RESIDENTS: 'người',
  OFFICIALS: 'cán bộ, công chức, viên chức',
  STUDENTS: 'học sinh',
  WORKERS: 'người lao động',
};

/** The two counts a rate is made of. */
export interface Share {
  count: number;
  base: number;
}

/** The rate as a fraction, at most 1: a share of people cannot pass 100%. */
export function cappedRate(share: Share): number {
  return share.base > 0 ? Math.min(1, share.count / share.base) : 0;
}

/** True when more people are counted than the denominator holds. */
export function isExcess(share: Share): boolean {
  return share.count > share.base;
}

/**
 * The sentence an official reads where an excess makes a rate untrustworthy:
 * "Số liệu vượt mẫu số: 24 người lao động tham gia khóa học > 6 người lao động của các doanh nghiệp, hợp tác xã. …"
 */
export function excessSentence(indicator: IndicatorName, group: PopulationGroupName, share: Share): string {
  return (
    `Số liệu vượt mẫu số: ${viNumber(share.count)} ${COUNTED_VI[group]} ${INDICATOR_VI[indicator]} > ` +
    `${viNumber(share.base)} ${BASE_VI[group]}. Tỷ lệ chỉ tính tối đa 100% và chưa thể đánh giá là đạt; cần rà soát ` +
    'số liệu báo cáo hoặc số liệu dân số, đơn vị.'
  );
}
