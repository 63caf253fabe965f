/** A uPlot time-series chart: x = days (seconds since the epoch), one line or bar per series. */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  color: string;
  values: number[];
  bars?: boolean;
}

export function TimeChart({
  title,
  days,
  series,
  testId,
}: {
  title: string;
  /** YYYY-MM-DD, oldest first. */
  days: string[];
  series: ChartSeries[];
  testId: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const xs = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    if (xs.length === 0) return;
    const plot = new uPlot(
      {
        title,
        width: Math.max(300, el.clientWidth || 480),
        height: 200,
        scales: {
          // Half a day either side: one day of runs is a bar, not a point in a span of years.
          x: { time: true, auto: false, range: [xs[0] - 43_200, xs[xs.length - 1] + 43_200] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
        },
        axes: [{}, { size: 70 }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: s.bars ? `${s.color}66` : undefined,
            width: 2,
            paths: s.bars ? bars : undefined,
            points: { show: days.length < 40 },
          })),
        ],
      },
      [xs, ...series.map((s) => s.values)],
      el,
    );
    return () => plot.destroy();
  }, [title, days, series]);
  return <div className="chart" data-testid={testId} ref={host} />;
}
