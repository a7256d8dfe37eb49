'use client';

/**
 * Line charts for every plot in the app (loss curves, ROC/PR curves, reliability diagrams,
 * metrics over time), drawn by uPlot: a 50 KB canvas library that redraws thousands of points
 * per frame, so live training curves stay smooth on a 2-core laptop. Series may have their own
 * x values (uPlot.join aligns them). Colours come from the theme's CSS variables and follow
 * dark mode; the canvas is hidden from screen readers, which get the caller's summary instead.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import styles from './charts.module.css';

export interface LineSeries {
  label: string;
  x: readonly number[];
  y: readonly number[];
  /** Dashed line: references such as the diagonal or the perfect-calibration line. */
  dashed?: boolean;
  /** Points only, no line (e.g. reliability bins). */
  points?: boolean;
}

export interface LineChartProps {
  /** Visible caption; also the accessible name. */
  title: string;
  /** What the chart shows, in words, for screen readers (e.g. "AUC 0.73 for DCN-V2 …"). */
  summary: string;
  series: readonly LineSeries[];
  xLabel: string;
  yLabel: string;
  height?: number;
  xRange?: [number, number];
  yRange?: [number, number];
  /** Logarithmic y axis (e.g. loss over many orders of magnitude). */
  logY?: boolean;
  testId?: string;
}

const PALETTE = ['--accent', '--danger', '--ok', '--warn', '--fg-muted'];

function themeColour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

function buildData(series: readonly LineSeries[]): uPlot.AlignedData {
  const tables = series.map((s) => {
    // uPlot needs ascending x; sort pairs without touching the caller's arrays.
    const order = [...s.x.keys()].sort((a, b) => s.x[a]! - s.x[b]!);
    return [order.map((i) => s.x[i]!), order.map((i) => s.y[i]!)] as uPlot.AlignedData;
  });
  return tables.length === 1 ? tables[0]! : uPlot.join(tables);
}

function buildOptions(props: LineChartProps, width: number): uPlot.Options {
  const fg = themeColour('--fg-muted');
  const grid = themeColour('--border');
  const axis = (label: string): uPlot.Axis => ({
    label,
    stroke: fg,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
  });
  return {
    width,
    height: props.height ?? 220,
    scales: {
      x: { time: false, ...(props.xRange ? { range: props.xRange } : {}) },
      y: {
        ...(props.yRange ? { range: props.yRange } : {}),
        ...(props.logY ? { distr: 3 } : {}),
      },
    },
    axes: [axis(props.xLabel), axis(props.yLabel)],
    // Series names only: live values under the plot read as "--" until hovered.
    legend: { show: props.series.length > 1, live: false },
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: props.xLabel },
      ...props.series.map((s, i) => {
        const stroke = themeColour(PALETTE[i % PALETTE.length]!);
        return {
          label: s.label,
          stroke,
          width: 2,
          spanGaps: true,
          ...(s.dashed ? { dash: [6, 4] } : {}),
          ...(s.points ? { paths: () => null, points: { show: true, size: 7, fill: stroke } } : {}),
        } satisfies uPlot.Series;
      }),
    ],
  };
}

export function LineChart(props: LineChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const propsRef = useRef(props);
  useEffect(() => {
    propsRef.current = props;
  });
  const shape = props.series.map((s) => `${s.label}:${s.dashed}:${s.points}`).join('|');

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const draw = () => {
      plotRef.current?.destroy();
      const p = propsRef.current;
      plotRef.current = new uPlot(
        buildOptions(p, Math.max(200, el.clientWidth)),
        buildData(p.series),
        el,
      );
    };
    draw();
    // Redraw on theme change (colours are read once per draw) and keep the width in step.
    const themeWatch = new MutationObserver(draw);
    themeWatch.observe(document.documentElement, { attributeFilter: ['data-theme'] });
    const resize = new ResizeObserver(() =>
      plotRef.current?.setSize({
        width: Math.max(200, el.clientWidth),
        height: propsRef.current.height ?? 220,
      }),
    );
    resize.observe(el);
    return () => {
      themeWatch.disconnect();
      resize.disconnect();
      plotRef.current?.destroy();
      plotRef.current = null;
    };
    // The chart is rebuilt when its series set or axes change; new data alone only calls setData.
  }, [shape, props.xLabel, props.yLabel, props.logY, props.height]);

  useEffect(() => {
    plotRef.current?.setData(buildData(props.series));
  }, [props.series]);

  return (
    <figure className={styles.figure} data-testid={props.testId}>
      <figcaption className={styles.caption}>{props.title}</figcaption>
      <div ref={host} className={styles.plot} aria-hidden="true" />
      <p className={styles.srOnly}>{props.summary}</p>
    </figure>
  );
}
