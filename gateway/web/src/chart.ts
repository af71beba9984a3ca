import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { html } from 'htm/preact';

Chart.register(...registerables);
Chart.defaults.locale = 'vi-VN';
Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, sans-serif';

/** A Chart.js canvas that follows its configuration; animations off so screenshots and wall screens are steady. */
export function ChartCanvas(props: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current?.destroy();
    chart.current = new Chart(canvas.current, {
      ...props.config,
      options: { animation: false, maintainAspectRatio: false, ...props.config.options },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [JSON.stringify(props.config.data), JSON.stringify(props.config.options ?? {})]);
  return html`<div class="chart" style=${`height:${props.height ?? 260}px`}>
    <canvas ref=${canvas} role="img" aria-label=${props.label}></canvas>
  </div>`;
}
