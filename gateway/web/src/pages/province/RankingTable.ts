import { useMemo, useState } from 'preact/hooks';
import { fmtInt, fmtPct } from '../../format';
import { Change, html } from '../../ui';
import type { RankingRow } from './queries';
import { foldVietnamese } from '../../../../../shared/pure/text';

type SortKey = 'position' | 'name' | 'change' | 'learners' | 'participationRate' | 'officialsRate' | 'residentsRate';

const COLUMNS: Array<{ key: SortKey; label: string; num: boolean }> = [
  { key: 'position', label: 'Hạng', num: true },
  { key: 'name', label: 'Xã, phường, đặc khu', num: false },
  { key: 'change', label: 'Thay đổi 7 ngày', num: true },
  { key: 'learners', label: 'Người học', num: true },
  { key: 'participationRate', label: 'Tỷ lệ tham gia', num: true },
  { key: 'officialsRate', label: '% CBCCVC', num: true },
  { key: 'residentsRate', label: '% người dân', num: true },
];

function sortValue(r: RankingRow, key: SortKey): number | string {
  switch (key) {
    case 'position':
      return r.position;
    case 'name':
      return foldVietnamese(r.commune.name);
    case 'change':
      return r.change ?? -Infinity;
    case 'learners':
      return r.progress.learners;
    case 'participationRate':
      return r.progress.participationRate ?? -1;
    case 'officialsRate':
      return r.progress.officialsRate ?? -1;
    case 'residentsRate':
      return r.progress.residentsRate ?? -1;
  }
}

export const NO_FIGURES = 'Chưa có số liệu';

/** The rate the ranking is by, flagged when above 100% of the adults (a doubtful figure). */
export function rateCell(r: RankingRow) {
  const rate = r.progress.participationRate;
  if (rate != null && rate > 1)
    return html`<span class="anomaly" title="Số người học vượt số người trưởng thành: cần kiểm tra số liệu"
      >⚠ ${fmtPct(rate)}</span
    >`;
  return fmtPct(rate);
}

/** The communes' ranking: searchable (without diacritics), sortable by any column. */
export function RankingTable(props: { rows: RankingRow[]; highlight: Map<string, number> }) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'position', desc: false });
  const rows = useMemo(() => {
    const q = foldVietnamese(search);
    const filtered = q
      ? props.rows.filter((r) => foldVietnamese(r.commune.name).includes(q) || r.commune.id.toLowerCase().includes(q))
      : props.rows;
    const sorted = [...filtered].sort((a, b) => {
      const x = sortValue(a, sort.key),
        y = sortValue(b, sort.key);
      const c = typeof x === 'string' ? x.localeCompare(y as string, 'vi') : x - (y as number);
      return (sort.desc ? -c : c) || a.position - b.position;
    });
    return sorted;
  }, [props.rows, search, sort]);
  const click = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'position' && key !== 'name' }));
  return html` <div class="toolbar">
      <input
        type="search"
        placeholder="Tìm xã (gõ không dấu được: ba to)"
        value=${search}
        onInput=${(e: Event) => setSearch((e.target as HTMLInputElement).value)}
        data-testid="ranking-search"
        aria-label="Tìm xã"
      />
      <span class="muted">${rows.length} / ${props.rows.length} xã</span>
      <span class="muted small" data-testid="ranking-basis"
        >Xếp hạng theo tỷ lệ tham gia: người học trên số người trưởng thành của xã.</span
      >
    </div>
    <div class="table-wrap ranking-scroll" tabindex="0" role="region" aria-label="Bảng xếp hạng các xã">
      <table class="ranking" data-testid="ranking-table">
        <thead>
          <tr>
            ${COLUMNS.map(
              (c) =>
                html`<th
                  class=${c.num ? 'num' : ''}
                  aria-sort=${sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" onClick=${() => click(c.key)}>
                    ${c.label}${sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr
                key=${r.commune.id}
                data-testid="ranking-row"
                data-commune-id=${r.commune.id}
                data-position=${r.position}
                class=${props.highlight.has(r.commune.id) ? 'moved' : ''}
              >
                <td class="num pos">
                  ${r.progress.figuresDate ? r.position : html`<span class="muted">${NO_FIGURES}</span>`}
                </td>
                <td><a href=${`/commune/${r.commune.id}`}>${r.commune.name}</a></td>
                <td class="num">
                  ${r.progress.figuresDate ? html`<${Change} change=${r.change} previous=${r.previous} />` : null}
                </td>
                <td class="num">${fmtInt(r.progress.learners)}</td>
                <td class="num" data-testid="ranking-rate">${rateCell(r)}</td>
                <td class="num">${fmtPct(r.progress.officialsRate)}</td>
                <td class="num">${fmtPct(r.progress.residentsRate)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${rows.length === 0 ? html`<p class="muted">Không có xã nào khớp “${search}”.</p>` : null}`;
}
