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

interface ZrRect {
  x: number;
  y: number;
  width: number;
  height: number;
  clone(): ZrRect;
  applyTransform(m: number[]): void;
}
interface ZrEl {
  type: string;
  /** ECharts' hover flag: 0 normal, 1 blur (dimmed by another's focus), 2 emphasis; states follow it on redraw. */
  hoverState?: number;
  currentStates?: string[];
  clearStates?(): void;
  markRedraw?(): void;
  ignore?: boolean;
  invisible?: boolean;
  parent?: ZrEl | null;
  style?: { text?: string; opacity?: number };
  transform?: number[] | null;
  getBoundingRect(): ZrRect;
}

/**
 * Every visible label of a chart in chart pixels, background box included. zrender draws a label (ZRText) as one
 * tspan per line (plus a rect for its background), so the drawn pieces are grouped back by their ZRText.
 */
export function renderedLabels(chart: ECharts): RenderedLabel[] {
  const texts = new Set<ZrEl>();
  for (const el of displayList(chart)) {
    const host = el.type === 'text' ? el : el.parent?.type === 'text' ? el.parent : null;
    if (host && !host.ignore && !host.invisible && (host.style?.opacity ?? 1) > 0 && (host.style?.text ?? '').trim() !== '') texts.add(host);
  }
  return [...texts].map((t) => {
    const r = t.getBoundingRect().clone();
    if (t.transform) r.applyTransform(t.transform);
    return { text: t.style!.text!, x: r.x, y: r.y, w: r.width, h: r.height };
  });
}

/** Everything zrender draws (in drawing order), each piece with its hover/blur states. */
function displayList(chart: ECharts): ZrEl[] {
  const storage = (chart.getZr() as unknown as { storage: { getDisplayList(update?: boolean): ZrEl[] } }).storage;
  return storage.getDisplayList(true);
}

/** The element and the groups it sits in (ECharts flags a node's group and its pieces alike). */
function withAncestors(e: ZrEl): ZrEl[] {
  const out: ZrEl[] = [];
  for (let x: ZrEl | null | undefined = e; x; x = x.parent) out.push(x);
  return out;
}

/** Drops every hover flag and state, so nothing stays dimmed or highlighted until the pointer moves again. */
function resetHover(chart: ECharts): void {
  for (const e of displayList(chart)) {
    for (const x of withAncestors(e)) if (x.hoverState) x.hoverState = 0;
    if (e.currentStates?.length) {
      e.clearStates?.();
      e.markRedraw?.();
    }
  }
}

/** How many drawn pieces are dimmed (blur) or highlighted (emphasis) by hover focus right now. */
export function hoverStates(chart: ECharts): { blur: number; emphasis: number } {
  let blur = 0;
  let emphasis = 0;
  for (const e of displayList(chart)) {
    const chain = withAncestors(e);
    if (chain.some((x) => x.hoverState === 1 || x.currentStates?.includes('blur'))) blur++;
    if (chain.some((x) => x.hoverState === 2 || x.currentStates?.includes('emphasis'))) emphasis++;
  }
  return { blur, emphasis };
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
      else {
        // A redraw under the pointer (after a double-click expansion) must not leave the picture dimmed by hover focus.
        // ECharts keeps the graph's elements across setOption (matched by node id) with their hover flag, but the new
        // series model no longer knows it blurred them, so a downplay after setOption leaves them dimmed for good:
        // leave the hover state while the old model still knows it, and drop the flags the elements still carry.
        chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
        chart.dispatchAction({ type: 'hideTip' });
        resetHover(chart);
        chart.resize();
      }
      chart.setOption(option, { notMerge: true });
      resetHover(chart);
      points = pointsOf(option);
      el.dataset.drawn = String(Date.now());
    },
    dispose() {
      chart?.dispose();
      chart = null;
    },
  };
  // a hook for the browser tests: what ECharts really drew, in page coordinates of the chart box
  const hooks = el as HTMLElement & {
    __labels?: () => RenderedLabel[];
    __points?: () => { id: string; x: number; y: number }[];
    __hover?: () => { blur: number; emphasis: number };
  };
  hooks.__labels = () => (chart ? renderedLabels(chart) : []);
  hooks.__hover = () => (chart ? hoverStates(chart) : { blur: 0, emphasis: 0 });
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
