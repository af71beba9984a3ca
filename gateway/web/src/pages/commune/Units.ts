import { fmtInt, fmtPct } from '../../format';
import { html } from '../../ui';
import type { Unit } from './types';
import { UNIT_TYPE_VI, wordsFor } from '../../../../../shared/pure/values';

/** The agencies and units with their officials' figures. */
export function Units(props: { units: Unit[] }) {
  const officials = (u: Unit) => u.progress.groups?.find((g) => g.group === 'OFFICIALS');
  return html`<div class="table-wrap scroll" tabindex="0" role="region" aria-label="Cơ quan, đơn vị">
    <table class="units">
      <thead>
        <tr>
          <th>Đơn vị</th>
          <th>Loại</th>
          <th class="num">Biên chế</th>
          <th class="num">CBCCVC đăng ký</th>
          <th class="num">CBCCVC được chứng nhận</th>
          <th class="num">Người học</th>
        </tr>
      </thead>
      <tbody>
        ${props.units.map(
          (u) =>
            html`<tr data-testid="unit-row">
              <td><a href=${`/unit/${u.id}/report`} title="Mẫu báo cáo tuần của đơn vị">${u.name}</a></td>
              <td class="small">${wordsFor(UNIT_TYPE_VI, u.type)}</td>
              <td class="num">${fmtInt(u.staff)}</td>
              <td class="num">${fmtInt(officials(u)?.registered)}</td>
              <td class="num">
                ${fmtInt(officials(u)?.certified)}
                <span class="muted small"
                  >${u.staff && officials(u) ? fmtPct(officials(u)!.certified / u.staff, 0) : ''}</span
                >
              </td>
              <td class="num">${fmtInt(u.progress.learners)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
