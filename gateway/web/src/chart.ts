import type { Chart, ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { html } from 'htm/preact';
import { fmtDate } from './format';

/** A date as a number of days, for a time axis drawn to scale (a year apart is not drawn like a week apart). */
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOfDay = (day: number) => new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);

/** Points further apart than this are not joined: the line breaks where figures are missing. */
const GAP_DAYS = 14;

export interface TimePoint {
  x: number;
  y: number | null;
}

/** Points on a time axis, with a break (a null point) between two dates more than two weeks apart. */
export function timePoints<T>(items: readonly T[], date: (t: T) => string, value: (t: T) => number | null) {
  const points: TimePoint[] = [];
  let gaps = 0;
  let previous: number | null = null;
  for (const item of items) {
    const x = dayOf(date(item));
    if (previous !== null && x - previous > GAP_DAYS) {
      points.push({ x: (x + previous) / 2, y: null });
      gaps += 1;
    }
    points.push({ x, y: value(item) });
    previous = x;
  }
  return { points, gaps };
}

/**
 * The x axis for dated points: to scale, labelled dd/mm/yyyy, a tick on each date when there are few of them (and
 * Chart.js's own otherwise).
 */
export function timeAxis(dates: readonly string[]) {
  const days = dates.map(dayOf);
  return {
    type: 'linear' as const,
    // Half a week either side, so the first and last bars are drawn whole.
    min: Math.min(...days) - 3.5,
    max: Math.max(...days) + 3.5,
    ticks: { callback: (value: number | string) => fmtDate(isoOfDay(Number(value))), maxRotation: 45 },
    afterBuildTicks: (axis: { ticks: Array<{ value: number }> }) => {
      if (days.length <= 12) axis.ticks = days.map((value) => ({ value }));
    },
  };
}

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
export function ChartCanvas(props: {
  config: ChartConfiguration;
  label: string;
  height?: number;
  /** Breaks drawn in the lines (dates more than two weeks apart), told to tests and assistive tools. */
  gaps?: number;
}) {
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
  return html`<div
    class="chart"
    style=${`height:${props.height ?? 260}px`}
    data-series=${props.config.data.datasets.map((d) => d.label).join('|')}
    data-gaps=${props.gaps ?? 0}
  >
    <canvas ref=${canvas} role="img" aria-label=${props.label}></canvas>
  </div>`;
}
