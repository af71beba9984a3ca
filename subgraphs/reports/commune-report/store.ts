/**
 * Communes' periodic reports: saving, submitting (freezing the figures drafted in figures.ts), returning and
 * accepting them. Each write is one transaction: the report row (locked), its audit entry and outbox event.
 * Order of checks: identity → the commune or report (NOT_FOUND) → the role (FORBIDDEN) → the input and the state
 * (BAD_USER_INPUT); nothing is written when one fails.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, requireIdentity, type AreaPath } from '../../../shared/pure/auth-rules';
import type { IsoDate } from '../../../shared/pure/dates';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import type { Viewer } from '../../../shared/pure/viewer';
import { COMMUNE_REPORT_SUBMITTED } from '../../../shared/vocabulary/events';
import { recordAudit } from '../../common/audit';
import { appendEvent } from '../../common/outbox';
import {
  ACTION_SIDE,
  checkNumber,
  checkReadyToSubmit,
  checkReturnReason,
  checkSection,
  nextStatus,
  type CommuneReportAction,
} from './rules';
import { Area } from '../entities/Area';
import { CommuneReport } from '../entities/CommuneReport';
import type { ReportsLoaders } from '../loaders';
import { measuresOf } from '../targets/status';
import { draftFigures, findReportingRequest } from './figures';

async function findCommune(em: EntityManager, communeId: string): Promise<Area> {
  const commune = await em.findOne(Area, { id: communeId, level: 'COMMUNE' });
  if (!commune)
    throw new NotFoundError(bilingual(`Không tìm thấy xã có mã "${communeId}"`, `no commune has id ${communeId}`));
  return commune;
}

export async function findReport(em: EntityManager, id: number): Promise<CommuneReport> {
  const report = await em.findOne(CommuneReport, { id });
  if (!report) throw new NotFoundError(bilingual(`Không tìm thấy báo cáo số ${id}`, `no commune report ${id}`));
  return report;
}

/** Who may take an action: the commune side acts on its commune, the province side on the province only. */
function authorizeSide(viewer: Viewer, action: CommuneReportAction, report: { provinceId: string; communeId: string }) {
  requireIdentity(viewer, 'APPROVE_PERIOD');
  const path: AreaPath =
    ACTION_SIDE[action] === 'COMMUNE'
      ? { provinceId: report.provinceId, communeId: report.communeId }
      : { provinceId: report.provinceId };
  authorize(viewer, 'APPROVE_PERIOD', path);
}

const auditView = (r: CommuneReport) => ({
  status: r.status,
  revision: r.revision,
  directiveId: r.directiveId,
  dueOn: r.dueOn,
  number: r.number,
  difficulties: r.difficulties,
  proposals: r.proposals,
  submittedAt: r.submittedAt,
  reviewNote: r.reviewNote,
});

async function audit(t: EntityManager, viewer: Viewer, operation: string, before: unknown, r: CommuneReport) {
  await recordAudit(t, 'reports', {
    viewer,
    operation,
    areaId: r.communeId,
    provinceId: r.provinceId,
    communeId: r.communeId,
    targetType: 'CommuneReport',
    targetId: r.id,
    before,
    after: auditView(r),
    reason: r.status === 'RETURNED' || r.status === 'ACCEPTED' ? r.reviewNote : null,
  });
}

export interface SaveInput {
  communeId: string;
  directiveId: string;
  dueOn: IsoDate;
  number?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
}

/** Creates the commune's draft for a request, or saves the sections of its DRAFT or RETURNED report. */
export async function saveCommuneReport(em: EntityManager, viewer: Viewer, input: SaveInput): Promise<CommuneReport> {
  requireIdentity(viewer, 'APPROVE_PERIOD');
  const commune = await findCommune(em, input.communeId);
  authorizeSide(viewer, 'EDIT', { provinceId: commune.provinceId, communeId: commune.id });
  await findReportingRequest(em, commune.provinceId, input.directiveId, input.dueOn);
  // A section left out of the input keeps its text; an empty one clears it.
  const sections: Partial<Pick<CommuneReport, 'number' | 'difficulties' | 'proposals'>> = {};
  if (input.number !== undefined) sections.number = checkNumber(input.number);
  if (input.difficulties !== undefined)
    sections.difficulties = checkSection(input.difficulties, 'difficulties', 'Khó khăn, vướng mắc');
  if (input.proposals !== undefined)
    sections.proposals = checkSection(input.proposals, 'proposals', 'Đề xuất, kiến nghị');
  return em.transactional(async (tx) => {
    const t = tx;
    await t.execute(`select pg_advisory_xact_lock(hashtext(?))`, [
      `commune-report:${commune.id}:${input.directiveId}:${input.dueOn}`,
    ]);
    const existing = await t.findOne(
      CommuneReport,
      { communeId: commune.id, directiveId: input.directiveId, dueOn: input.dueOn },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const before = existing ? auditView(existing) : null;
    const report =
      existing ??
      t.create(CommuneReport, {
        communeId: commune.id,
        provinceId: commune.provinceId,
        directiveId: input.directiveId,
        dueOn: input.dueOn,
        status: 'DRAFT',
        revision: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    if (existing) {
      report.status = nextStatus(existing.status, 'EDIT');
      report.revision += 1;
    }
    Object.assign(report, sections, { updatedAt: new Date() });
    await t.flush();
    await audit(t, viewer, 'saveCommuneReport', before, report);
    return report;
  });
}

/** A report's figures as it is submitted, with the measures its targets are judged from (kept with them). */
async function figuresToFreeze(em: EntityManager, loaders: ReportsLoaders, report: CommuneReport) {
  const { deadline } = await findReportingRequest(em, report.provinceId, report.directiveId, report.dueOn);
  const drafted = await draftFigures(loaders, report.provinceId, report.communeId, deadline);
  return { ...drafted, targetSeries: await measuresOf(loaders, report.communeId, drafted.asOf) };
}

/** Submits, returns or accepts a report: the state rule, then the change, its audit entry and event. */
export async function changeCommuneReport(
  em: EntityManager,
  loaders: ReportsLoaders,
  viewer: Viewer,
  id: number,
  action: Exclude<CommuneReportAction, 'EDIT'>,
  reason?: string | null,
): Promise<CommuneReport> {
  requireIdentity(viewer, 'APPROVE_PERIOD');
  const found = await findReport(em, id);
  authorizeSide(viewer, action, found);
  if (action === 'SUBMIT') checkReadyToSubmit(found);
  const note = action === 'RETURN' ? checkReturnReason(reason) : checkSection(reason, 'note', 'Ghi chú');
  const figures = action === 'SUBMIT' ? await figuresToFreeze(em, loaders, found) : null;
  return em.transactional(async (tx) => {
    const t = tx;
    const report = (await t.findOne(CommuneReport, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }))!;
    const before = auditView(report);
    report.status = nextStatus(report.status, action);
    report.revision += 1;
    report.updatedAt = new Date();
    if (action === 'SUBMIT') {
      report.figures = figures;
      report.submittedAt = new Date();
      report.firstSubmittedAt ??= report.submittedAt;
      report.submittedBy = viewer.name ?? viewer.id;
    } else {
      report.reviewedAt = new Date();
      report.reviewedBy = viewer.name ?? viewer.id;
      report.reviewNote = note;
    }
    await t.flush();
    if (action === 'SUBMIT' && figures)
      await appendEvent(t, 'reports', COMMUNE_REPORT_SUBMITTED, {
        reportId: report.id,
        revision: report.revision,
        communeId: report.communeId,
        provinceId: report.provinceId,
        asOf: figures.asOf,
        submittedAt: report.submittedAt!.toISOString(),
      });
    const operation = { SUBMIT: 'submitCommuneReport', RETURN: 'returnCommuneReport', ACCEPT: 'acceptCommuneReport' };
    await audit(t, viewer, operation[action], before, report);
    return report;
  });
}

/** The reports of a province for a request, by commune: one statement. */
export function reportsOfRequest(
  em: EntityManager,
  provinceId: string,
  directiveId: string,
  dueOn: IsoDate,
): Promise<CommuneReport[]> {
  return em.find(CommuneReport, { provinceId, directiveId, dueOn });
}
