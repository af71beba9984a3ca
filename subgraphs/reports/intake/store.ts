/** Writing reports: validation first, then one transaction per submission with its event (portal imports: portal-store.ts). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { areaPath, authorize, requireIdentity } from '../../../shared/pure/auth-rules';
import { todayInVietnam } from '../../../shared/pure/dates';
import { bilingual, ForbiddenError, NotFoundError } from '../../../shared/pure/errors';
import { recordAudit } from '../../common/audit';
import { cleanText } from '../../../shared/pure/text';
import { appendEvent } from '../../common/outbox';
import type { Viewer } from '../../../shared/pure/viewer';
import { Area } from '../entities/Area';
import { ReportPerson } from '../entities/ReportPerson';
import { UnitReport } from '../entities/UnitReport';
import { figureColumns, figuresOf, figureTriples } from './figures';
import type { Figures } from '../progress/rules';
import { ensurePeriodOpen } from '../approval/store';
import { appendLiveEvents, prepareLiveEvents } from '../live/store';
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
    const t = tx;
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
    // An approved period is locked (approval/store.ts): checked under the period's shared lock, nothing written.
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
      vneidSkills: input.vneidSkills ?? null,
      studentLevels: input.studentLevels?.length ? input.studentLevels : null,
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
    // Live events in this transaction when no other publication holds the province; else the coalescing consumer
    // publishes this report with the others that arrived meanwhile (live/publisher.ts). Events go last (outbox lock).
    const live = await prepareLiveEvents(t, [report.reporterId], 'REPORT', { wait: false });
    await appendEvent(
      t,
      'reports',
      REPORT_SUBMITTED,
      {
        reportId: report.id,
        reporterId: report.reporterId,
        communeId: report.communeId,
        provinceId: report.provinceId,
        reportDate: report.reportDate,
        version: report.version,
        live: live !== null,
      },
      [{ provinceId: report.provinceId, from: report.reportDate }],
    );
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
    if (live) await appendLiveEvents(t, live);
    return report;
  });
}
