import { fmtDate, fmtDateTime } from '../../format';
import type { CommuneQuery } from '../../generated/graphql';
import { html, Provenance } from '../../ui';
import { REPORTING_STATE_VI, wordsFor } from '../../../../../shared/pure/values';

type Status = NonNullable<CommuneQuery['commune']>['unitDeadlineStatus'][number];

/**
 * The deadlines of the commune's plans that name kinds of unit (Ba Tô: schools before 05/11, digital teams by 07/11),
 * under the Friday chase list: for each, the units that have not reported first, then the late, then the on time.
 */
export function UnitDeadlines(props: { list: readonly Status[] }) {
  if (props.list.length === 0) return null;
  return html`<div data-testid="unit-deadlines">
    <h3>Hạn báo cáo của cơ quan, đơn vị theo kế hoạch của xã</h3>
    ${props.list.map((s) => {
      const d = s.deadline;
      // One string: a line break in the template would swallow a space.
      const head = `${d.reporter}: ${d.subject.charAt(0).toLowerCase()}${d.subject.slice(1)} — hạn ${d.before ? 'trước ngày' : 'đến hết ngày'} ${fmtDate(d.dueOn)} (${d.document}).`;
      const tally = `${s.onTime} đúng hạn · ${s.late} trễ hạn · ${s.missing} chưa báo cáo (tính báo cáo từ ngày ${fmtDate(s.since)}).`;
      return html`<div class="unit-deadline" data-testid="unit-deadline" data-due=${d.dueOn}>
        <p><strong>${head}</strong></p>
        <${Provenance} citation=${d.citation} demo=${d.demo} />
        <p class="muted">${tally}</p>
        ${
          s.reporters.length === 0
            ? html`<p class="muted">Xã chưa có đơn vị nào thuộc loại này trong danh sách.</p>`
            : html`<ul>
                ${s.reporters.map(
                  (r) =>
                    html`<li data-state=${r.status}>
                      <span class=${r.status === 'ON_TIME' ? 'ok' : r.status === 'LATE' ? 'late' : 'behind'}
                        >${`${r.name}: ${wordsFor(REPORTING_STATE_VI, r.status).toLowerCase()}`}</span
                      >${r.firstSubmittedAt ? ` (${fmtDateTime(r.firstSubmittedAt)})` : ''}
                    </li>`,
                )}
              </ul>`
        }
      </div>`;
    })}
  </div>`;
}
