/**
 * Communes' periodic reports: drafting their figures from the hub's own data, saving, submitting, returning and
 * accepting them. Each write is one transaction: the report row (locked), its audit entry and outbox event.
 * Order of checks: identity → the commune or report (NOT_FOUND) → the role (FORBIDDEN) → the input and the state
 * (BAD_USER_INPUT); nothing is written when one fails.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, requireIdentity, type AreaPath } from '../../../shared/pure/auth-rules';
import { todayInVietnam, type IsoDate } from '../../../shared/pure/dates';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import type { DeadlineData } from '../../../shared/vocabulary/model';
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
  figuresDay,
  findRequest,
  nextStatus,
  type CommuneReportAction,
} from './rules';
import { Area } from '../entities/Area';
import { CommuneReport } from '../entities/CommuneReport';
import { DirectiveTarget } from '../entities/DirectiveTarget';
import type { ReportsLoaders } from '../loaders';
import { GROUPS } from '../progress/rules';
import { measuresOf, type MeasurePoint } from '../targets/status';

/** The figures a report states, as drafted from the hub's data and frozen at submission. */
export interface ReportFiguresValue {
  asOf: IsoDate;
  learners: number;
  adults: number | null;
  participationRate: number | null;
  figuresDate: IsoDate | null;
  groups: Array<{ group: string; registered: number; completed: number; certified: number }>;
  villages: Array<{
    id: string;
    name: string;
    level: string;
    formerCommune: string | null;
    learners: number;
    adults: number | null;
    participationRate: number | null;
    figuresDate: IsoDate | null;
  }>;
  /** Stored with the report: `change` is the rank move (ranking/rules.ts), named as GraphQL's ReportRank names it. */
  rank: { position: number; outOf: number; previous: number | null; change: number | null } | null;
  /** Villages and units with no report by the figures' date. */
  notReported: Array<{ id: string; name: string; level: string }>;
  /**
   * What its targets are judged from, frozen with it: the commune's counts and denominators at the figure dates up to
   * asOf (not a GraphQL field). Absent in a report submitted before they were kept: judged from the live data then.
   */
  targetSeries?: MeasurePoint[];
}

/** A reporting request of a directive: its id, number and the one-off deadline. */
export interface RequestValue {
  directiveId: string;
  number: string;
  deadline: DeadlineData;
}

/** The request's deadline, from the directive's targets kept here (NOT_FOUND / BAD_USER_INPUT). */
export async function findReportingRequest(
  em: EntityManager,
  provinceId: string,
  directiveId: string,
  dueOn: IsoDate,
): Promise<RequestValue> {
  const directive = await em.findOne(DirectiveTarget, { directiveId });
  if (!directive || directive.provinceId !== provinceId)
    throw new NotFoundError(
      bilingual(
        `Không tìm thấy văn bản chỉ đạo "${directiveId}" của tỉnh`,
        `no directive ${directiveId} in the province`,
      ),
    );
  const deadline = findRequest(directive.deadlines as unknown as DeadlineData[], dueOn, directive.number);
  return { directiveId, number: directive.number, deadline };
}

/** The commune's figures as of the request's last day (or today): one snapshot and one ranking per province. */
export async function draftFigures(
  loaders: ReportsLoaders,
  provinceId: string,
  communeId: string,
  deadline: DeadlineData,
): Promise<ReportFiguresValue> {
  const asOf = figuresDay(deadline, todayInVietnam());
  const [snapshot, ranked, targetSeries] = await Promise.all([
    loaders.snapshot.load({ provinceId, asOf }),
    loaders.ranking.load({ provinceId, asOf }),
    measuresOf(loaders, communeId, asOf),
  ]);
  const p = snapshot.progress(communeId);
  const children = snapshot.children(communeId).filter((a) => a.level === 'VILLAGE' || a.level === 'UNIT');
  const r = ranked.find((x) => x.communeId === communeId);
  return {
    asOf,
    learners: p.learners,
    adults: p.adults,
    participationRate: p.participationRate,
    figuresDate: p.figuresDate,
    groups: GROUPS.map((group) => ({ group, ...(p.groups?.[group] ?? { registered: 0, completed: 0, certified: 0 }) })),
    villages: children.map((a) => {
      const v = snapshot.progress(a.id);
      return {
        id: a.id,
        name: a.name,
        level: a.level,
        formerCommune: a.formerCommune,
        learners: v.learners,
        adults: v.adults,
        participationRate: v.participationRate,
        figuresDate: v.figuresDate,
      };
    }),
    rank: r ? { position: r.position, outOf: r.outOf, previous: r.previous, change: r.move } : null,
    notReported: children
      .filter((a) => !snapshot.latestReport(a.id))
      .map((a) => ({ id: a.id, name: a.name, level: a.level })),
    targetSeries,
  };
}

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
  const figures =
    action === 'SUBMIT'
      ? await draftFigures(
          loaders,
          found.provinceId,
          found.communeId,
          (await findReportingRequest(em, found.provinceId, found.directiveId, found.dueOn)).deadline,
        )
      : null;
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
