import { DASH, fmtDate, fmtInt, fmtPct } from '../../format';
import type { CommuneReportFieldsFragment } from '../../generated/graphql';
import { html } from '../../ui';
import { KeyPeopleLine } from './KeyPeopleLine';
import { areasCoverageLine } from '../../coverage';
import { GROUP_VI, rankChangeWords, wordsFor } from '../../../../../shared/pure/values';

type Figures = CommuneReportFieldsFragment['figures'];
type PlanPart = CommuneReportFieldsFragment['planPart'];

/** The figures a commune report states: totals, groups, rank, villages and units, who has not reported. */
export function ReportFigures(props: {
  figures: Figures;
  differences?: readonly string[];
  planPart?: PlanPart;
  /** The key people's certification as the plans stand today: shown until a submission freezes it. */
  keyPeopleNow?: string | null;
  /** Where the key people are kept (the editor links there from the draft's line). */
  keyPeopleHref?: string;
}) {
  const f = props.figures;
  // How many villages have figures of the newest date: a report's date alone can hide that most are older.
  const covered = areasCoverageLine(f.villages, f.figuresDate);
  return html`<div class="report-figures" data-testid="report-figures">
    <p>
      Số liệu đến ngày <strong>${fmtDate(f.asOf)}</strong>:${' '}
      <strong data-testid="report-learners">${fmtInt(f.learners)}</strong>${
        // One string: a line break inside the template would swallow a space (htm trims text at line breaks).
        ` người tham gia trên ${fmtInt(f.adults)} người trong độ tuổi (${fmtPct(f.participationRate)}).` +
        (covered ? ` ${covered}.` : '')
      }
      ${
        f.rank
          ? html` Xếp hạng <strong>${f.rank.position}/${f.rank.outOf}</strong>${
                // In words, as the .docx and the letters say it ("giảm 04 bậc"), not an arrow glued to a full stop.
                ` của tỉnh${f.rank.change ? ` (${rankChangeWords(f.rank.change).toLowerCase()})` : f.rank.change === 0 ? ' (giữ nguyên)' : ''}.`
              }`
          : null
      }
    </p>
    ${
      props.differences?.length
        ? html`<div class="stale-warning" role="note" data-testid="report-differences">
            Số liệu hôm nay khác số liệu đã gửi:
            <ul>
              ${props.differences.map((d) => html`<li>${d}</li>`)}
            </ul>
          </div>`
        : null
    }
    <table>
      <caption>
        Theo nhóm đối tượng
      </caption>
      <thead>
        <tr>
          <th>Nhóm</th>
          <th class="num">Đăng ký</th>
          <th class="num">Hoàn thành</th>
          <th class="num">Được cấp chứng nhận</th>
        </tr>
      </thead>
      <tbody>
        ${f.groups.map(
          (g) =>
            html`<tr>
              <td>${wordsFor(GROUP_VI, g.group)}</td>
              <td class="num">${fmtInt(g.registered)}</td>
              <td class="num">${fmtInt(g.completed)}</td>
              <td class="num">${fmtInt(g.certified)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <table data-testid="report-villages">
      <caption>
        Theo thôn, tổ dân phố và cơ quan, đơn vị
      </caption>
      <thead>
        <tr>
          <th>Tên</th>
          <th>Xã cũ</th>
          <th class="num">Người tham gia</th>
          <th class="num">Trong độ tuổi</th>
          <th class="num">Tỷ lệ</th>
        </tr>
      </thead>
      <tbody>
        ${f.villages.map(
          (v) =>
            html`<tr>
              <td>${v.name}</td>
              <td>${v.formerCommune ?? DASH}</td>
              <td class="num">${fmtInt(v.learners)}</td>
              <td class="num">${fmtInt(v.adults)}</td>
              <td class="num">${fmtPct(v.participationRate)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      props.planPart
        ? html`<p data-testid="report-plan-part">
            Thực hiện kế hoạch (khi gửi báo cáo):
            ${
              props.planPart.plans
                .map(
                  (p) =>
                    `${p.number}: hoàn thành ${p.tasksDone}/${p.tasksTotal} nhiệm vụ, ${p.sessionsHeld} buổi hướng dẫn`,
                )
                .join('; ') || 'chưa có kế hoạch'
            }.
          </p>`
        : null
    }
    <${KeyPeopleLine}
      frozen=${props.planPart ? (props.planPart.keyPeople?.line ?? null) : undefined}
      now=${props.keyPeopleNow}
      href=${props.keyPeopleHref}
    />
    <p>
      ${`Chưa gửi số liệu đến ngày ${fmtDate(f.asOf)}: ${f.notReported.length ? f.notReported.map((n) => n.name).join(', ') : 'không có'}.`}
    </p>
  </div>`;
}
