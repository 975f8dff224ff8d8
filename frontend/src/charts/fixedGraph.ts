import { mountChart, type ECharts } from './echarts';

/**
 * Mounting for the graphs drawn at 1:1 (product map, supply network, innovation graph): the chart box gets the
 * layout's pixel size inside a host that scrolls when the layout is wider than the window, and exposes the label
 * boxes ECharts actually drew, so a browser test can check on the real page that no two labels overlap.
 */

export interface RenderedLabel {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface ZrText {
  type: string;
  ignore?: boolean;
  invisible?: boolean;
  style?: { text?: string; opacity?: number };
  transform?: number[] | null;
  getBoundingRect(): { clone(): { applyTransform(m: number[]): void; x: number; y: number; width: number; height: number } };
}

/** Every visible text element of a chart in chart pixels (labels, including their background boxes). */
export function renderedLabels(chart: ECharts): RenderedLabel[] {
  const storage = (chart.getZr() as unknown as { storage: { getDisplayList(update?: boolean): ZrText[] } }).storage;
  return storage
    .getDisplayList(true)
    .filter((el) => el.type === 'text' && !el.ignore && !el.invisible && (el.style?.opacity ?? 1) > 0 && (el.style?.text ?? '').trim() !== '')
    .map((el) => {
      const r = el.getBoundingRect().clone();
      if (el.transform) r.applyTransform(el.transform);
      return { text: el.style!.text!, x: r.x, y: r.y, w: r.width, h: r.height };
    });
}

export interface FixedGraph {
  chart: ECharts;
  el: HTMLElement;
  draw(option: Record<string, unknown>, width: number, height: number): void;
  dispose(): void;
}

/** A chart of a fixed pixel size in `host` (which scrolls sideways if needed). */
export function mountFixedGraph(host: HTMLElement, testId: string, ariaLabel: string): FixedGraph {
  host.classList.add('graph-scroll');
  host.style.overflowX = 'auto';
  host.style.overflowY = 'hidden';
  const el = document.createElement('div');
  el.className = 'chart chart-fixed';
  el.dataset.testid = testId;
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', ariaLabel);
  host.replaceChildren(el);
  let chart: ECharts | null = null;
  let points: { id: string; x: number; y: number }[] = [];
  const g: FixedGraph = {
    get chart() {
      return chart!;
    },
    el,
    draw(option, width, height) {
      el.style.width = `${Math.ceil(width)}px`;
      el.style.height = `${Math.ceil(height)}px`;
      el.style.minHeight = '0';
      if (!chart) chart = mountChart(el);
      else chart.resize();
      chart.setOption(option, { notMerge: true });
      points = pointsOf(option);
      el.dataset.drawn = String(Date.now());
    },
    dispose() {
      chart?.dispose();
      chart = null;
    },
  };
  // a hook for the browser tests: what ECharts really drew, in page coordinates of the chart box
  const hooks = el as HTMLElement & { __labels?: () => RenderedLabel[]; __points?: () => { id: string; x: number; y: number }[] };
  hooks.__labels = () => (chart ? renderedLabels(chart) : []);
  hooks.__points = () => points;
  return g;
}

/** Node ids and positions of a 1:1 graph option (series box at the chart's origin), e.g. to click a node in a test. */
function pointsOf(option: Record<string, unknown>): { id: string; x: number; y: number }[] {
  const series = (option.series as { data?: { id?: string; x?: number; y?: number }[] }[] | undefined)?.[0];
  return (series?.data ?? []).filter((d) => d.id && !d.id.startsWith('__')).map((d) => ({ id: d.id!, x: d.x ?? 0, y: d.y ?? 0 }));
}

/** The drawing width available in `host` (its content box), never less than `min`. */
export function availableWidth(host: HTMLElement, min = 640): number {
  const cs = getComputedStyle(host);
  const w = host.clientWidth - parseFloat(cs.paddingLeft || '0') - parseFloat(cs.paddingRight || '0');
  return Math.max(min, Math.floor(w || 0));
}
