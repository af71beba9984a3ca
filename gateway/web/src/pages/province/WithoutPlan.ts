import { ErrorBox, html, Provenance } from '../../ui';
import type { Directive } from './directives';

/** Per directive that sets targets: the communes that have no plan for it yet (from the dashboard's query). */
export function WithoutPlan(props: {
  directives: Directive[] | null;
  error: unknown;
  /** The communes' names by id (from the ranking). */
  names: ReadonlyMap<string, string>;
}) {
  if (props.error) return html`<${ErrorBox} error=${props.error} />`;
  const relevant = (props.directives ?? []).filter((d) => d.targets.length > 0);
  if (relevant.length === 0) return html`<p class="muted">Không có văn bản nào đặt chỉ tiêu.</p>`;
  return html`${relevant.map(
    (d, i) =>
      html`<details open=${i === 0} data-testid="without-plan">
        <summary><strong>${d.number}</strong> — ${d.communesWithoutPlan.length} xã chưa có kế hoạch thực hiện</summary>
        <p class="muted small">${d.title}</p>
        <${Provenance} citation=${d.citation} demo=${d.demo} />
        <ul class="chips">
          ${d.communesWithoutPlan.map(
            (c) => html`<li><a href=${`/commune/${c.id}`}>${props.names.get(c.id) ?? c.id}</a></li>`,
          )}
        </ul>
      </details>`,
  )}`;
}
