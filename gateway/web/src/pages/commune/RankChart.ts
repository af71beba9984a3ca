import { ChartCanvas, timeAxis, timePoints } from '../../chart';
import { html } from '../../ui';
import type { Commune } from './types';

/** The commune's position over time (1 at the top). */
export function RankChart(props: { history: Commune['rankHistory'] }) {
  if (props.history.length === 0) return html`<p class="muted">Chưa có thứ hạng.</p>`;
  const outOf = Math.max(...props.history.map((h) => h.outOf));
  const dated = props.history.filter((h) => h.date);
  const ranks = timePoints(
    props.history,
    (h) => h.date ?? '',
    (h) => h.position,
  );
  const config = {
    type: 'line' as const,
    data: {
      datasets: [
        {
          label: 'Thứ hạng',
          data: ranks.points,
          borderColor: '#b91c1c',
          backgroundColor: '#b91c1c',
          stepped: false,
        },
      ],
    },
    options: {
      scales: {
        x: timeAxis(dated.map((h) => h.date!)),
        y: { reverse: true, min: 1, max: outOf, title: { display: true, text: `hạng (trên ${outOf})` } },
      },
      plugins: { legend: { display: false } },
    },
  };
  return html`<${ChartCanvas} config=${config} label="Thứ hạng theo thời gian" gaps=${ranks.gaps} />`;
}
