/**
 * Excel exports under /export, built by running GraphQL operations through the gateway itself: the caller's
 * Authorization header is passed on, so the access rules are the API's (public aggregates stay public).
 * /export/province/:code/ranking.xlsx[?asOf=] — the portal's statistics table for a date (its columns, rank, change); /export/commune/:id/villages.xlsx —
 * a commune's villages and units with their former commune. Errors: 401/403/404 from the API's codes.
 */
import express from 'express';
import { reportDocx, type DocxPlans, type DocxReport } from './report-docx';

import { ExportError, handler, workbook, PERCENT, run, send, sheet } from './export-helpers';
import { addListExports } from './exports-lists';
import { isIsoDate, todayInVietnam, viDate } from '../shared/pure/dates';
import { rankChangeWords } from '../shared/pure/values';

interface RankingData {
  province: {
    fullName: string;
    progress: { figuresDate: string | null; coverage: { villages: number; villagesAtFiguresDate: number } | null };
    ranking: Array<{
      date: string | null;
      position: number;
      change: number | null;
      commune: { id: string; name: string };
      progress: {
        asOf: string;
        officialsRegistered: number;
        residentsRegistered: number;
        officialsRate: number | null;
        residentsRate: number | null;
        groups: Array<{ group: string; completed: number }> | null;
      };
    }>;
  } | null;
}

interface VillagesData {
  commune: {
    name: string;
    villages: Array<{ id: string; name: string; formerCommune: string | null; progress: Progress }>;
    units: Array<{ id: string; name: string; progress: Progress }>;
  } | null;
}
type Progress = {
  learners: number;
  adults: number | null;
  participationRate: number | null;
  figuresDate: string | null;
};

const PROGRESS = 'progress { learners adults participationRate figuresDate }';

/** The portal's statistics table: STT, commune, officials and residents joined / completed / rate, rank, change. */
const PORTAL_COLUMNS: Array<[header: string, key: string, width: number, fmt?: string]> = [
  ['STT', 'stt', 6],
  ['Xã, phường', 'name', 28],
  ['CBCCVC tham gia', 'officials', 16, '#,##0'],
  ['CBCCVC hoàn thành', 'officialsCompleted', 18, '#,##0'],
  ['Tỷ lệ CBCCVC', 'officialsRate', 14, PERCENT],
  ['Người dân tham gia', 'residents', 18, '#,##0'],
  ['Người dân hoàn thành', 'residentsCompleted', 20, '#,##0'],
  ['Tỷ lệ người dân', 'residentsRate', 16, PERCENT],
  ['Xếp hạng', 'position', 10],
  ['Tăng/giảm bậc', 'change', 16],
  ['Mã xã', 'id', 10],
];

/** The router; `graphqlUrl` is the gateway's own /graphql address (known once it listens). */
export function exportRouter(graphqlUrl: () => string): express.Router {
  const router = express.Router();
  const handle = handler;

  router.get(
    '/province/:code/ranking.xlsx',
    handle(async (req, res) => {
      const asOf = typeof req.query.asOf === 'string' && req.query.asOf !== '' ? req.query.asOf : null;
      if (asOf !== null && !isIsoDate(asOf))
        throw new ExportError(400, `Ngày "${asOf}" không hợp lệ: ghi theo dạng năm-tháng-ngày, ví dụ 2025-10-26`);
      const { province } = await run<RankingData>(
        graphqlUrl(),
        req,
        `query($code: String!, $asOf: Date) { province(code: $code) { fullName
          progress(asOf: $asOf) { figuresDate coverage { villages villagesAtFiguresDate } } ranking(asOf: $asOf) {
          date position change commune { id name }
          progress { asOf officialsRegistered residentsRegistered officialsRate residentsRate groups { group completed } } } } }`,
        { code: req.params.code, asOf },
      );
      if (!province) throw new ExportError(404, `Không tìm thấy tỉnh "${req.params.code}"`);
      // The date of the figures (not of the request) and how many villages have figures of that date.
      const date = province.ranking[0]?.date ?? province.ranking[0]?.progress.asOf ?? asOf ?? todayInVietnam();
      const c = province.progress.coverage;
      const n = (v: number) => v.toLocaleString('vi-VN');
      const covered =
        c && c.villages > 0 ? ` (${n(c.villagesAtFiguresDate)}/${n(c.villages)} thôn có số liệu ngày này)` : '';
      const book = workbook();
      // The portal's statistics table (as 004 quotes it), with the date it is as of in its title.
      const ws = sheet(book, 'Xếp hạng', PORTAL_COLUMNS);
      ws.spliceRows(1, 0, [
        `Bảng xếp hạng các xã, phường — ${province.fullName} — số liệu đến ngày ${viDate(date)}${covered}`,
      ]);
      ws.mergeCells(1, 1, 1, PORTAL_COLUMNS.length);
      ws.getRow(1).font = { bold: true, size: 13 };
      for (const [i, r] of province.ranking.entries()) {
        // Completed counts per group come with reports only (the portal publishes none): blank where unknown.
        const done = (groups: string[]) => {
          const found = (r.progress.groups ?? []).filter((g) => groups.includes(g.group));
          return found.length ? found.reduce((sum, g) => sum + g.completed, 0) : null;
        };
        ws.addRow({
          stt: i + 1,
          name: r.commune.name,
          officials: r.progress.officialsRegistered,
          officialsCompleted: done(['OFFICIALS']),
          officialsRate: r.progress.officialsRate,
          residents: r.progress.residentsRegistered,
          residentsCompleted: done(['RESIDENTS', 'STUDENTS', 'WORKERS']),
          residentsRate: r.progress.residentsRate,
          position: r.position,
          change: rankChangeWords(r.change),
          id: r.commune.id,
        });
      }
      await send(res, book, `xep-hang-${req.params.code}-${date}.xlsx`);
    }),
  );

  router.get(
    '/commune/:id/villages.xlsx',
    handle(async (req, res) => {
      const { commune } = await run<VillagesData>(
        graphqlUrl(),
        req,
        `query($id: ID!) { commune(id: $id) { name villages { id name formerCommune ${PROGRESS} } units { id name ${PROGRESS} } } }`,
        { id: req.params.id },
      );
      if (!commune) throw new ExportError(404, `Không tìm thấy xã "${req.params.id}"`);
      const book = workbook();
      const columns: Array<[string, string, number, string?]> = [
        ['Mã', 'id', 14],
        ['Tên', 'name', 30],
        ['Xã cũ', 'former', 18],
        ['Số người tham gia', 'learners', 18, '#,##0'],
        ['Số người trong độ tuổi', 'adults', 22, '#,##0'],
        ['Tỷ lệ tham gia', 'rate', 16, PERCENT],
        // Each row's own date: villages report on different days, and an old figure must not pass for today's.
        ['Số liệu đến ngày', 'date', 16],
      ];
      const row = (a: { id: string; name: string; formerCommune?: string | null; progress: Progress }) => ({
        id: a.id,
        name: a.name,
        former: a.formerCommune ?? null,
        learners: a.progress.learners,
        adults: a.progress.adults,
        rate: a.progress.participationRate,
        date: a.progress.figuresDate ? viDate(a.progress.figuresDate) : 'Chưa có số liệu',
      });
      const villages = sheet(book, 'Thôn, tổ dân phố', columns);
      for (const v of commune.villages) villages.addRow(row(v));
      const units = sheet(book, 'Cơ quan, đơn vị', columns);
      for (const u of commune.units) units.addRow(row(u));
      await send(res, book, `thon-${req.params.id}.xlsx`);
    }),
  );
  router.get(
    '/commune/:id/report/:reportId.docx',
    handle(async (req, res) => {
      const id = Number(req.params.reportId);
      if (!Number.isInteger(id) || id <= 0) throw new ExportError(404, `Không có báo cáo "${req.params.reportId}"`);
      // One operation over three subgraphs: the report (reports), the plans' tasks and sessions (plans), the targets.
      const { communeReport } = await run<{ communeReport: DocxReport }>(
        graphqlUrl(),
        req,
        `query($id: Int!) { communeReport(id: $id) { ${REPORT} } }`,
        { id },
      );
      if (communeReport.commune.id !== req.params.id)
        throw new ExportError(404, `Báo cáo ${id} không phải của xã ${req.params.id}`);
      // The targets as of the report's own figures date, as section I is: one date in one document.
      const { commune } = await run<{ commune: DocxPlans | null }>(
        graphqlUrl(),
        req,
        `query($commune: ID!, $asOf: Date!) { commune(id: $commune) { ${PLANS} } }`,
        { commune: req.params.id, asOf: communeReport.figures.asOf },
      );
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      res.setHeader('content-disposition', `attachment; filename="bao-cao-${req.params.id}-${id}.docx"`);
      // A submitted report states the targets frozen with it; a draft (or one a moment old) today's as of its date.
      if (commune && communeReport.targetStatus) commune.targetStatus = communeReport.targetStatus;
      res.send(await reportDocx(communeReport, commune));
    }),
  );
  addListExports(router, graphqlUrl);
  return router;
}

const TARGET_ROW = 'indicator group threshold strict dueOn document demo studentLevels value status anomaly';

const REPORT = `id number status directiveNumber dueOn submittedAt submittedBy difficulties proposals commune { id name kind keyPeople { line } }
  planPart { asOf plans { number tasksDone tasksTotal sessionsHeld } keyPeople { line } }
  targetStatus { ${TARGET_ROW} }
  figures { asOf figuresDate learners adults participationRate groups { group registered completed certified }
    villages { name level formerCommune learners adults figuresDate } rank { position outOf change } notReported { name } }`;

const PLANS = `plans { number tasks { status } sessions { heldOn } }
  targetStatus(asOf: $asOf) { ${TARGET_ROW} }`;
