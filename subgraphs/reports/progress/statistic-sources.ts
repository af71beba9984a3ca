/**
 * The two published statistics a commune's learners come in by, through one import (importPortalStatistics,
 * `npm run import:portal`): the province portal's statistics page (PORTAL) and the national platform
 * binhdanhocvuso.gov.vn, where people study with their VNeID login instead (NATIONAL_PLATFORM). Plain functions:
 * no GraphQL, no ORM.
 *
 * Counted once: a national-platform row says, of its officials and residents, how many are also enrolled on the
 * province portal (officialsOnPortal, residentsOnPortal; the platform matches accounts by VNeID number). Those are
 * already counted by the portal (and by the village and unit reports, which count the portal's learners), so only
 * the rest — the platform-only learners — are added to a commune's progress. Within a source, the newest row of a
 * commune on or before the date counts, so importing a file again never adds its learners twice.
 */

import {
  STATISTIC_SOURCES,
  type PortalStatisticInputRow,
  type StatisticSourceName,
} from '../../../shared/pure/portal-statistics';

export { STATISTIC_SOURCES, type StatisticSourceName };

/** The fields of a published row (shared/pure/portal-statistics) that its source decides. */
export type SourcedRow = Pick<
  PortalStatisticInputRow,
  'source' | 'rank' | 'officialsRegistered' | 'residentsRegistered' | 'officialsOnPortal' | 'residentsOnPortal'
>;

export interface RowProblem {
  vi: string;
  en: string;
  field: string;
}

const OVERLAP = { officialsOnPortal: 'officialsRegistered', residentsOnPortal: 'residentsRegistered' } as const;
const OVERLAP_VI = { officialsOnPortal: 'CBCCVC', residentsOnPortal: 'người dân' } as const;

/** The source-specific checks of one row (row is 1-based, as the clerk counts); null when the row is fine. */
export function checkSourceFields(r: SourcedRow, row: number): RowProblem | null {
  const at = `dòng ${row}`;
  const source = r.source ?? 'PORTAL';
  if (!STATISTIC_SOURCES.includes(source))
    return {
      vi: `${at}: nguồn "${String(source)}" không hợp lệ (PORTAL hoặc NATIONAL_PLATFORM)`,
      en: `row ${row}: unknown source`,
      field: 'source',
    };
  for (const k of ['officialsOnPortal', 'residentsOnPortal'] as const) {
    const v = r[k];
    if (source === 'PORTAL') {
      if (v != null)
        return {
          vi: `${at}: số trùng với cổng tỉnh chỉ ghi cho dòng của nền tảng quốc gia (nguồn NATIONAL_PLATFORM)`,
          en: `row ${row}: ${k} is for NATIONAL_PLATFORM rows only`,
          field: k,
        };
      continue;
    }
    if (v == null)
      return {
        vi: `${at}: thiếu số ${OVERLAP_VI[k]} đã học trên cổng tỉnh (để không đếm hai lần); ghi 0 nếu không có`,
        en: `row ${row}: ${k} is required for NATIONAL_PLATFORM rows`,
        field: k,
      };
    if (!Number.isInteger(v) || v < 0)
      return { vi: `${at}: ${k} phải là số nguyên không âm`, en: `row ${row}: ${k} must be ≥ 0`, field: k };
    if (v > r[OVERLAP[k]])
      return {
        vi: `${at}: số ${OVERLAP_VI[k]} trùng với cổng tỉnh (${v}) lớn hơn số ${OVERLAP_VI[k]} trên nền tảng (${r[OVERLAP[k]]})`,
        en: `row ${row}: ${k} above ${OVERLAP[k]}`,
        field: k,
      };
  }
  if (source === 'NATIONAL_PLATFORM' && r.rank != null)
    return {
      vi: `${at}: thứ hạng chỉ có trên trang thống kê của cổng tỉnh, không ghi cho nền tảng quốc gia`,
      en: `row ${row}: rank is for PORTAL rows only`,
      field: 'rank',
    };
  return null;
}

/** The learners of a national-platform row not already counted by the portal. */
export function platformOnly(r: {
  officialsRegistered: number;
  residentsRegistered: number;
  officialsOnPortal: number | null;
  residentsOnPortal: number | null;
}): { officials: number; residents: number } {
  return {
    officials: Math.max(0, r.officialsRegistered - (r.officialsOnPortal ?? 0)),
    residents: Math.max(0, r.residentsRegistered - (r.residentsOnPortal ?? 0)),
  };
}
