import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DIRECTIVE_CHANGED, type DirectiveChanged } from '../../shared/vocabulary/events';
import { isIsoDate, todayInVietnam, viDate } from '../../shared/pure/dates';
import { BadInputError, bilingual, NotFoundError } from '../../shared/pure/errors';
import { recordAudit } from '../common/audit';
import { authorize, requireIdentity } from '../../shared/pure/auth-rules';
import { appendEvent } from '../common/outbox';
import type { Viewer } from '../../shared/pure/viewer';
import { Directive } from './entities/Directive';
import { DirectiveRevision, type RevisionContent } from './entities/DirectiveRevision';
import type { DirectiveContent } from './model';
import { DirectiveStatus, RevisionAction } from '../../shared/vocabulary/enums';
import { directiveIdOf } from '../../shared/pure/ids';
import { requireText } from '../../shared/vocabulary/checks';
import { checkWithdrawalDate, validateDirectiveContent } from './validation';

const PROVINCE_ID = /^P\d{2}$/;

export interface IssueShape extends Omit<DirectiveContent, 'replacesId' | 'replacesNumber' | 'course'> {
  provinceId: string;
  replacesId?: string | null;
  replacesNumber?: string | null;
  course?: DirectiveContent['course'];
}

function contentOf(d: Directive): DirectiveContent {
  return {
    number: d.number,
    kind: d.kind,
    title: d.title,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    addressedTo: d.addressedTo,
    citesIds: d.citesIds,
    citesNumbers: d.citesNumbers,
    replacesId: d.replacesId,
    replacesNumber: d.replacesNumber,
    targets: d.targets,
    campaignPeriods: d.campaignPeriods,
    reportingDeadlines: d.reportingDeadlines,
    course: d.course,
  };
}

export function eventOf(d: Directive, action: RevisionAction): DirectiveChanged {
  return {
    directiveId: d.id,
    provinceId: d.provinceId,
    revision: d.revision,
    action,
    status: d.status,
    number: d.number,
    kind: d.kind,
    title: d.title,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    targets: d.targets,
    campaignPeriods: d.campaignPeriods,
    reportingDeadlines: d.reportingDeadlines as unknown as Array<Record<string, unknown>>,
    course: d.course as unknown as Record<string, unknown> | null,
    demo: d.demo,
  };
}

/** Cited and replaced directives must exist in the same province; the number must be free in the province. */
async function checkReferences(
  em: EntityManager,
  provinceId: string,
  content: DirectiveContent,
  selfId: string | null,
): Promise<void> {
  const ids = [...content.citesIds, ...(content.replacesId ? [content.replacesId] : [])];
  if (selfId && ids.includes(selfId)) {
    throw new BadInputError(
      bilingual('Văn bản không thể trích dẫn hay thay thế chính nó', 'a directive cannot cite or replace itself'),
      'citesIds',
    );
  }
  if (ids.length > 0) {
    const found = await em.find(Directive, { id: { $in: ids }, provinceId });
    const known = new Set(found.map((d) => d.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw new BadInputError(
        bilingual(
          `Không tìm thấy văn bản được trích dẫn hoặc thay thế trong tỉnh: ${missing.join(', ')}`,
          `unknown cited or replaced directive: ${missing.join(', ')}`,
        ),
        content.replacesId && missing.includes(content.replacesId) ? 'replacesId' : 'citesIds',
      );
    }
  }
  const clash = await em.findOne(Directive, {
    provinceId,
    number: content.number,
    ...(selfId ? { id: { $ne: selfId } } : {}),
  });
  if (clash) {
    throw new BadInputError(
      bilingual(
        `Số văn bản "${content.number}" đã có trong tỉnh (ban hành ngày ${viDate(clash.issuedOn)}); hãy kiểm tra lại số hoặc sửa đổi văn bản đó`,
        `directive number ${content.number} already exists in ${provinceId}`,
      ),
      'number',
    );
  }
}

function revisionContentOf(d: Directive): RevisionContent {
  return { ...contentOf(d), status: d.status, withdrawnOn: d.withdrawnOn };
}

/** A revision as the audit trail keeps it: its number and whole content. */
type AuditedRevision = RevisionContent & { revision: number };
const auditedRevision = (d: Directive): AuditedRevision => ({ revision: d.revision, ...revisionContentOf(d) });

const OPERATIONS: Record<RevisionAction, string> = {
  [RevisionAction.ISSUED]: 'issueDirective',
  [RevisionAction.AMENDED]: 'amendDirective',
  [RevisionAction.WITHDRAWN]: 'withdrawDirective',
};

/** The new revision row, its event and its audit entry (the revision it replaces → this one), in the caller's transaction. */
async function writeRevision(
  tx: EntityManager,
  d: Directive,
  action: RevisionAction,
  reason: string,
  viewer: Viewer,
  before: AuditedRevision | null,
): Promise<void> {
  const content = revisionContentOf(d);
  const revision = Object.assign(new DirectiveRevision(), {
    directiveId: d.id,
    revision: d.revision,
    action,
    content,
    reason,
    recordedAt: new Date(),
    recordedBy: viewer.id,
  });
  tx.persist(revision);
  await tx.flush();
  await appendEvent(tx, 'directives', DIRECTIVE_CHANGED, eventOf(d, action));
  await recordAudit(tx, 'directives', {
    viewer,
    operation: OPERATIONS[action],
    areaId: d.provinceId,
    provinceId: d.provinceId,
    communeId: null,
    targetType: 'Directive',
    targetId: d.id,
    before,
    after: auditedRevision(d),
    reason,
  });
}

/** Records a new directive and its first revision and event, in one transaction. */
export async function issueDirective(
  em: EntityManager,
  viewer: Viewer,
  input: IssueShape,
  options: { demo?: boolean } = {},
): Promise<Directive> {
  requireIdentity(viewer, 'ISSUE_DIRECTIVE');
  if (!PROVINCE_ID.test(input.provinceId)) {
    throw new NotFoundError(
      bilingual(`Không tìm thấy tỉnh có mã "${input.provinceId}"`, `no province has id ${input.provinceId}`),
    );
  }
  authorize(viewer, 'ISSUE_DIRECTIVE', { provinceId: input.provinceId });
  const content = validateDirectiveContent({
    ...input,
    replacesId: input.replacesId ?? null,
    replacesNumber: input.replacesNumber ?? null,
    course: input.course ?? null,
  });
  return em.transactional(async (t) => {
    const tx = t;
    await checkReferences(tx, input.provinceId, content, null);
    let id = directiveIdOf(content.number, content.issuedOn);
    for (let n = 2; await tx.findOne(Directive, { id }); n += 1)
      id = `${directiveIdOf(content.number, content.issuedOn)}-${n}`;
    const d = tx.create(Directive, {
      id,
      provinceId: input.provinceId,
      ...content,
      status: DirectiveStatus.IN_FORCE,
      revision: 1,
      demo: options.demo ?? false,
    });
    await writeRevision(tx, d, RevisionAction.ISSUED, options.demo ? 'Dữ liệu mẫu (demo)' : 'Ban hành', viewer, null);
    return d;
  });
}

/** The directive to change, locked; only a PROVINCE_ADMIN of its province may change it (FORBIDDEN otherwise). */
async function findForUpdate(tx: EntityManager, id: string, viewer: Viewer): Promise<Directive> {
  const found = await tx.findOne(Directive, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!found) throw new NotFoundError(bilingual(`Không tìm thấy văn bản có mã "${id}"`, `no directive has id ${id}`));
  authorize(viewer, 'ISSUE_DIRECTIVE', { provinceId: found.provinceId });
  return found;
}

/** An amendment is a new revision: the row moves to it, the earlier revision stays in the history. */
export async function amendDirective(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  changes: Partial<DirectiveContent>,
  reason: string,
): Promise<Directive> {
  requireIdentity(viewer, 'ISSUE_DIRECTIVE');
  const why = requireText(reason, 'reason', 'Lý do sửa đổi', 500);
  return em.transactional(async (t) => {
    const tx = t;
    const d = await findForUpdate(tx, id, viewer);
    if (d.status === DirectiveStatus.WITHDRAWN) {
      throw new BadInputError(
        bilingual(`Văn bản ${d.number} đã bị thu hồi, không thể sửa đổi`, `directive ${d.number} was withdrawn`),
        'id',
      );
    }
    const merged: DirectiveContent = { ...contentOf(d) };
    for (const [k, v] of Object.entries(changes) as Array<[keyof DirectiveContent, unknown]>) {
      if (v !== undefined && (v !== null || k === 'course' || k === 'replacesId' || k === 'replacesNumber'))
        (merged as unknown as Record<string, unknown>)[k] = v;
    }
    const content = validateDirectiveContent(merged);
    await checkReferences(tx, d.provinceId, content, d.id);
    const before = auditedRevision(d);
    Object.assign(d, content, { revision: d.revision + 1 });
    await writeRevision(tx, d, RevisionAction.AMENDED, why, viewer, before);
    return d;
  });
}

/** Withdrawal (thu hồi) is a revision too: the directive stays readable, marked withdrawn, with its history. */
export async function withdrawDirective(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  reason: string,
  withdrawnOn: string | null,
): Promise<Directive> {
  requireIdentity(viewer, 'ISSUE_DIRECTIVE');
  const why = requireText(reason, 'reason', 'Lý do thu hồi', 500);
  const on = withdrawnOn ?? todayInVietnam();
  if (!isIsoDate(on))
    throw new BadInputError(bilingual('Ngày thu hồi không hợp lệ', 'invalid withdrawal date'), 'withdrawnOn');
  return em.transactional(async (t) => {
    const tx = t;
    const d = await findForUpdate(tx, id, viewer);
    if (d.status === DirectiveStatus.WITHDRAWN) {
      throw new BadInputError(
        bilingual(`Văn bản ${d.number} đã bị thu hồi trước đó`, `directive ${d.number} is already withdrawn`),
        'id',
      );
    }
    checkWithdrawalDate(on, d.issuedOn, todayInVietnam());
    const before = auditedRevision(d);
    Object.assign(d, {
      status: DirectiveStatus.WITHDRAWN,
      withdrawnOn: on,
      withdrawalReason: why,
      revision: d.revision + 1,
    });
    await writeRevision(tx, d, RevisionAction.WITHDRAWN, why, viewer, before);
    return d;
  });
}
