import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { DASH, fmtDate, fmtPct } from '../../format';
import type {
  DashboardQuery,
  ProvinceTargetStatusQuery,
  ProvinceTargetStatusQueryVariables,
  TargetStatusFieldsFragment,
} from '../../generated/graphql';
import { ErrorBox, html, Loading, Provenance } from '../../ui';
import type { Directive } from './directives';
import { TARGET_STATUS_FIELDS, TargetState } from './TargetState';
import { levelWord, meetsTarget, targetSubject } from '../../../../../shared/pure/targets';

type Progress = Pick<NonNullable<DashboardQuery['province']>['progress'], 'participationRate'>;
type Target = Directive['targets'][number];

/** The targets' part of the dashboard's query. */
export const PROVINCE_TARGETS_FIELDS = /* GraphQL */ `
  fragment ProvinceTargetsFields on Province {
    targetStatus {
      ...TargetStatusFields
    }
  }
`;

/** Asked again on its own when a live report changes the province's totals (not on every rank move). */
const TARGET_STATUS_QUERY =
  /* GraphQL */ `query ProvinceTargetStatus($code: String!) { province(code: $code) { ...ProvinceTargetsFields } }` +
  PROVINCE_TARGETS_FIELDS +
  TARGET_STATUS_FIELDS;

/** Which progress figure measures a target, where one does (JOINED × RESIDENTS: learners over adults). */
function currentValue(t: Target, progress: Progress | undefined): number | null {
  if (!progress) return null;
  if (t.indicator === 'JOINED' && t.group === 'RESIDENTS') return progress.participationRate;
  return null;
}

/** How long the totals must stay unchanged before the targets are asked again. */
export const TARGETS_SETTLE_MS = 1000;

/**
 * The province's targets: Province.targetStatus (value, projection and state per target) where the API has it;
 * else the directives' targets with the current value computed from progress where the indicator maps. Both come
 * with the page's query; `totalsVersion` counts the live changes of the totals since (targetStatus is asked again
 * when they settle).
 */
export function Targets(props: {
  code: string;
  progress: Progress;
  /** From the page's query: null when that part failed. */
  status: TargetStatusFieldsFragment[] | null;
  directives: Directive[] | null;
  directivesError: unknown;
  totalsVersion: number;
}) {
  const [fresh, setFresh] = useState<TargetStatusFieldsFragment[] | null>(null);
  // A new page answer replaces what was asked since.
  useEffect(() => setFresh(null), [props.status]);
  // Asked once the totals have been still for a moment: a Friday's stream of reports asks once, not once per report.
  useEffect(() => {
    if (props.totalsVersion === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      const variables: ProvinceTargetStatusQueryVariables = { code: props.code };
      gql<ProvinceTargetStatusQuery>(TARGET_STATUS_QUERY, variables).then(
        (d) => current && d.province && setFresh(d.province.targetStatus),
        () => undefined,
      );
    }, TARGETS_SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [props.code, props.totalsVersion]);
  const status = fresh ?? props.status;
  const directives = props.directives;
  const error = status ? null : props.directivesError;
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (status) {
    if (status.length === 0) return html`<p class="muted">Chưa có chỉ tiêu trong các văn bản đang có hiệu lực.</p>`;
    return html`<table class="targets" data-testid="targets">
        <thead>
          <tr>
            <th>Chỉ tiêu</th>
            <th class="num">Mức</th>
            <th>Hạn</th>
            <th class="num">Hiện tại</th>
            <th class="num">Dự báo đến hạn</th>
            <th>Đánh giá</th>
            <th>Văn bản</th>
          </tr>
        </thead>
        <tbody>
          ${status.map(
            (t) =>
              html`<tr
                data-testid="target-row"
                data-target=${`${t.group} ${t.indicator} ${t.dueOn}`}
                data-state=${t.status}
                data-document=${t.document ?? ''}
              >
                <td>${targetSubject(t)}</td>
                <td class="num">≥ ${fmtPct(t.threshold, 0)}</td>
                <td>${fmtDate(t.dueOn)}</td>
                <td class="num">
                  ${t.value == null ? html`<span class="muted">chưa có số liệu</span>` : fmtPct(t.value)}
                </td>
                <td class="num">${t.projected == null ? DASH : fmtPct(t.projected)}</td>
                <td><${TargetState} status=${t.status} anomaly=${t.anomaly} /></td>
                <td class="small">
                  <span data-testid="target-document">${t.document ?? 'chưa rõ số văn bản'}</span>
                  <${Provenance} citation=${t.citation} demo=${t.demo} />
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="muted small">Dự báo theo tốc độ 28 ngày gần nhất; số liệu đến ngày ${fmtDate(status[0].asOf)}.</p>`;
  }
  if (!directives) return html`<${Loading} />`;
  const targets = directives.flatMap((d) => d.targets.map((t) => ({ ...t, directive: d })));
  if (targets.length === 0) return html`<p class="muted">Chưa có chỉ tiêu trong các văn bản đang có hiệu lực.</p>`;
  return html`<table class="targets" data-testid="targets">
      <thead>
        <tr>
          <th>Chỉ tiêu</th>
          <th class="num">Mức</th>
          <th>Hạn</th>
          <th class="num">Hiện tại</th>
          <th>Văn bản</th>
        </tr>
      </thead>
      <tbody>
        ${targets.map((t) => {
          const now = currentValue(t, props.progress);
          const met = now == null ? null : meetsTarget(now, t);
          const note = t.note ? html`<div class="muted small">${t.note}</div>` : null;
          return html`<tr>
            <td>${targetSubject(t)}${note}</td>
            <td class="num">${levelWord(t)} ${fmtPct(t.threshold, 0)}</td>
            <td>${fmtDate(t.dueOn)}</td>
            <td class="num">
              ${
                now == null
                  ? html`<span class="muted" title="Chưa có số liệu cho chỉ số này">chưa có số liệu</span>`
                  : html`<span class=${met ? 'ok' : 'behind'}>${fmtPct(now)}</span>`
              }
            </td>
            <td class="small">
              ${t.directive.number}
              <${Provenance} citation=${t.citation} demo=${t.demo} />
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    <p class="muted small">
      “Hiện tại” tính từ tiến độ của tỉnh: tham gia × người dân = người học / người trưởng thành.
    </p>`;
}
