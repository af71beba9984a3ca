import { useEffect, useMemo, useState } from 'preact/hooks';
import { gql } from '../../api';
import { fmtInt, fmtPct } from '../../format';
import type { NationQuery } from '../../generated/graphql';
import { ErrorBox, html, Layout, Loading } from '../../ui';
import { foldVietnamese } from '../../../../../shared/pure/text';

const NATION_QUERY = /* GraphQL */ `
  query Nation {
    nation {
      asOf
      progress {
        adults
        learners
        participationRate
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
`;

type Row = NationQuery['nation']['provinceRanking'][number];

/** The national overview: the country's totals and the 34 provinces ranked, each linking to its dashboard. */
export function NationPage() {
  const [data, setData] = useState<NationQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [search, setSearch] = useState('');
  useEffect(() => {
    gql<NationQuery>(NATION_QUERY).then(setData, setError);
  }, []);
  const rows = useMemo(() => {
    const all = data?.nation.provinceRanking ?? [];
    const q = foldVietnamese(search);
    return q ? all.filter((r: Row) => foldVietnamese(r.province.name).includes(q) || r.province.code.includes(q)) : all;
  }, [data, search]);
  if (error) return html`<${Layout} title="Toàn quốc"><${ErrorBox} error=${error} /></${Layout}>`;
  if (!data) return html`<${Layout} title="Toàn quốc"><${Loading} /></${Layout}>`;
  const { progress, provinceRanking } = data.nation;
  return html`<${Layout} title="Toàn quốc" subtitle="34 tỉnh, thành phố xếp hạng theo tỷ lệ tham gia">
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
      <span class="muted">${rows.length} / ${provinceRanking.length} tỉnh, thành phố</span>
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
  </${Layout}>`;
}
