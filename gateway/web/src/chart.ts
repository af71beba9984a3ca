import type { Chart, ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { html } from 'htm/preact';

let chartJs: Promise<typeof import('chart.js')> | null = null;

/** Chart.js, loaded the first time a chart shows (a page without charts never downloads it). */
function loadChartJs(): Promise<typeof import('chart.js')> {
  chartJs ??= import('chart.js').then((m) => {
    m.Chart.register(...m.registerables);
    m.Chart.defaults.locale = 'vi-VN';
    m.Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, sans-serif';
    return m;
  });
  return chartJs;
}

/** A Chart.js canvas that follows its configuration; animations off so screenshots and wall screens are steady. */
export function ChartCanvas(props: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    let gone = false;
    void loadChartJs().then((m) => {
      if (gone || !canvas.current) return;
      chart.current?.destroy();
      chart.current = new m.Chart(canvas.current, {
        ...props.config,
        options: { animation: false, maintainAspectRatio: false, ...props.config.options },
      });
    });
    return () => {
      gone = true;
      chart.current?.destroy();
      chart.current = null;
    };
  }, [JSON.stringify(props.config.data), JSON.stringify(props.config.options ?? {})]);
  return html`<div class="chart" style=${`height:${props.height ?? 260}px`}>
    <canvas ref=${canvas} role="img" aria-label=${props.label}></canvas>
  </div>`;
}
