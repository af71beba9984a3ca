/**
 * Excel exports under /export, built by running GraphQL operations through the gateway itself: the caller's
 * Authorization header is passed on, so the access rules are the API's (public aggregates stay public).
 * /export/province/:code/ranking.xlsx — every commune with its rank and change; /export/commune/:id/villages.xlsx —
 * a commune's villages and units with their former commune. Errors: 401/403/404 from the API's codes.
 */
import express from 'express';
import { reportDocx, type DocxPlans, type DocxReport } from './report-docx';

import { ExportError, handler, workbook, PERCENT, run, send, sheet } from './export-helpers';
import { addListExports } from './exports-lists';

interface RankingData {
  province: {
    name: string;
    ranking: Array<{
      position: number;
      previous: number | null;
      change: number | null;
      commune: { id: string; name: string };
      progress: { learners: number; adults: number | null; participationRate: number | null };
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
type Progress = { learners: number; adults: number | null; participationRate: number | null };

const PROGRESS = 'progress { learners adults participationRate }';

/** The router; `graphqlUrl` is the gateway's own /graphql address (known once it listens). */
export function exportRouter(graphqlUrl: () => string): express.Router {
  const router = express.Router();
  const handle = handler;

  router.get(
    '/province/:code/ranking.xlsx',
    handle(async (req, res) => {
      const { province } = await run<RankingData>(
        graphqlUrl(),
        req,
        `query($code: String!) { province(code: $code) { name ranking { position previous change commune { id name } ${PROGRESS} } } }`,
        { code: req.params.code },
      );
      if (!province) throw new ExportError(404, `Không tìm thấy tỉnh "${req.params.code}"`);
      const book = workbook();
      const ws = sheet(book, 'Xếp hạng', [
        ['Hạng', 'position', 8],
        ['Mã xã', 'id', 10],
        ['Tên xã, phường', 'name', 30],
        ['Hạng kỳ trước', 'previous', 14],
        ['Thay đổi', 'change', 10, '+0;-0;0'],
        ['Số người tham gia', 'learners', 18, '#,##0'],
        ['Số người trong độ tuổi', 'adults', 22, '#,##0'],
        ['Tỷ lệ tham gia', 'rate', 16, PERCENT],
      ]);
      for (const r of province.ranking)
        ws.addRow({
          position: r.position,
          id: r.commune.id,
          name: r.commune.name,
          previous: r.previous,
          change: r.change,
          learners: r.progress.learners,
          adults: r.progress.adults,
          rate: r.progress.participationRate,
        });
      await send(res, book, `xep-hang-${req.params.code}.xlsx`);
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
      ];
      const row = (a: { id: string; name: string; formerCommune?: string | null; progress: Progress }) => ({
        id: a.id,
        name: a.name,
        former: a.formerCommune ?? null,
        learners: a.progress.learners,
        adults: a.progress.adults,
        rate: a.progress.participationRate,
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
      res.send(await reportDocx(communeReport, commune));
    }),
  );
  addListExports(router, graphqlUrl);
  return router;
}

const REPORT = `id number status directiveNumber dueOn submittedAt submittedBy difficulties proposals commune { id name kind keyPeople { line } }
  planPart { asOf plans { number tasksDone tasksTotal sessionsHeld } keyPeople { line } }
  figures { asOf learners adults participationRate groups { group registered completed certified }
    villages { name level formerCommune learners adults } rank { position outOf change } notReported { name } }`;

const PLANS = `plans { number tasks { status } sessions { heldOn } }
  targetStatus(asOf: $asOf) { indicator group threshold strict dueOn document value status anomaly }`;
