import { fmtDate, fmtInt, fmtPct } from '../../format';
import { html } from '../../ui';
import type { Village } from './types';

/** More learners than adults: a doubtful figure (a typo, or a population not updated). */
function overAdults(v: Village): boolean {
  const adults = v.population?.adults;
  return (v.progress.participationRate ?? 0) > 1 || (adults != null && adults > 0 && v.progress.learners > adults);
}

/** The villages, grouped by the former commune they belonged to before the merger. */
export function Villages(props: { villages: Village[] }) {
  const groups = new Map<string | null, Village[]>();
  for (const v of props.villages) {
    const list = groups.get(v.formerCommune) ?? [];
    list.push(v);
    groups.set(v.formerCommune, list);
  }
  const merged = [...groups.keys()].some((k) => k !== null);
  return html`<div class="table-wrap">
    <table class="villages">
      <thead>
        <tr>
          <th>Thôn, tổ dân phố</th>
          <th class="num">Người trưởng thành</th>
          <th class="num">Người học</th>
          <th class="num">Tỷ lệ</th>
          <th class="num">Chứng nhận</th>
          <th>Số liệu đến</th>
          <th><span class="sr-only">Báo cáo</span></th>
        </tr>
      </thead>
      ${[...groups.entries()].map(
        ([former, list]) =>
          html`<tbody data-testid="former-commune-group" data-former-commune=${former ?? ''}>
            ${
              merged
                ? html`<tr class="group">
                    <th colspan="7">${former ? `Xã cũ ${former}` : 'Không thuộc xã cũ'} · ${list.length} thôn</th>
                  </tr>`
                : null
            }
            ${list.map(
              (v) =>
                html`<tr
                  data-testid="village-row"
                  data-village-id=${v.id}
                  data-anomaly=${overAdults(v) ? 'over-adults' : null}
                >
                  <td>${v.name}</td>
                  <td class="num">${fmtInt(v.population?.adults)}</td>
                  <td class="num">${fmtInt(v.progress.learners)}</td>
                  <td class="num">
                    ${
                      overAdults(v)
                        ? html`<span class="anomaly" data-testid="village-anomaly"
                            >⚠ ${fmtPct(v.progress.participationRate)}
                            <small>vượt số người trưởng thành — cần kiểm tra</small></span
                          >`
                        : fmtPct(v.progress.participationRate)
                    }
                  </td>
                  <td class="num">${fmtInt(v.progress.certified)}</td>
                  <td>${fmtDate(v.progress.figuresDate)}</td>
                  <td><a href=${`/village/${v.id}/report`}>Báo cáo</a></td>
                </tr>`,
            )}
          </tbody>`,
      )}
    </table>
  </div>`;
}
