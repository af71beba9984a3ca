/**
 * The lists officials file, as workbooks: a commune's chase list of a reporting date, its reward list, the audit
 * log of an area, and the province's follow-up of a reporting request. Personal data (people, the audit log) only
 * reaches callers the API lets read it.
 */
import type express from 'express';
import { ExportError, handler, workbook, run, send, sheet } from './export-helpers';
import { FOLLOW_UP_STATE_VI, REPORTING_STATE_VI, wordsFor } from '../shared/pure/values';

const date = (v: string | null) => (v ? new Date(v) : null);
const DATE_TIME = 'dd/mm/yyyy hh:mm';

interface Candidate {
  name: string;
  role: string | null;
  eligible: boolean;
  reason: string;
}
const ROLE_WORDS: Record<string, string> = { VILLAGE: 'Thôn', UNIT: 'Cơ quan, đơn vị' };

export function addListExports(router: express.Router, graphqlUrl: () => string): void {
  router.get(
    '/commune/:id/chase/:date.xlsx',
    handler(async (req, res) => {
      const { commune } = await run<{
        commune: {
          reportingStatus: { reporters: Array<{ name: string; status: string; firstSubmittedAt: string | null }> };
        } | null;
      }>(
        graphqlUrl(),
        req,
        `query($id: ID!, $d: Date!) { commune(id: $id) { reportingStatus(reportDate: $d) { reporters { name status firstSubmittedAt } } } }`,
        { id: req.params.id, d: req.params.date },
      );
      if (!commune) throw new ExportError(404, `Không tìm thấy xã "${req.params.id}"`);
      const book = workbook();
      const ws = sheet(book, `Đôn đốc ${req.params.date}`, [
        ['Thôn, đơn vị', 'name', 40],
        ['Tình trạng', 'status', 16],
        ['Gửi lần đầu lúc', 'at', 20, DATE_TIME],
      ]);
      for (const r of commune.reportingStatus.reporters)
        ws.addRow({ name: r.name, status: wordsFor(REPORTING_STATE_VI, r.status), at: date(r.firstSubmittedAt) });
      await send(res, book, `don-doc-${req.params.id}-${req.params.date}.xlsx`);
    }),
  );

  router.get(
    '/commune/:id/rewards.xlsx',
    handler(async (req, res) => {
      const fields = 'name role eligible reason';
      const { commune } = await run<{
        commune: { rewards: { villages: Candidate[]; units: Candidate[]; people: Candidate[] | null } } | null;
      }>(
        graphqlUrl(),
        req,
        `query($id: ID!) { commune(id: $id) { rewards { villages { ${fields} } units { ${fields} } people { ${fields} } } } }`,
        { id: req.params.id },
      );
      if (!commune) throw new ExportError(404, `Không tìm thấy xã "${req.params.id}"`);
      const book = workbook();
      const ws = sheet(book, 'Đề xuất khen thưởng', [
        ['Tên', 'name', 40],
        ['Đối tượng', 'subject', 20],
        ['Đủ điều kiện', 'eligible', 14],
        ['Căn cứ', 'reason', 60],
      ]);
      const { villages, units, people } = commune.rewards;
      const rows = [
        ...villages.map((c) => ({ ...c, subject: ROLE_WORDS.VILLAGE })),
        ...units.map((c) => ({ ...c, subject: ROLE_WORDS.UNIT })),
        ...(people ?? []).map((c) => ({ ...c, subject: c.role ?? 'Cá nhân' })),
      ];
      for (const c of rows)
        ws.addRow({ name: c.name, subject: c.subject, eligible: c.eligible ? 'Có' : 'Không', reason: c.reason });
      await send(res, book, `khen-thuong-${req.params.id}.xlsx`);
    }),
  );

  router.get(
    '/area/:id/audit.xlsx',
    handler(async (req, res) => {
      const { auditLog } = await run<{
        auditLog: Array<{
          at: string;
          actorName: string | null;
          actorRole: string;
          operation: string;
          areaId: string;
          targetType: string;
          targetId: string;
          reason: string | null;
        }>;
      }>(
        graphqlUrl(),
        req,
        `query($id: ID!) { auditLog(areaId: $id, limit: 1000) { at actorName actorRole operation areaId targetType targetId reason } }`,
        { id: req.params.id },
      );
      const book = workbook();
      const ws = sheet(book, 'Nhật ký thay đổi', [
        ['Thời điểm', 'at', 20, DATE_TIME],
        ['Người thực hiện', 'actor', 28],
        ['Vai trò', 'role', 18],
        ['Thao tác', 'operation', 26],
        ['Khu vực', 'area', 14],
        ['Đối tượng', 'target', 30],
        ['Lý do', 'reason', 40],
      ]);
      for (const e of auditLog)
        ws.addRow({
          at: date(e.at),
          actor: e.actorName,
          role: e.actorRole,
          operation: e.operation,
          area: e.areaId,
          target: `${e.targetType} ${e.targetId}`,
          reason: e.reason,
        });
      await send(res, book, `nhat-ky-${req.params.id}.xlsx`);
    }),
  );

  router.get(
    '/province/:code/follow-up/:directiveId/:dueOn.xlsx',
    handler(async (req, res) => {
      const { province } = await run<{
        province: {
          id: string;
          reportFollowUp: Array<{
            communes: Array<{ commune: { id: string }; name: string; state: string; firstSubmittedAt: string | null }>;
          }>;
        } | null;
      }>(
        graphqlUrl(),
        req,
        `query($code: String!, $d: String!, $due: Date!) { province(code: $code) { id reportFollowUp(directiveId: $d, dueOn: $due) {
          communes { commune { id } name state firstSubmittedAt } } } }`,
        { code: req.params.code, d: req.params.directiveId, due: req.params.dueOn },
      );
      if (!province || !province.reportFollowUp[0]) throw new ExportError(404, 'Không tìm thấy yêu cầu báo cáo');
      const book = workbook();
      const ws = sheet(book, 'Theo dõi báo cáo', [
        ['Mã xã', 'id', 10],
        ['Tên xã, phường', 'name', 30],
        ['Tình trạng', 'state', 22],
        ['Gửi lần đầu lúc', 'at', 20, DATE_TIME],
      ]);
      for (const c of province.reportFollowUp[0].communes)
        ws.addRow({
          id: c.commune.id,
          name: c.name,
          state: wordsFor(FOLLOW_UP_STATE_VI, c.state),
          at: date(c.firstSubmittedAt),
        });
      await send(res, book, `theo-doi-${req.params.directiveId}-${req.params.dueOn}.xlsx`);
    }),
  );
}
