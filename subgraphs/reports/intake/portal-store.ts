/**
 * Published statistics imported — the province portal's statistics page and the national platform's
 * (progress/statistic-sources.ts: each learner counted once): all rows or none, locked periods refused.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { authorize, requireIdentity } from '../../../shared/pure/auth-rules';
import { todayInVietnam, isIsoDate } from '../../../shared/pure/dates';
import { BadInputError, bilingual, NotFoundError } from '../../../shared/pure/errors';
import { recordAudit } from '../../common/audit';
import { appendEvent } from '../../common/outbox';
import type { Viewer } from '../../../shared/pure/viewer';
import { Area } from '../entities/Area';
import { PortalStatistic } from '../entities/PortalStatistic';
import { ensurePeriodsOpen } from '../approval/store';
import { CAMPAIGN_START } from '../approval/rules';
import { appendLiveEvents, prepareLiveEvents } from '../live/store';
import { PORTAL_IMPORTED } from './store';
import { checkSourceFields } from '../progress/statistic-sources';
import type { PortalStatisticInputRow } from '../../../shared/pure/portal-statistics';

/** A row as the import takes it: the one shape of shared/pure/portal-statistics (source PORTAL when absent). */
export type PortalRowInput = PortalStatisticInputRow;

/** Checks every row first; any bad row rejects the whole import with its row number, and nothing is written. */
export async function importPortalStatistics(
  em: EntityManager,
  viewer: Viewer | 'SEED',
  rows: PortalRowInput[],
): Promise<{ importId: string; rows: number; communes: number; dates: string[] }> {
  const demo = viewer === 'SEED';
  if (!demo) requireIdentity(viewer, 'IMPORT_STATISTICS');
  if (rows.length === 0)
    throw new BadInputError(bilingual('Không có dòng số liệu nào để nhập', 'no rows to import'), 'rows');
  if (rows.length > 50_000)
    throw new BadInputError(bilingual('Quá nhiều dòng trong một lần nhập (tối đa 50.000)', 'too many rows'), 'rows');
  const today = todayInVietnam();
  const communes = await em.find(Area, { id: { $in: [...new Set(rows.map((r) => r.communeId))] }, level: 'COMMUNE' });
  const byId = new Map(communes.map((c) => [c.id, c]));
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const at = `dòng ${i + 1}`;
    const field = (f: string) => `rows.${i}.${f}`;
    const commune = byId.get(r.communeId);
    if (!commune)
      throw new NotFoundError(
        bilingual(`${at}: không tìm thấy xã có mã "${r.communeId}"`, `row ${i + 1}: unknown commune ${r.communeId}`),
      );
    if (!demo) authorize(viewer, 'IMPORT_STATISTICS', { provinceId: commune.provinceId, communeId: commune.id });
    if (!isIsoDate(r.date) || r.date > today || r.date < CAMPAIGN_START)
      throw new BadInputError(
        bilingual(
          `${at}: ngày "${r.date}" không hợp lệ, ở tương lai hoặc trước khi phong trào bắt đầu (${CAMPAIGN_START})`,
          `row ${i + 1}: bad date`,
        ),
        field('date'),
      );
    for (const k of ['learners', 'officialsRegistered', 'residentsRegistered'] as const) {
      if (!Number.isInteger(r[k]) || r[k] < 0)
        throw new BadInputError(
          bilingual(`${at}: ${k} phải là số nguyên không âm`, `row ${i + 1}: ${k} must be ≥ 0`),
          field(k),
        );
    }
    if (r.learners !== r.officialsRegistered + r.residentsRegistered) {
      throw new BadInputError(
        bilingual(
          `${at}: số học viên (${r.learners}) phải bằng CBCCVC (${r.officialsRegistered}) cộng người dân (${r.residentsRegistered})`,
          `row ${i + 1}: learners must equal officials + residents`,
        ),
        field('learners'),
      );
    }
    if (r.rank != null && (!Number.isInteger(r.rank) || r.rank < 1))
      throw new BadInputError(
        bilingual(`${at}: thứ hạng phải là số nguyên dương`, `row ${i + 1}: bad rank`),
        field('rank'),
      );
    for (const k of ['officialsPercent', 'residentsPercent'] as const) {
      const v = r[k];
      if (v != null && (!Number.isFinite(v) || v < 0 || v > 100))
        throw new BadInputError(
          bilingual(`${at}: tỷ lệ phải từ 0 đến 100`, `row ${i + 1}: ${k} must be 0–100`),
          field(k),
        );
    }
    const problem = checkSourceFields(r, i + 1);
    if (problem) throw new BadInputError(bilingual(problem.vi, problem.en), field(problem.field));
    const source = r.source ?? 'PORTAL';
    const key = `${r.communeId}|${r.date}|${source}`;
    if (seen.has(key))
      throw new BadInputError(
        bilingual(
          `${at}: xã ${r.communeId} ngày ${r.date} có hai dòng cùng nguồn ${source}`,
          `row ${i + 1}: duplicate commune, date and source`,
        ),
        field('communeId'),
      );
    seen.add(key);
  });
  const importId = randomUUID();
  await em.transactional(async (tx) => {
    const t = tx;
    // Approved periods are locked for imports too (docs/access.md "Approval and locking"): all rows or none.
    await ensurePeriodsOpen(t, rows);
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await t.execute(
        `insert into reports.portal_statistic (commune_id, province_id, stat_date, source, portal_rank, learners, officials_registered, residents_registered, officials_percent, residents_percent, officials_on_portal, residents_on_portal, import_id, demo)
         values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((r) => [
          r.communeId,
          byId.get(r.communeId)!.provinceId,
          r.date,
          r.source ?? 'PORTAL',
          r.rank ?? null,
          r.learners,
          r.officialsRegistered,
          r.residentsRegistered,
          r.officialsPercent ?? null,
          r.residentsPercent ?? null,
          r.officialsOnPortal ?? null,
          r.residentsOnPortal ?? null,
          importId,
          demo,
        ]),
      );
    }
    // The ranking under the provinces' locks first: the outbox's lock (appendEvent) is taken last.
    const live = demo
      ? null
      : await prepareLiveEvents(t, [...new Set(rows.map((r) => r.communeId))], 'PORTAL_IMPORT', { wait: true });
    const scope = new Map<string, string>(); // per province, its earliest date in the import
    for (const r of rows) {
      const provinceId = byId.get(r.communeId)!.provinceId;
      if (!scope.has(provinceId) || r.date < scope.get(provinceId)!) scope.set(provinceId, r.date);
    }
    await appendEvent(
      t,
      'reports',
      PORTAL_IMPORTED,
      {
        importId,
        dates: [...new Set(rows.map((r) => r.date))].sort(),
        communes: [...new Set(rows.map((r) => r.communeId))],
      },
      [...scope].map(([provinceId, from]) => ({ provinceId, from })),
    );
    if (!demo) {
      for (const r of rows) {
        const commune = byId.get(r.communeId)!;
        await recordAudit(t, 'reports', {
          viewer: viewer,
          operation: 'importPortalStatistics',
          areaId: commune.id,
          provinceId: commune.provinceId,
          communeId: commune.id,
          targetType: 'PortalStatistic',
          targetId: importId,
          before: null,
          after: { ...r },
          reason: null,
        });
      }
    }
    if (live) await appendLiveEvents(t, live);
  });
  return { importId, rows: rows.length, communes: byId.size, dates: [...new Set(rows.map((r) => r.date))].sort() };
}

export { PortalStatistic };
