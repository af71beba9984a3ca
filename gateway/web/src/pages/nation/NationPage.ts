import { useEffect, useMemo, useState } from 'preact/hooks';
import { gql } from '../../api';
import { COVERAGE_FIELDS, coverageLine } from '../../coverage';
import { fmtDate, fmtInt, fmtPct } from '../../format';
import type { NationQuery } from '../../generated/graphql';
import { ErrorBox, html, Layout, Loading, StaleWarning } from '../../ui';
import { foldVietnamese } from '../../../../../shared/pure/text';

const NATION_QUERY =
  /* GraphQL */ `
  query Nation {
    nation {
      asOf
      progress {
        figuresDate
        adults
        learners
        participationRate
        coverage {
          ...CoverageFields
        }
      }
      provincesWithoutFigures {
        code
        name
      }
      provinceRanking {
        position
        province {
          code
          name
        }
        progress {
          adults
          learners
          officialsRate
          residentsRate
          participationRate
        }
      }
    }
  }
` + COVERAGE_FIELDS;

type Row = NationQuery['nation']['provinceRanking'][number];
type Unranked = NationQuery['nation']['provincesWithoutFigures'][number];

const matches = (q: string, p: { name: string; code: string }) =>
  !q || foldVietnamese(p.name).includes(q) || p.code.includes(q);

/**
 * The national overview: the totals of the provinces with figures, those provinces ranked and the others listed
 * apart, each linking to its dashboard.
 */
export function NationPage() {
  const [data, setData] = useState<NationQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [search, setSearch] = useState('');
  useEffect(() => {
    gql<NationQuery>(NATION_QUERY).then(setData, setError);
  }, []);
  const [rows, unranked] = useMemo(() => {
    const q = foldVietnamese(search);
    return [
      (data?.nation.provinceRanking ?? []).filter((r: Row) => matches(q, r.province)),
      (data?.nation.provincesWithoutFigures ?? []).filter((p: Unranked) => matches(q, p)),
    ];
  }, [data, search]);
  if (error) return html`<${Layout} title="Toàn quốc"><${ErrorBox} error=${error} /></${Layout}>`;
  if (!data) return html`<${Layout} title="Toàn quốc"><${Loading} /></${Layout}>`;
  const { progress, provinceRanking, provincesWithoutFigures } = data.nation;
  const provinces = provinceRanking.length + provincesWithoutFigures.length;
  // The date and how much the totals cover: only the provinces with figures are summed and ranked.
  const subtitle = [
    progress.figuresDate ? `Số liệu đến ngày ${fmtDate(progress.figuresDate)}` : 'Chưa có số liệu',
    `${provinceRanking.length}/${provinces} tỉnh, thành phố có số liệu`,
    coverageLine(progress.coverage, progress.figuresDate),
  ]
    .filter(Boolean)
    .join(' · ');
  return html`<${Layout}
    title="Toàn quốc"
    subtitle=${subtitle}
    status=${html`<${StaleWarning} date=${progress.figuresDate} coverage=${progress.coverage} />`}
  >
    <section class="cards">
      <div class="card">
        <div class="k">Người học</div>
        <div class="v" data-testid="nation-learners">${fmtInt(progress.learners)}</div>
      </div>
      <div class="card">
        <div class="k">Người trưởng thành</div>
        <div class="v">${fmtInt(progress.adults)}</div>
      </div>
      <div class="card">
        <div class="k">Tỷ lệ tham gia</div>
        <div class="v">${fmtPct(progress.participationRate)}</div>
      </div>
    </section>
    <div class="toolbar">
      <input
        type="search"
        placeholder="Tìm tỉnh (gõ không dấu được: ha noi)"
        value=${search}
        onInput=${(e: Event) => setSearch((e.target as HTMLInputElement).value)}
        data-testid="nation-search"
        aria-label="Tìm tỉnh"
      />
      <span class="muted">${rows.length + unranked.length} / ${provinces} tỉnh, thành phố</span>
    </div>
    <div class="table-wrap">
      <table class="ranking" data-testid="nation-table">
        <thead>
          <tr>
            <th class="num">Hạng</th>
            <th>Tỉnh, thành phố</th>
            <th class="num">Người học</th>
            <th class="num">% CBCCVC</th>
            <th class="num">% người dân</th>
            <th class="num">% tham gia</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r: Row) =>
              html`<tr data-testid="nation-row">
                <td class="num">${r.position}</td>
                <td><a href=${`/province/${r.province.code}`}>${r.province.name}</a></td>
                <td class="num">${fmtInt(r.progress.learners)}</td>
                <td class="num">${fmtPct(r.progress.officialsRate)}</td>
                <td class="num">${fmtPct(r.progress.residentsRate)}</td>
                <td class="num">${fmtPct(r.progress.participationRate)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      unranked.length > 0
        ? html`<section data-testid="nation-unranked">
            <h2>${`Chưa có số liệu (${provincesWithoutFigures.length} tỉnh, thành phố, không xếp hạng)`}</h2>
            <ul class="unranked">
              ${unranked.map(
                (p: Unranked) =>
                  html`<li data-testid="nation-unranked-row">
                    <a href=${`/province/${p.code}`}>${p.name}</a>${' '}<span class="muted">chưa có số liệu</span>
                  </li>`,
              )}
            </ul>
          </section>`
        : null
    }
  </${Layout}>`;
}
