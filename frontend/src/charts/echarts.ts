/** ECharts, with only the charts and components the views use registered (keeps the bundle small). */
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([GraphChart, HeatmapChart, BarChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };
export type ECharts = ReturnType<typeof echarts.init>;

/** Initialises a chart on `el`, resizing it with its box; dispose it when the view goes. */
export function mountChart(el: HTMLElement): ECharts {
  const existing = echarts.getInstanceByDom(el);
  if (existing) existing.dispose();
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  // A detached or zero-size box (view left while loading) has no drawable area: skip, ECharts' view transform needs one.
  const ro = new ResizeObserver(() => {
    if (!chart.isDisposed() && el.isConnected && el.clientWidth > 0 && el.clientHeight > 0) chart.resize();
  });
  ro.observe(el);
  const dispose = chart.dispose.bind(chart);
  chart.dispose = () => {
    ro.disconnect();
    dispose();
  };
  return chart;
}
