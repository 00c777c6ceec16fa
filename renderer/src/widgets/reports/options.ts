import type { EChartsCoreOption } from 'echarts/core';
import type { ConversionRow, HistoryReport } from '@shared/api/dashboard';

/** Chart options from the report (pure: the same report gives the same chart). */

export function heatOption(r: HistoryReport, weekdays: string[]): EChartsCoreOption {
  const data: [number, number, number][] = [];
  let max = 0;
  r.heat.forEach((row, d) =>
    row.forEach((n, h) => {
      data.push([h, d, n]);
      max = Math.max(max, n);
    }),
  );
  return {
    tooltip: { position: 'top' },
    // The colour scale stands at the right: under the chart its handle labels fell on the hour axis.
    grid: { left: 56, right: 72, top: 8, bottom: 28 },
    xAxis: {
      type: 'category',
      data: Array.from({ length: 24 }, (_, h) => `${h}`),
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: weekdays, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: Math.max(1, max),
      calculable: true,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 120,
    },
    series: [{ type: 'heatmap', data, label: { show: false } }],
  };
}

export function daysOption(r: HistoryReport, names: { sl: string; wait: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    // The legend above the plot: left to its default it sat on the day labels.
    legend: { top: 0, data: [names.sl, names.wait] },
    grid: { left: 48, right: 48, top: 52, bottom: 32 },
    xAxis: { type: 'category', data: r.days.map((d) => d.day.slice(5)) },
    yAxis: [
      { type: 'value', min: 0, max: 100, name: '%' },
      { type: 'value', min: 0, name: 'min' },
    ],
    series: [
      {
        name: names.sl,
        type: 'line',
        data: r.days.map((d) => (d.figures.slPct === null ? null : Math.round(d.figures.slPct * 10) / 10)),
      },
      {
        name: names.wait,
        type: 'line',
        yAxisIndex: 1,
        data: r.days.map((d) =>
          d.figures.avgWaitMs === null ? null : Math.round(d.figures.avgWaitMs / 6_000) / 10,
        ),
      },
    ],
  };
}

export function conversionOption(
  rows: readonly ConversionRow[],
  label: (r: ConversionRow) => string,
  names: { shown: string; accepted: string },
): EChartsCoreOption {
  const top = rows.slice(0, 12);
  return {
    tooltip: { trigger: 'axis' },
    // The legend pinned above the bars: placed by ECharts it fell on the value axis's labels below them.
    legend: { top: 0, data: [names.shown, names.accepted] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: top.map(label), inverse: true },
    series: [
      { name: names.shown, type: 'bar', data: top.map((r) => r.shown) },
      { name: names.accepted, type: 'bar', data: top.map((r) => r.accepted) },
    ],
  };
}
