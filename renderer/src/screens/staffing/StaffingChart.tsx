import { useEffect, useRef } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

export interface ChartSeries {
  labels: string[];
  erlang: (number | null)[];
  p10: (number | null)[];
  p50: (number | null)[];
  p90: (number | null)[];
  target: number;
  names: { erlang: string; band: string; median: string; target: string };
}

function option(s: ChartSeries): EChartsCoreOption {
  const lower = s.p10.map((v) => v ?? null);
  const width = s.p90.map((v, i) => (v === null || s.p10[i] === null ? null : v - (s.p10[i] as number)));
  return {
    animation: false,
    grid: { left: 48, right: 72, top: 36, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(0)}%` : '—'),
    },
    legend: { top: 0, data: [s.names.erlang, s.names.median, s.names.band] },
    xAxis: { type: 'category', data: s.labels, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      // The p10–p90 band: an invisible base at p10 with the p90 − p10 width stacked on it.
      {
        name: 'p10',
        type: 'line',
        data: lower,
        stack: 'band',
        lineStyle: { opacity: 0 },
        symbol: 'none',
        tooltip: { show: false },
      },
      {
        name: s.names.band,
        type: 'line',
        data: width,
        stack: 'band',
        lineStyle: { opacity: 0 },
        symbol: 'none',
        areaStyle: { color: 'rgba(22, 119, 255, 0.18)' },
        tooltip: { show: false },
      },
      { name: s.names.median, type: 'line', data: s.p50, symbol: 'circle', symbolSize: 5, color: '#1677ff' },
      {
        name: s.names.erlang,
        type: 'line',
        data: s.erlang,
        symbol: 'rect',
        symbolSize: 5,
        color: '#fa8c16',
        lineStyle: { type: 'dashed' },
        markLine: {
          symbol: 'none',
          label: { formatter: `${s.names.target} ${s.target}%` },
          lineStyle: { color: '#cf1322' },
          data: [{ yAxis: s.target }],
        },
      },
    ],
  };
}

/** Erlang C and the simulation's median and p10–p90 band per interval; ECharts is loaded on first use. */
export function StaffingChart({ series }: { series: ChartSeries }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts').then(({ echarts }) => {
      if (cancelled || !el.current) return;
      chart.current ??= echarts.init(el.current);
      chart.current.setOption(option(series), true);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(el.current);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
    };
  }, [series]);
  useEffect(
    () => () => {
      chart.current?.dispose();
      chart.current = null;
    },
    [],
  );
  return <div ref={el} style={{ width: '100%', height: 300 }} data-testid="staffing-chart" />;
}
