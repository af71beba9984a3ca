import { ChartCanvas } from '../../chart';
import { fmtDate } from '../../format';
import { html } from '../../ui';
import type { Commune } from './types';

/** The commune's position over time (1 at the top). */
export function RankChart(props: { history: Commune['rankHistory'] }) {
  if (props.history.length === 0) return html`<p class="muted">Chưa có thứ hạng.</p>`;
  const outOf = Math.max(...props.history.map((h) => h.outOf));
  const config = {
    type: 'line' as const,
    data: {
      labels: props.history.map((h) => fmtDate(h.date)),
      datasets: [
        {
          label: 'Thứ hạng',
          data: props.history.map((h) => h.position),
          borderColor: '#b91c1c',
          backgroundColor: '#b91c1c',
          stepped: false,
        },
      ],
    },
    options: {
      scales: { y: { reverse: true, min: 1, max: outOf, title: { display: true, text: `hạng (trên ${outOf})` } } },
      plugins: { legend: { display: false } },
    },
  };
  return html`<${ChartCanvas} config=${config} label="Thứ hạng theo thời gian" />`;
}
