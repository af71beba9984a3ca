import { fmtDate, fmtPct } from '../../format';
import type { TargetStatusFieldsFragment } from '../../generated/graphql';
import { html, Provenance } from '../../ui';
import { TargetState } from '../province/TargetState';
import type { Commune, Target } from './types';
import { levelWord, meetsTarget, targetSubject } from '../../../../../shared/pure/targets';

/**
 * Commune.targetStatus (the reports subgraph's evaluation of the effective targets): its own part of the commune
 * page's query, optional (without it the page computes what it can).
 */
export const COMMUNE_TARGET_STATUS_FIELDS = /* GraphQL */ `
  fragment CommuneTargetStatusFields on Commune {
    targetStatus {
      ...TargetStatusFields
    }
  }
`;

/**
 * The commune's figure for a target where one maps: residents joined = learners / adults; officials from the units'
 * reports over their staff.
 */
function currentValue(t: Target, c: Commune): number | null {
  if (t.indicator === 'JOINED' && t.group === 'RESIDENTS') return c.progress.participationRate;
  if (t.group === 'OFFICIALS' && (t.indicator === 'JOINED' || t.indicator === 'CERTIFIED')) {
    const staff = c.units.reduce((s, u) => s + u.staff, 0);
    if (!staff) return null;
    const key = t.indicator === 'JOINED' ? 'registered' : 'certified';
    const officials = (u: Commune['units'][number]) => u.progress.groups?.find((g) => g.group === 'OFFICIALS');
    const done = c.units.reduce((s, u) => s + (officials(u)?.[key] ?? 0), 0);
    return done / staff;
  }
  return null;
}

/** Targets of the same group and indicator next to each other, earliest due date first. */
function sideBySide(targets: readonly Target[]): Target[] {
  const key = (t: Target) => `${t.group}|${t.indicator}|${t.dueOn}`;
  return [...targets].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Every target in force for the commune, side by side (Commune.effectiveTargets): the province's and the commune's
 * own; a commune target replaces the province's only on the same indicator, group and due date, so a province target
 * with another due date is listed beside it. Each names its letter by number (`document`).
 */
export function Targets(props: { commune: Commune; status: TargetStatusFieldsFragment[] | null }) {
  const c = props.commune;
  const status = props.status;
  // A commune target and a province target with another due date are both listed: match on all four.
  const statusOf = (t: Target) =>
    status?.find(
      (s) => s.indicator === t.indicator && s.group === t.group && s.dueOn === t.dueOn && s.source === t.source,
    );
  if (c.effectiveTargets.length === 0) return html`<p class="muted">Chưa có chỉ tiêu.</p>`;
  // The letter's number (số hiệu văn bản) is what officials know a target by; internal ids are never shown.
  const letterOf = (t: Pick<Target, 'document' | 'source'> & { planId?: string | null }) =>
    t.document ?? (t.planId ? c.plans.find((p) => p.id === t.planId)?.number : null) ?? 'chưa rõ số văn bản';
  return html`<table class="targets" data-testid="effective-targets">
    <thead>
      <tr>
        <th>Chỉ tiêu</th>
        <th class="num">Mức</th>
        <th>Hạn</th>
        <th class="num">Hiện tại</th>
        <th>Nguồn (số văn bản)</th>
      </tr>
    </thead>
    <tbody>
      ${sideBySide(c.effectiveTargets).map((t) => {
        const evaluated = statusOf(t);
        const now = evaluated ? evaluated.value : currentValue(t, c);
        const met = now == null ? null : meetsTarget(now, t);
        const projected = evaluated?.projected != null ? html` · dự báo ${fmtPct(evaluated.projected)}` : null;
        const overrides = t.overrides
          ? `thay chỉ tiêu tỉnh ${levelWord(t.overrides)} ${fmtPct(t.overrides.threshold, 0)} ` +
            `hạn ${fmtDate(t.overrides.dueOn)} (${letterOf(t.overrides)})`
          : null;
        const shown =
          now == null
            ? html`<span class="muted">chưa có số liệu</span>`
            : html`<span class=${met ? 'ok' : 'behind'}>${fmtPct(now)}</span>`;
        const state = evaluated
          ? html`<div class="small">
              <${TargetState} status=${evaluated.status} anomaly=${evaluated.anomaly} />${projected}
            </div>`
          : null;
        return html`<tr
          data-testid="target-row"
          data-target=${`${t.group} ${t.indicator} ${t.dueOn}`}
          data-source=${t.source}
          data-document=${t.document ?? ''}
        >
          <td>${targetSubject(t)} ${t.note ? html`<div class="muted small">${t.note}</div>` : null}</td>
          <td class="num">${levelWord(t)} ${fmtPct(t.threshold, 0)}</td>
          <td>${fmtDate(t.dueOn)}</td>
          <td class="num">${shown}${state}</td>
          <td class="small">
            ${
              t.source === 'COMMUNE'
                ? html`<span class="tag own">Của xã</span>${' '}<span data-testid="target-document"
                      >${letterOf(t)}</span
                    >
                    ${overrides ? html`<div class="muted">${overrides}</div>` : null}`
                : html`<span class="tag province">Của tỉnh</span>${' '}<span data-testid="target-document"
                      >${letterOf(t)}</span
                    >`
            }
            <${Provenance} citation=${t.citation} demo=${t.demo} />
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
