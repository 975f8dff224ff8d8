/**
 * Building blocks for layered ("Sugiyama") drawings shared by the product map, the supply network and the
 * innovation graph: cycle breaking, longest-path layering, barycentre ordering, text measuring and label boxes.
 * Pure functions, so every layout is tested without a browser.
 */

export interface Edge {
  source: string;
  target: string;
}

export const edgeKey = (e: Edge): string => `${e.source}>${e.target}`;

/**
 * Edges that close a cycle, found by depth-first search in a stable order: leaving them out leaves a DAG.
 * Self-loops count as back edges.
 */
export function backEdges(ids: string[], edges: Edge[]): Set<string> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) out.get(e.source)?.push(e.target);
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  const back = new Set<string>();
  for (const start of ids) {
    if (state.has(start)) continue;
    // iterative DFS: a deep input chain must not overflow the call stack
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const succ = out.get(top.id) ?? [];
      if (top.next >= succ.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const t = succ[top.next++]!;
      const s = state.get(t);
      if (s === 1) back.add(`${top.id}>${t}`);
      else if (s === undefined && out.has(t)) {
        state.set(t, 1);
        stack.push({ id: t, next: 0 });
      }
    }
  }
  return back;
}

/**
 * Longest-path layering of a DAG given by `edges` minus `skip`: a node sits one layer right of its deepest
 * predecessor, sources in layer 0. Then every source is pulled right to just before its nearest successor, so a raw
 * input used only by an end product stands next to it instead of across the whole picture.
 */
export function longestPathLayers(ids: string[], edges: Edge[], skip: Set<string> = new Set()): Map<string, number> {
  const known = new Set(ids);
  const dag = edges.filter((e) => known.has(e.source) && known.has(e.target) && !skip.has(edgeKey(e)) && e.source !== e.target);
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of dag) {
    preds.get(e.target)!.push(e.source);
    succs.get(e.source)!.push(e.target);
  }
  const layer = new Map<string, number>();
  // Kahn's order: every predecessor is layered before its successors
  const indeg = new Map(ids.map((id) => [id, preds.get(id)!.length]));
  const queue = ids.filter((id) => indeg.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    layer.set(id, Math.max(0, ...preds.get(id)!.map((p) => layer.get(p)! + 1)));
    for (const s of succs.get(id)!) {
      indeg.set(s, indeg.get(s)! - 1);
      if (indeg.get(s) === 0) queue.push(s);
    }
  }
  for (const id of ids) if (!layer.has(id)) layer.set(id, 0); // unreachable only if `skip` left a cycle
  for (const id of ids) {
    const s = succs.get(id)!;
    if (preds.get(id)!.length === 0 && s.length > 0) layer.set(id, Math.min(...s.map((x) => layer.get(x)!)) - 1);
  }
  return layer;
}

/** Nodes grouped by layer, layers 0..max (empty layers removed and the rest renumbered). */
export function layersOf(layer: Map<string, number>, initialOrder: (a: string, b: string) => number): string[][] {
  const used = [...new Set(layer.values())].sort((a, b) => a - b);
  const index = new Map(used.map((l, i) => [l, i]));
  const out: string[][] = used.map(() => []);
  for (const [id, l] of layer) out[index.get(l)!]!.push(id);
  for (const col of out) col.sort(initialOrder);
  for (const [id, l] of layer) layer.set(id, index.get(l)!);
  return out;
}

/** Crossings between edges of adjacent layers (edges spanning several layers counted between their end layers' positions). */
export function crossings(layers: string[][], edges: Edge[]): number {
  const where = new Map<string, [number, number]>();
  layers.forEach((col, l) => col.forEach((id, i) => where.set(id, [l, i])));
  const segs: [number, number, number][] = []; // layer of source, position at source, position at target (normalised)
  for (const e of edges) {
    const a = where.get(e.source);
    const b = where.get(e.target);
    if (!a || !b || a[0] === b[0]) continue;
    const [s, t] = a[0] < b[0] ? [a, b] : [b, a];
    if (t[0] - s[0] !== 1) continue;
    segs.push([s[0], s[1], t[1]]);
  }
  let n = 0;
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const [l1, a1, b1] = segs[i]!;
      const [l2, a2, b2] = segs[j]!;
      if (l1 === l2 && (a1 - a2) * (b1 - b2) < 0) n++;
    }
  return n;
}

/**
 * Orders the nodes of each layer by the mean position of their neighbours in the layer before (sweeping right),
 * then the layer after (sweeping left), `sweeps` times; keeps the order with the fewest crossings seen.
 * Neighbours in any other layer count too (long edges), weighted less, so a long edge still pulls its ends together.
 */
export function orderByBarycentre(layers: string[][], edges: Edge[], sweeps = 6): string[][] {
  const layerOf = new Map<string, number>();
  layers.forEach((col, l) => col.forEach((id) => layerOf.set(id, l)));
  const nb = new Map<string, string[]>();
  for (const e of edges) {
    if (!layerOf.has(e.source) || !layerOf.has(e.target) || e.source === e.target) continue;
    nb.set(e.source, [...(nb.get(e.source) ?? []), e.target]);
    nb.set(e.target, [...(nb.get(e.target) ?? []), e.source]);
  }
  let current = layers.map((c) => [...c]);
  let best = current.map((c) => [...c]);
  let bestCrossings = crossings(best, edges);
  const position = () => {
    const pos = new Map<string, number>();
    current.forEach((col) => col.forEach((id, i) => pos.set(id, col.length > 1 ? i / (col.length - 1) : 0.5)));
    return pos;
  };
  const sortLayer = (l: number, side: -1 | 1) => {
    const pos = position();
    const col = current[l]!;
    const bary = new Map<string, number>();
    col.forEach((id, i) => {
      let sum = 0;
      let weight = 0;
      for (const other of nb.get(id) ?? []) {
        const ol = layerOf.get(other)!;
        if (ol === l) continue;
        const w = ol === l + side ? 1 : 0.25;
        sum += w * pos.get(other)!;
        weight += w;
      }
      bary.set(id, weight > 0 ? sum / weight : pos.get(id)! + i * 1e-9);
    });
    col.sort((a, b) => bary.get(a)! - bary.get(b)!);
  };
  for (let s = 0; s < sweeps; s++) {
    for (let l = 1; l < current.length; l++) sortLayer(l, -1);
    for (let l = current.length - 2; l >= 0; l--) sortLayer(l, 1);
    const c = crossings(current, edges);
    if (c < bestCrossings) {
      bestCrossings = c;
      best = current.map((col) => [...col]);
    }
  }
  return best;
}

// ---- text and boxes -------------------------------------------------------------------------------------------

/** Width of `text` in px at `fontSize`: CJK and full-width characters are square, others about 0.6 em (a safe upper bound for sans-serif). */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? fontSize : fontSize * 0.62;
  return w;
}

/** Breaks `text` into lines no wider than `maxWidth` (never splitting inside a run of Latin letters or digits when avoidable). */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  const tokens = text.match(/[A-Za-z0-9.%+\-/]+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    if (line && textWidth(line + t, fontSize) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += t;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last.length > 1 && textWidth(last + '…', fontSize) > maxWidth) last = last.slice(0, -1);
    kept[maxLines - 1] = last + '…';
    return kept;
  }
  return lines;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function boxesIntersect(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** Pairs of boxes (by index) that intersect; empty means every label is readable on its own. */
export function overlappingPairs(boxes: Box[], gap = 0): [number, number][] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.x - boxes[b]!.x);
  const out: [number, number][] = [];
  for (let i = 0; i < order.length; i++) {
    const a = boxes[order[i]!]!;
    for (let j = i + 1; j < order.length; j++) {
      const b = boxes[order[j]!]!;
      if (b.x > a.x + a.w + gap) break;
      if (boxesIntersect(a, b, gap)) out.push([Math.min(order[i]!, order[j]!), Math.max(order[i]!, order[j]!)]);
    }
  }
  return out;
}

/**
 * The fixed part of every laid-out graph series: positions are the layout's own pixels (no force layout, no roam,
 * the series box pinned to the layout's size), so the label boxes on screen are the ones the layout computed.
 */
export function pixelGraphSeries(width: number, height: number) {
  return { type: 'graph' as const, layout: 'none' as const, roam: false, left: 0, top: 0, width, height };
}
