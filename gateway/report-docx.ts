/**
 * A commune report as a Word document in the layout of an administrative report (Nghị định 30/2020/NĐ-CP): the
 * issuing body and the national motto side by side, number and date, title, "Kính gửi", sections, signature block.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { COMMUNE_KIND_VI, GROUP_VI, rankChangeWords, wordsFor } from '../shared/pure/values';
import { reportPercent, TARGET_TABLE_HEADINGS, targetTableRow, type TargetStatusRow } from '../shared/pure/targets';

export interface DocxReport {
  id: number;
  number: string | null;
  status: string;
  directiveNumber: string;
  dueOn: string;
  submittedAt: string | null;
  submittedBy: string | null;
  difficulties: string | null;
  proposals: string | null;
  /** `keyPeople`: the key people's certification as the plans stand today (for a draft). */
  commune: { id: string; name: string; kind: string; keyPeople?: { line: string } | null };
  /** Judged from what was frozen at its submission; null for a draft (then the commune's as of the figures' date). */
  targetStatus?: DocxPlans['targetStatus'] | null;
  /** Frozen by plans when the report was submitted; null for a draft (then today's plans are used). */
  planPart: {
    asOf: string;
    plans: Array<{ number: string; tasksDone: number; tasksTotal: number; sessionsHeld: number }>;
    /** Certification of the key people of villages (plans' sentence); null when frozen before they were kept. */
    keyPeople?: { line: string } | null;
  } | null;
  figures: {
    asOf: string;
    /** The newest date of its villages' and units' figures (absent in reports frozen before it was kept). */
    figuresDate?: string | null;
    learners: number;
    adults: number | null;
    participationRate: number | null;
    groups: Array<{ group: string; registered: number; completed: number; certified: number }>;
    villages: Array<{
      name: string;
      level: string;
      formerCommune: string | null;
      learners: number;
      adults: number | null;
      figuresDate?: string | null;
    }>;
    rank: { position: number; outOf: number; change: number | null } | null;
    notReported: Array<{ name: string }>;
  };
}

/** The commune's plans and targets, read through the gateway from the plans and reports subgraphs. */
export interface DocxPlans {
  plans: Array<{ number: string; tasks: Array<{ status: string }>; sessions: Array<{ heldOn: string }> }>;
  targetStatus: Array<TargetStatusRow & { anomaly: string | null }>;
}

/** Tasks done and sessions held up to the figures' date, and the targets against the value, as paragraphs. */
function planParagraphs(
  p: DocxPlans | null,
  asOf: string,
  frozen: DocxReport['planPart'] = null,
  keyPeopleNow: string | null = null,
): Array<Paragraph | Table> {
  if (!p && !frozen) return [];
  // Frozen at submission; a draft says today's (a report submitted before key people were kept says nothing).
  const keyPeople = frozen ? (frozen.keyPeople?.line ?? null) : keyPeopleNow;
  const live = (p?.plans ?? []).map((x) => {
    const tasks = x.tasks.filter((t) => t.status !== 'CANCELLED');
    return {
      number: x.number,
      tasksDone: tasks.filter((t) => t.status === 'DONE').length,
      tasksTotal: tasks.length,
      sessionsHeld: x.sessions.filter((s) => s.heldOn <= asOf).length,
    };
  });
  const lines = frozen?.plans ?? live;
  const sum = (k: 'tasksDone' | 'tasksTotal' | 'sessionsHeld') => lines.reduce((n, x) => n + x[k], 0);
  return [
    line('4. Thực hiện kế hoạch và chỉ tiêu', { bold: true }),
    line(
      `Kế hoạch: ${lines.map((x) => x.number).join(', ') || 'chưa có'}; đã hoàn thành ${sum('tasksDone')}/${sum('tasksTotal')} nhiệm vụ; ` +
        `đã tổ chức ${sum('sessionsHeld')} buổi học tập, hướng dẫn` +
        (frozen ? ` (số liệu kế hoạch khi gửi báo cáo, đến ngày ${frozen.asOf.split('-').reverse().join('/')}).` : '.'),
    ),
    ...(keyPeople ? [line(keyPeople)] : []),
    ...(p?.targetStatus.length
      ? [
          table([...TARGET_TABLE_HEADINGS], p.targetStatus.map(targetTableRow)),
          // Where a rate cannot be trusted, the sentence that says why, under the table it concerns.
          ...p.targetStatus.flatMap((t) => (t.anomaly ? [line(t.anomaly, { italics: true })] : [])),
        ]
      : []),
  ];
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const line = (text: string, opts: { bold?: boolean; italics?: boolean; center?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    children: [
      new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size ?? 26, font: 'Times New Roman' }),
    ],
  });

const cell = (children: Paragraph[], width?: number) =>
  new TableCell({ children, width: width ? { size: width, type: WidthType.PERCENTAGE } : undefined });

function table(header: string[], rows: Array<Array<string | number>>): Table {
  const row = (values: Array<string | number>, bold = false) =>
    new TableRow({ children: values.map((v) => cell([line(String(v), { bold, center: true, size: 22 })])) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(header, true), ...rows.map((r) => row(r))],
  });
}

/** "; 1/14 thôn có số liệu ngày 04/12/2026": a report's date alone can hide that most villages' figures are older. */
function coverageOf(f: DocxReport['figures']): string {
  const villages = f.villages.filter((v) => v.level === 'VILLAGE');
  if (!f.figuresDate || villages.length === 0) return '';
  const at = villages.filter((v) => v.figuresDate === f.figuresDate).length;
  return `; ${at}/${villages.length} thôn có số liệu ngày ${viDate(f.figuresDate).short}`;
}

const viDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return { d, m, y, short: `${d}/${m}/${y}` };
};
const paragraphs = (text: string | null) => (text ?? '(Không có)').split(/\n+/).map((t) => line(t));

export async function reportDocx(r: DocxReport, plans: DocxPlans | null = null): Promise<Buffer> {
  const place = r.commune.name;
  const kind = (wordsFor(COMMUNE_KIND_VI, r.commune.kind) || 'Xã').toLocaleUpperCase('vi');
  const date = viDate(r.submittedAt ?? new Date().toISOString());
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              line(`UBND ${kind} ${place.toUpperCase()}`, { bold: true, center: true }),
              line(`Số: ${r.number ?? '     /BC-UBND'}`, { center: true }),
            ],
            40,
          ),
          cell(
            [
              line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true }),
              line('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }),
              line(`${place}, ngày ${date.d} tháng ${date.m} năm ${date.y}`, { italics: true, center: true }),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const f = r.figures;
  const villages = f.villages.filter((v) => v.level === 'VILLAGE');
  const units = f.villages.filter((v) => v.level !== 'VILLAGE');
  const doc = new Document({
    sections: [
      {
        children: [
          header,
          line(''),
          line('BÁO CÁO', { bold: true, center: true, size: 28 }),
          line(
            `Kết quả thực hiện Phong trào “Bình dân học vụ số” (theo Văn bản số ${r.directiveNumber}, hạn báo cáo ${viDate(r.dueOn).short})`,
            { bold: true, center: true },
          ),
          line('Kính gửi: Sở Khoa học và Công nghệ tỉnh.', { center: true }),
          line(`I. KẾT QUẢ THỰC HIỆN (số liệu đến ngày ${viDate(f.asOf).short}${coverageOf(f)})`, { bold: true }),
          line(
            `Tổng số người tham gia: ${f.learners.toLocaleString('vi-VN')}/${f.adults?.toLocaleString('vi-VN') ?? '—'} người trong độ tuổi, đạt ${reportPercent(f.participationRate)}.` +
              (f.rank
                ? ` Xếp hạng ${f.rank.position}/${f.rank.outOf} của tỉnh` +
                  (f.rank.change ? ` (${rankChangeWords(f.rank.change).toLowerCase()}).` : '.')
                : ''),
          ),
          line('1. Theo nhóm đối tượng', { bold: true }),
          table(
            ['Nhóm', 'Đăng ký', 'Hoàn thành', 'Được chứng nhận'],
            f.groups.map((g) => [wordsFor(GROUP_VI, g.group), g.registered, g.completed, g.certified]),
          ),
          line('2. Theo thôn, tổ dân phố', { bold: true }),
          table(
            ['Thôn', 'Xã cũ', 'Tham gia', 'Trong độ tuổi'],
            villages.map((v) => [v.name, v.formerCommune ?? '', v.learners, v.adults ?? '—']),
          ),
          ...(units.length
            ? [
                line('3. Theo cơ quan, đơn vị', { bold: true }),
                table(
                  ['Đơn vị', 'Tham gia', 'Số cán bộ'],
                  units.map((u) => [u.name, u.learners, u.adults ?? '—']),
                ),
              ]
            : []),
          ...planParagraphs(plans, f.asOf, r.planPart, r.commune.keyPeople?.line ?? null),
          line(
            f.notReported.length
              ? `Chưa gửi số liệu: ${f.notReported.map((a) => a.name).join(', ')}.`
              : 'Tất cả thôn, đơn vị đã báo cáo.',
          ),
          line('II. KHÓ KHĂN, VƯỚNG MẮC', { bold: true }),
          ...paragraphs(r.difficulties),
          line('III. ĐỀ XUẤT, KIẾN NGHỊ', { bold: true }),
          ...paragraphs(r.proposals),
          line(''),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            rows: [
              new TableRow({
                children: [
                  cell(
                    [
                      line('Nơi nhận:', { bold: true, italics: true, size: 22 }),
                      line('- Như trên;', { size: 22 }),
                      line('- Lưu: VT.', { size: 22 }),
                    ],
                    50,
                  ),
                  cell(
                    [
                      line('TM. ỦY BAN NHÂN DÂN', { bold: true, center: true }),
                      line('CHỦ TỊCH', { bold: true, center: true }),
                      // Room for the Chairman's signature and name: the officer who sent it on the hub is not the
                      // signer, and is named as the sender, apart.
                      line(''),
                      line(''),
                      line(''),
                      ...(r.submittedBy
                        ? [
                            line(`(Người gửi trên hệ thống: ${r.submittedBy})`, {
                              italics: true,
                              center: true,
                              size: 20,
                            }),
                          ]
                        : []),
                    ],
                    50,
                  ),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
