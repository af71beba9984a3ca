import { ChartCanvas } from '../../chart';
import { fmtDate } from '../../format';
import type { DashboardQuery } from '../../generated/graphql';
import { html } from '../../ui';

type History = NonNullable<DashboardQuery['province']>['progressHistory'];

/** The province's participation rate and learners over time. */
export function ProgressChart(props: { history: History }) {
  const h = props.history;
  if (h.length === 0) return html`<p class="muted">Chưa có số liệu.</p>`;
  const config = {
    type: 'line' as const,
    data: {
      labels: h.map((x) => fmtDate(x.asOf)),
      datasets: [
        {
          label: 'Tỷ lệ tham gia (%)',
          data: h.map((x) => (x.participationRate ?? 0) * 100),
          borderColor: '#b91c1c',
          backgroundColor: '#b91c1c',
          yAxisID: 'y',
        },
        {
          label: 'Người học',
          data: h.map((x) => x.learners),
          borderColor: '#1d4ed8',
          backgroundColor: '#1d4ed8',
          yAxisID: 'y1',
        },
      ],
    },
    options: {
      scales: {
        y: { position: 'left' as const, beginAtZero: true, title: { display: true, text: '%' } },
        y1: {
          position: 'right' as const,
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'người' },
        },
      },
    },
  };
  return html`<${ChartCanvas} config=${config} label="Tiến độ của tỉnh theo thời gian" />`;
}
