import { ChartCanvas, timeAxis, timePoints } from '../../chart';
import type { DashboardQuery } from '../../generated/graphql';
import { html } from '../../ui';

type History = NonNullable<DashboardQuery['province']>['progressHistory'];

/** The province's participation rate and learners over time. */
export function ProgressChart(props: { history: History }) {
  const h = props.history;
  if (h.length === 0) return html`<p class="muted">Chưa có số liệu.</p>`;
  // Learners as bars, the rate as a line: drawn as two lines on two axes from zero they coincide (the rate is the
  // learners over nearly constant adults) and the learners' line was hidden under the rate's.
  const rate = timePoints(
    h,
    (x) => x.asOf,
    (x) => (x.participationRate ?? 0) * 100,
  );
  const learners = timePoints(
    h,
    (x) => x.asOf,
    (x) => x.learners,
  );
  const config = {
    type: 'line' as const,
    data: {
      datasets: [
        {
          type: 'line' as const,
          label: 'Tỷ lệ tham gia (%)',
          data: rate.points,
          borderColor: '#b91c1c',
          backgroundColor: '#b91c1c',
          yAxisID: 'y',
          order: 0,
        },
        {
          type: 'bar' as const,
          label: 'Người học',
          data: learners.points,
          borderColor: '#1d4ed8',
          backgroundColor: 'rgba(29, 78, 216, 0.35)',
          yAxisID: 'y1',
          order: 1,
          maxBarThickness: 28,
        },
      ],
    },
    options: {
      scales: {
        x: timeAxis(h.map((x) => x.asOf)),
        y: { position: 'left' as const, beginAtZero: true, title: { display: true, text: '%' } },
        y1: {
          position: 'right' as const,
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'người học' },
        },
      },
    },
  };
  return html`<${ChartCanvas} config=${config} label="Tiến độ của tỉnh theo thời gian" gaps=${rate.gaps} />`;
}
