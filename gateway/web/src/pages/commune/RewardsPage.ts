/**
 * The rewards page (/commune/<id>/rewards): who meets the reward rules of the commune's own plan (tiêu chí khen
 * thưởng), with the figures each was measured by — units, villages, and (for officials of the area) the people named
 * in the latest reports, in the order the rules propose them. Candidates, not a decision: the proposal is the VH-XH
 * office's and the decision the UBND xã's.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { fmtDate } from '../../format';
import type { RewardsPageQuery } from '../../generated/graphql';
import { initialToken } from '../../session';
import { ErrorBox, html, Layout, Loading, NotFound } from '../../ui';
import { withoutEnglish } from '../../words';
import { COMMUNE_KIND_VI, wordsFor } from '../../../../../shared/pure/values';

const QUERY = /* GraphQL */ `
  query RewardsPage($id: ID!) {
    commune(id: $id) {
      id
      name
      kind
      rewards {
        asOf
        rulesState
        note
        document
        rules {
          subject
          description
        }
        villages {
          name
          eligible
          reason
        }
        units {
          name
          eligible
          reason
        }
        people {
          name
          role
          eligible
          reason
        }
      }
    }
  }
`;

type Rewards = NonNullable<RewardsPageQuery['commune']>['rewards'];
type Candidate = Rewards['villages'][number];

const SUBJECT_VI: Record<string, string> = {
  UNIT: 'Cơ quan, đơn vị',
  VILLAGE: 'Thôn, tổ dân phố',
  OFFICIAL: 'Cán bộ, công chức, viên chức',
  RESIDENT: 'Người dân',
};

function Candidates(props: { title: string; list: readonly Candidate[]; testid: string }) {
  const met = props.list.filter((c) => c.eligible).length;
  return html`<section class="panel" data-testid=${props.testid}>
    <h2>${`${props.title}: ${met}/${props.list.length} đạt tiêu chí`}</h2>
    ${
      props.list.length === 0
        ? html`<p class="muted">Chưa có ai trong danh sách.</p>`
        : html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Tên</th>
                  <th>Kết quả</th>
                  <th>Số liệu đối chiếu</th>
                </tr>
              </thead>
              <tbody>
                ${[...props.list]
                  .sort((a, b) => Number(b.eligible) - Number(a.eligible))
                  .map(
                    (c) =>
                      html`<tr data-eligible=${c.eligible ? 'yes' : 'no'}>
                        <td>${c.name}</td>
                        <td class=${c.eligible ? 'ok' : 'muted'}>${c.eligible ? 'Đạt' : 'Chưa đạt'}</td>
                        <td>${withoutEnglish(c.reason)}</td>
                      </tr>`,
                  )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

export function RewardsPage(props: { id: string }) {
  const [token] = useState(() => initialToken());
  const [data, setData] = useState<RewardsPageQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let stale = false;
    const t = token || null;
    const load = async () => {
      try {
        return await gql<RewardsPageQuery>(QUERY, { id: props.id }, t);
      } catch (e) {
        // A token that no longer works still leaves what anyone may read.
        if (t && e instanceof ApiError && e.code === 'UNAUTHENTICATED')
          return gql<RewardsPageQuery>(QUERY, { id: props.id });
        throw e;
      }
    };
    load().then(
      (d) => stale || setData(d),
      (e: unknown) => stale || setError(e),
    );
    return () => {
      stale = true;
    };
  }, [props.id]);
  if (error) return html`<${Layout} title="Khen thưởng"><${ErrorBox} error=${error} /><//>`;
  if (!data) return html`<${Layout} title="Khen thưởng"><${Loading} /><//>`;
  const c = data.commune;
  if (!c) return html`<${NotFound} what=${`xã có mã "${props.id}"`} />`;
  const r = c.rewards;
  const commune = `${wordsFor(COMMUNE_KIND_VI, c.kind) || 'Xã'} ${c.name}`;
  const officials = (r.people ?? []).filter((p) => p.role === 'OFFICIAL');
  const residents = (r.people ?? []).filter((p) => p.role !== 'OFFICIAL');
  return html`<${Layout}
    title=${`Khen thưởng — ${commune}`}
    subtitle=${`Đối chiếu với tiêu chí khen thưởng của ${r.document ? `văn bản ${r.document}` : 'kế hoạch của xã'}, số liệu đến ngày ${fmtDate(r.asOf)}`}
    nav=${html`<a href=${`/commune/${encodeURIComponent(c.id)}`}>← Trang ${commune}</a>`}
  >
    ${
      r.rulesState === 'NO_RULES_IN_PLAN'
        ? html`<p class="stale-warning" data-testid="no-rules">
            Kế hoạch của xã chưa nêu tiêu chí khen thưởng, nên chưa đối chiếu được.
          </p>`
        : html`<section class="panel" data-testid="reward-rules">
            <h2>Tiêu chí</h2>
            <ul>
              ${r.rules.map((rule) => html`<li><strong>${SUBJECT_VI[rule.subject] ?? ''}</strong>: ${rule.description}</li>`)}
            </ul>
            <p class="muted small">
              Danh sách đủ tiêu chí để Phòng Văn hóa - Xã hội lập đề xuất và UBND xã quyết định; chưa phải danh sách
              được khen thưởng.
            </p>
          </section>`
    }
    <${Candidates} title="Cơ quan, đơn vị" list=${r.units} testid="reward-units" />
    <${Candidates} title="Thôn, tổ dân phố" list=${r.villages} testid="reward-villages" />
    ${
      r.people
        ? html`<${Candidates} title="Cán bộ, công chức, viên chức" list=${officials} testid="reward-officials" />
            <${Candidates} title="Người dân" list=${residents} testid="reward-residents" />`
        : html`<p class="muted" data-testid="reward-people-signin">
            Danh sách cá nhân (họ tên) chỉ hiện cho cán bộ của xã và của tỉnh:${' '}
            <a href=${`/login?next=${encodeURIComponent(location.pathname)}`}>đăng nhập</a>.
          </p>`
    }
  <//>`;
}
