import { useEffect, useState } from 'preact/hooks';
import { html, Loading } from '../../ui';
import { loadDirectives, type Directive } from './directives';

/** Per directive that sets targets: the communes that have no plan for it yet. */
export function WithoutPlan(props: { code: string }) {
  const [directives, setDirectives] = useState<Directive[] | null>(null);
  useEffect(() => {
    loadDirectives(props.code).then(setDirectives, () => setDirectives([]));
  }, [props.code]);
  if (!directives) return html`<${Loading} />`;
  const relevant = directives.filter((d) => d.targets.length > 0);
  if (relevant.length === 0) return html`<p class="muted">Không có văn bản nào đặt chỉ tiêu.</p>`;
  return html`${relevant.map(
    (d, i) =>
      html`<details open=${i === 0} data-testid="without-plan">
        <summary><strong>${d.number}</strong> — ${d.communesWithoutPlan.length} xã chưa có kế hoạch thực hiện</summary>
        <p class="muted small">${d.title}</p>
        <ul class="chips">
          ${d.communesWithoutPlan.map((c) => html`<li><a href=${`/commune/${c.id}`}>${c.name}</a></li>`)}
        </ul>
      </details>`,
  )}`;
}
