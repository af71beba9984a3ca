/**
 * Demo national-platform learners (binhdanhocvuso.gov.vn, VNeID login): GENERATED, deterministic. One row, on the
 * last reporting Friday, for the commune furthest ahead, so that the published ranks and Ba Tô's figures stay as
 * the letters state them: 2% of its adults study on the national platform, a quarter of whom also have a portal
 * account (counted once, by the portal). Plain data in, plain data out: no ORM here.
 */
import type { CommuneCurve, DemoCommune } from './data';
import { REPORT_FRIDAYS } from './data';

export interface DemoPlatformRow {
  communeId: string;
  date: string;
  source: 'NATIONAL_PLATFORM';
  learners: number;
  officialsRegistered: number;
  residentsRegistered: number;
  officialsOnPortal: number;
  residentsOnPortal: number;
}

export function platformRows(communes: DemoCommune[], curves: CommuneCurve[]): DemoPlatformRow[] {
  const last = (cv: CommuneCurve) => cv.anchors[cv.anchors.length - 1][1];
  const adultsOf = (id: string) => communes.find((c) => c.id === id)?.adults ?? 0;
  const rate = (cv: CommuneCurve) => last(cv) / (adultsOf(cv.communeId) || 1);
  const ahead = [...curves].sort((a, b) => rate(b) - rate(a) || (a.communeId < b.communeId ? -1 : 1))[0];
  if (!ahead) return [];
  const learners = Math.max(4, Math.round(adultsOf(ahead.communeId) * 0.02));
  const officials = Math.round(learners * 0.3);
  const residents = learners - officials;
  return [
    {
      communeId: ahead.communeId,
      date: REPORT_FRIDAYS[REPORT_FRIDAYS.length - 1],
      source: 'NATIONAL_PLATFORM',
      learners,
      officialsRegistered: officials,
      residentsRegistered: residents,
      officialsOnPortal: Math.floor(officials / 4),
      residentsOnPortal: Math.floor(residents / 4),
    },
  ];
}
