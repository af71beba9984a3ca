/** Writing reports and portal statistics: validation first, then one transaction per submission with its event. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { areaPath, authorize, requireIdentity } from '../../shared/auth-rules';
import { todayInVietnam, isIsoDate } from '../../shared/dates';
import { BadInputError, bilingual, ForbiddenError, NotFoundError } from '../../shared/errors';
import { recordAudit } from '../common/audit';
import { cleanText } from '../../shared/text';
import { appendEvent } from '../common/outbox';
import type { Viewer } from '../../shared/viewer';
import { Area } from './entities/Area';
import { PortalStatistic } from './entities/PortalStatistic';
import { ReportPerson } from './entities/ReportPerson';
import { UnitReport } from './entities/UnitReport';
import { figureColumns, figuresOf, figureTriples } from './figures';
import type { Figures } from './progress';
import { ensurePeriodOpen, ensurePeriodsOpen } from './approval-store';
import { CAMPAIGN_START } from './approval-rules';
import { publishChanges } from './live';
import {
  checkRetryMatches,
  checkAdultMeasures,
  contentOfInput,
  contentOfRow,
  findAnomalies,
  validateReport,
  type ReportInputShape,
} from './validation';

export const REPORT_SUBMITTED = 'report.submitted';
export const PORTAL_IMPORTED = 'portal.imported';

export interface SubmitInput extends ReportInputShape {
  reporterId: string;
  /** The commune the clerk reports for; when given it must be the reporter's own. */
  communeId?: string | null;
}

async function latestPopulation(em: EntityManager, areaId: string, asOf: string) {
  const rows = await em.execute<Array<{ adults: number; students: number | null }>>(
    `select adults, students from reports.population_fact where area_id = ? and as_of <= ? order by as_of desc, revision_id desc limit 1`,
    [areaId, asOf],
  );
  return rows[0] ?? null;
}

/**
 * Adds a version of a reporter's report for a date. With an idempotency key already used by this reporter, the
 * earlier submission is returned and nothing is added, so a retried submission counts once; the same key with other
 * content is a CONFLICT (checkRetryMatches). A new version for an
 * approved (locked) period of the reporter's commune is FORBIDDEN.
 */
export async function submitUnitReport(em: EntityManager, viewer: Viewer, input: SubmitInput): Promise<UnitReport> {
  requireIdentity(viewer, 'SUBMIT_REPORT');
  const reporter = await em.findOne(Area, { id: input.reporterId });
  if (!reporter || (reporter.level !== 'VILLAGE' && reporter.level !== 'UNIT')) {
    throw new NotFoundError(
      bilingual(
        `Không tìm thấy thôn hay đơn vị có mã "${input.reporterId}"`,
        `no village or unit has id ${input.reporterId}`,
      ),
    );
  }
  authorize(viewer, 'SUBMIT_REPORT', areaPath(reporter.id, reporter.provinceId)!);
  const figures: Figures = validateReport(input, todayInVietnam());
  if (input.communeId && input.communeId !== reporter.communeId) {
    throw new ForbiddenError(
      bilingual(
        `${reporter.name} thuộc xã có mã ${reporter.communeId}, không thể báo cáo cho xã ${input.communeId}`,
        'a unit reports only for its own commune',
      ),
    );
  }
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    // One submission at a time per reporter, so versions are gapless and an idempotency key is checked safely.
    await t.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`report:${reporter.id}`]);
    if (input.idempotencyKey) {
      const earlier = await t.findOne(UnitReport, { reporterId: reporter.id, idempotencyKey: input.idempotencyKey });
      if (earlier) {
        // A retry returns the first report; the same key with other content is refused, nothing written.
        const people = await t.find(ReportPerson, { reportId: earlier.id }, { orderBy: { id: 'asc' } });
        checkRetryMatches(
          input.idempotencyKey,
          { id: earlier.id, content: contentOfRow(earlier, people) },
          contentOfInput(input, figures),
        );
        return earlier;
      }
    }
    // An approved period is locked (approval-store.ts): checked under the period's shared lock, nothing written.
    await ensurePeriodOpen(t, reporter.communeId!, input.reportDate);
    const [{ v }] = await t.execute<Array<{ v: number }>>(
      `select coalesce(max(version), 0)::int as v from reports.unit_report where reporter_id = ? and report_date = ?`,
      [reporter.id, input.reportDate],
    );
    const pop = reporter.level === 'VILLAGE' ? await latestPopulation(t, reporter.id, input.reportDate) : null;
    checkAdultMeasures(input, reporter.level === 'VILLAGE' ? pop?.adults : reporter.staff);
    const report = t.create(UnitReport, {
      reporterId: reporter.id,
      reporterLevel: reporter.level as 'VILLAGE' | 'UNIT',
      communeId: reporter.communeId!,
      provinceId: reporter.provinceId,
      reportDate: input.reportDate,
      version: v + 1,
      idempotencyKey: input.idempotencyKey ?? null,
      ...figureColumns(figures),
      guidedResidents: input.guidedResidents ?? 0,
      digitalSignatures: input.digitalSignatures ?? null,
      vneidConfirmed: input.vneidConfirmed ?? null,
      anomalies: findAnomalies(figures, {
        adults: pop?.adults,
        students: pop?.students,
        staff: reporter.level === 'UNIT' ? reporter.staff : null,
      }),
      note: input.note?.trim() || null,
      submittedAt: new Date(),
      submittedBy: viewer.id,
      demo: false,
    });
    await t.flush();
    for (const p of input.people ?? []) {
      t.create(ReportPerson, {
        reportId: report.id,
        name: cleanText(p.name),
        role: p.role,
        certified: p.certified,
        guided: p.guided,
      });
    }
    await t.flush();
    await appendEvent(t, 'reports', REPORT_SUBMITTED, {
      reportId: report.id,
      reporterId: report.reporterId,
      communeId: report.communeId,
      provinceId: report.provinceId,
      reportDate: report.reportDate,
      version: report.version,
    });
    const previous =
      v > 0 ? await t.findOne(UnitReport, { reporterId: reporter.id, reportDate: input.reportDate, version: v }) : null;
    const figuresOfRow = (r: UnitReport) => ({
      version: r.version,
      ...figureTriples(figuresOf(r)),
      guidedResidents: r.guidedResidents,
    });
    await recordAudit(t, 'reports', {
      viewer,
      operation: 'submitUnitReport',
      areaId: reporter.id,
      provinceId: reporter.provinceId,
      communeId: reporter.communeId,
      targetType: 'UnitReport',
      targetId: report.id,
      before: previous ? figuresOfRow(previous) : null,
      after: {
        reportDate: report.reportDate,
        ...figuresOfRow(report),
        people: (input.people ?? []).length,
        anomalies: report.anomalies,
      },
      reason: report.note,
    });
    await publishChanges(t, [report.reporterId], 'REPORT');
    return report;
  });
}

export interface PortalRowInput {
  communeId: string;
  date: string;
  rank?: number | null;
  learners: number;
  officialsRegistered: number;
  residentsRegistered: number;
  officialsPercent?: number | null;
  residentsPercent?: number | null;
}

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
    const key = `${r.communeId}|${r.date}`;
    if (seen.has(key))
      throw new BadInputError(
        bilingual(`${at}: xã ${r.communeId} ngày ${r.date} có hai dòng`, `row ${i + 1}: duplicate commune and date`),
        field('communeId'),
      );
    seen.add(key);
  });
  const importId = randomUUID();
  await em.transactional(async (tx) => {
    const t = tx as EntityManager;
    // Approved periods are locked for imports too (docs/access.md "Approval and locking"): all rows or none.
    await ensurePeriodsOpen(t, rows);
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await t.execute(
        `insert into reports.portal_statistic (commune_id, province_id, stat_date, portal_rank, learners, officials_registered, residents_registered, officials_percent, residents_percent, import_id, demo)
         values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((r) => [
          r.communeId,
          byId.get(r.communeId)!.provinceId,
          r.date,
          r.rank ?? null,
          r.learners,
          r.officialsRegistered,
          r.residentsRegistered,
          r.officialsPercent ?? null,
          r.residentsPercent ?? null,
          importId,
          demo,
        ]),
      );
    }
    await appendEvent(t, 'reports', PORTAL_IMPORTED, {
      importId,
      dates: [...new Set(rows.map((r) => r.date))].sort(),
      communes: [...new Set(rows.map((r) => r.communeId))],
    });
    if (!demo) {
      for (const r of rows) {
        const commune = byId.get(r.communeId)!;
        await recordAudit(t, 'reports', {
          viewer: viewer as Viewer,
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
      await publishChanges(t, [...new Set(rows.map((r) => r.communeId))], 'PORTAL_IMPORT');
    }
  });
  return { importId, rows: rows.length, communes: byId.size, dates: [...new Set(rows.map((r) => r.date))].sort() };
}

export { PortalStatistic };
