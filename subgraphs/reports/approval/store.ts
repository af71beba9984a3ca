/**
 * Approving and reopening reporting periods (a commune × a report date), and reading them. Each write is one
 * transaction holding the period's advisory lock exclusively; a report submission holds it shared while it checks
 * the period and writes, so an approval waits for submissions in flight and later submissions see it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, requireIdentity } from '../../../shared/pure/auth-rules';
import { recordAudit } from '../../common/audit';
import { todayInVietnam, type IsoDate } from '../../../shared/pure/dates';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import type { Viewer } from '../../../shared/pure/viewer';
import {
  checkCanApprove,
  checkCanReopen,
  checkNote,
  checkPeriodDate,
  checkPeriodOpen,
  checkReason,
  lockedPeriodError,
  type PeriodApprovalFacts,
} from './rules';
import { Area } from '../entities/Area';
import { PERIOD_COLUMNS, withDates, type PeriodRow, type PeriodValue } from './queries';

export type { PeriodValue } from './queries';

const lockKey = (communeId: string, reportDate: IsoDate) => `period:${communeId}:${reportDate}`;

/** Takes the period's lock for this transaction: exclusive to approve or reopen, shared to submit a report. */
async function lockPeriod(
  t: EntityManager,
  communeId: string,
  reportDate: IsoDate,
  mode: 'exclusive' | 'shared',
): Promise<void> {
  const fn = mode === 'exclusive' ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
  await t.execute(`select ${fn}(hashtext(?))`, [lockKey(communeId, reportDate)]);
}

async function readPeriod(t: EntityManager, communeId: string, reportDate: IsoDate): Promise<PeriodRow | null> {
  const rows = await t.execute<PeriodRow[]>(
    `select ${PERIOD_COLUMNS} from reports.period_approval pa where pa.commune_id = ? and pa.report_date = ?`,
    [communeId, reportDate],
  );
  return rows[0] ? withDates(rows[0]) : null;
}

async function countReports(
  t: EntityManager,
  communeId: string,
  reportDate: IsoDate,
): Promise<{ reporters: number; versions: number }> {
  const [row] = await t.execute<Array<{ reporters: number; versions: number }>>(
    `select count(distinct reporter_id)::int as reporters, count(*)::int as versions from reports.unit_report where commune_id = ? and report_date = ?`,
    [communeId, reportDate],
  );
  return row;
}

const factsOf = (row: PeriodRow | null): PeriodApprovalFacts => ({
  state: row?.state ?? 'OPEN',
  approvedAt: row?.approvedAt ?? null,
  approvedByName: row?.approvedByName ?? null,
});

/**
 * Called by a report submission inside its transaction (after its per-reporter lock): waits for any approval of
 * the period in flight, then refuses a locked period with FORBIDDEN. The shared lock is held until the submission
 * commits, so an approval cannot slip in between this check and the report's insert.
 */
export async function ensurePeriodOpen(t: EntityManager, communeId: string, reportDate: IsoDate): Promise<void> {
  await lockPeriod(t, communeId, reportDate, 'shared');
  const row = await readPeriod(t, communeId, reportDate);
  checkPeriodOpen(reportDate, row ? factsOf(row) : null);
}

/**
 * The same check for many periods at once (a portal import): shared locks on every period, taken in a fixed order,
 * then one statement for the approved ones. The first row on an approved period is refused with its row number.
 */
export async function ensurePeriodsOpen(
  t: EntityManager,
  rows: ReadonlyArray<{ communeId: string; date: IsoDate }>,
): Promise<void> {
  const keys = [...new Set(rows.map((r) => `${r.communeId}|${r.date}`))].sort();
  if (keys.length === 0) return;
  // Ids and dates hold no comma, so one text parameter carries them all, however many rows the import has.
  await t.execute(
    `select count(pg_advisory_xact_lock_shared(hashtext('period:' || replace(k, '|', ':')))) from unnest(string_to_array(?, ',')) as k`,
    [keys.join(',')],
  );
  const approved = await t.execute<Array<PeriodRow>>(
    `select ${PERIOD_COLUMNS} from reports.period_approval pa
      where pa.state = 'APPROVED' and pa.commune_id || '|' || pa.report_date::text = any(string_to_array(?, ','))`,
    [keys.join(',')],
  );
  if (approved.length === 0) return;
  const byKey = new Map(approved.map((r) => [`${r.communeId}|${r.reportDate}`, withDates(r)]));
  const i = rows.findIndex((r) => byKey.has(`${r.communeId}|${r.date}`));
  const row = byKey.get(`${rows[i].communeId}|${rows[i].date}`)!;
  throw lockedPeriodError(row.reportDate, factsOf(row), {
    vi: `dòng ${i + 1}, xã ${row.communeId}`,
    en: `row ${i + 1}, commune ${row.communeId}`,
  });
}

export interface PeriodInput {
  communeId: string;
  reportDate: IsoDate;
}

async function findCommune(em: EntityManager, communeId: string): Promise<Area> {
  const commune = await em.findOne(Area, { id: communeId, level: 'COMMUNE' });
  if (!commune)
    throw new NotFoundError(bilingual(`Không tìm thấy xã có mã "${communeId}"`, `no commune has id ${communeId}`));
  return commune;
}

const auditState = (row: PeriodRow | null) =>
  row
    ? {
        state: row.state,
        revision: row.revision,
        approvedAt: row.approvedAt,
        approvedBy: row.approvedByName,
        reopenedAt: row.reopenedAt,
        reopenedBy: row.reopenedByName,
        reason: row.reason,
      }
    : { state: 'OPEN' };

type PeriodDecision = { action: 'APPROVE'; note: string | null } | { action: 'REOPEN'; reason: string };
type Request = { action: 'APPROVE'; note?: string | null } | { action: 'REOPEN'; reason: string | null | undefined };

/** requireIdentity → the commune (NOT_FOUND) → authorize (FORBIDDEN) → the input (BAD_USER_INPUT) → one transaction. */
async function decidePeriod(
  em: EntityManager,
  viewer: Viewer,
  input: PeriodInput,
  request: Request,
): Promise<PeriodValue> {
  requireIdentity(viewer, 'APPROVE_PERIOD');
  const commune = await findCommune(em, input.communeId);
  authorize(viewer, 'APPROVE_PERIOD', { provinceId: commune.provinceId, communeId: commune.id });
  checkPeriodDate(input.reportDate, todayInVietnam());
  const decision: PeriodDecision =
    request.action === 'APPROVE'
      ? { action: 'APPROVE', note: checkNote(request.note) }
      : { action: 'REOPEN', reason: checkReason(request.reason) };
  return em.transactional(async (tx) => {
    const t = tx;
    await lockPeriod(t, commune.id, input.reportDate, 'exclusive');
    const before = await readPeriod(t, commune.id, input.reportDate);
    if (decision.action === 'APPROVE') checkCanApprove(factsOf(before), input.reportDate);
    else checkCanReopen(factsOf(before), input.reportDate);
    const counts = await countReports(t, commune.id, input.reportDate);
    const revision = (before?.revision ?? 0) + 1;
    if (decision.action === 'APPROVE') {
      await t.execute(
        `insert into reports.period_approval (commune_id, report_date, province_id, state, revision, approved_at, approved_by_id, approved_by_name, note, updated_at)
         values (?, ?, ?, 'APPROVED', ?, now(), ?, ?, ?, now())
         on conflict (commune_id, report_date) do update set state = 'APPROVED', revision = excluded.revision, approved_at = excluded.approved_at,
           approved_by_id = excluded.approved_by_id, approved_by_name = excluded.approved_by_name, note = excluded.note, updated_at = now()`,
        [
          commune.id,
          input.reportDate,
          commune.provinceId,
          revision,
          viewer.id,
          viewer.name ?? viewer.id,
          decision.note,
        ],
      );
    } else {
      await t.execute(
        `update reports.period_approval set state = 'REOPENED', revision = ?, reopened_at = now(), reopened_by_id = ?, reopened_by_name = ?, reason = ?, updated_at = now()
          where commune_id = ? and report_date = ?`,
        [revision, viewer.id, viewer.name ?? viewer.id, decision.reason, commune.id, input.reportDate],
      );
    }
    await t.execute(
      `insert into reports.period_approval_history (commune_id, report_date, revision, action, actor_id, actor_name, actor_role, note, reason, reporters, versions)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        commune.id,
        input.reportDate,
        revision,
        decision.action,
        viewer.id,
        viewer.name,
        viewer.role,
        decision.action === 'APPROVE' ? decision.note : null,
        decision.action === 'REOPEN' ? decision.reason : null,
        counts.reporters,
        counts.versions,
      ],
    );
    const after = (await readPeriod(t, commune.id, input.reportDate))!;
    await recordAudit(t, 'reports', {
      viewer,
      operation: decision.action === 'APPROVE' ? 'approveReportingPeriod' : 'reopenReportingPeriod',
      areaId: commune.id,
      provinceId: commune.provinceId,
      communeId: commune.id,
      targetType: 'ReportingPeriod',
      targetId: `${commune.id}:${input.reportDate}`,
      before: { reportDate: input.reportDate, ...auditState(before) },
      after: { reportDate: input.reportDate, ...auditState(after), ...counts },
      reason: decision.action === 'APPROVE' ? decision.note : decision.reason,
    });
    return { ...after, ...counts };
  });
}

/** Approves and locks a commune's reporting period (duyệt kỳ báo cáo). */
export function approveReportingPeriod(
  em: EntityManager,
  viewer: Viewer,
  input: PeriodInput & { note?: string | null },
): Promise<PeriodValue> {
  return decidePeriod(em, viewer, input, { action: 'APPROVE', note: input.note });
}

/** Reopens an approved period with a reason (mở lại kỳ báo cáo); its reports may be resubmitted again. */
export function reopenReportingPeriod(
  em: EntityManager,
  viewer: Viewer,
  input: PeriodInput & { reason: string },
): Promise<PeriodValue> {
  return decidePeriod(em, viewer, input, { action: 'REOPEN', reason: input.reason });
}
