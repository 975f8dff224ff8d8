import type { Flow, Segment, SegmentDiagnosis, SegmentFlag, Stage, Verdict } from '../api/types';

export const STAGES: Stage[] = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'];

/** A group in a column: a top-level segment (or, when it sits in another column, just its name) and its sub-segments. */
export interface SegmentGroup {
  /** Id of the top-level segment the group belongs to. */
  rootId: string;
  rootName: string;
  /** The root itself when it belongs to this column (then it is a clickable header); null for a name-only header. */
  root: Segment | null;
  children: Segment[];
}

export interface StageColumn {
  stage: Stage;
  groups: SegmentGroup[];
  count: number;
}

/**
 * Longest-path depth of each segment along FEEDS flows, ignoring return (recycling) flows and
 * tolerating an unmarked cycle (it is an input error, but the map must still draw).
 */
export function flowDepths(segments: Segment[], flows: Flow[]): Map<string, number> {
  const ids = new Set(segments.map((s) => s.id));
  const out = new Map<string, string[]>();
  const indeg = new Map<string, number>();
  for (const id of ids) {
    out.set(id, []);
    indeg.set(id, 0);
  }
  for (const f of flows) {
    if (f.recycling || !ids.has(f.from) || !ids.has(f.to) || f.from === f.to) continue;
    out.get(f.from)!.push(f.to);
    indeg.set(f.to, indeg.get(f.to)! + 1);
  }
  const depth = new Map<string, number>();
  const queue: string[] = [];
  for (const [id, d] of indeg) {
    depth.set(id, 0);
    if (d === 0) queue.push(id);
  }
  let head = 0;
  while (head < queue.length) {
    const id = queue[head++]!;
    for (const to of out.get(id)!) {
      depth.set(to, Math.max(depth.get(to)!, depth.get(id)! + 1));
      const d = indeg.get(to)! - 1;
      indeg.set(to, d);
      if (d === 0) queue.push(to);
    }
  }
  return depth; // nodes on a cycle keep the depth reached so far
}

/** Top-level ancestor of a segment (itself when top-level); stops on a broken or cyclic parent chain. */
function rootOf(s: Segment, byId: Map<string, Segment>): Segment {
  let cur = s;
  const seen = new Set<string>([s.id]);
  while (cur.parentId && byId.has(cur.parentId) && !seen.has(cur.parentId)) {
    cur = byId.get(cur.parentId)!;
    seen.add(cur.id);
  }
  return cur;
}

/**
 * Lays the chain out as upstream → midstream → downstream columns; inside a column, sub-segments are
 * grouped under their top-level segment, and groups are ordered along the supply flow.
 */
export function layoutChain(segments: Segment[], flows: Flow[]): StageColumn[] {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const depth = flowDepths(segments, flows);
  const columns: StageColumn[] = STAGES.map((stage) => ({ stage, groups: [], count: 0 }));
  const colOf = (stage: Stage) => columns[Math.max(0, STAGES.indexOf(stage))]!;
  const groupIndex = new Map<string, SegmentGroup>();
  for (const s of segments) {
    const root = rootOf(s, byId);
    const col = colOf(s.stage);
    const key = `${col.stage}|${root.id}`;
    let g = groupIndex.get(key);
    if (!g) {
      g = { rootId: root.id, rootName: root.name, root: null, children: [] };
      groupIndex.set(key, g);
      col.groups.push(g);
    }
    if (s.id === root.id) g.root = s;
    else g.children.push(s);
    col.count++;
  }
  const d = (s: Segment) => depth.get(s.id) ?? 0;
  // a group sits where its sub-segments sit on average (a parent often has no flows of its own)
  const groupDepth = (g: SegmentGroup) => {
    const members = g.children.length ? g.children : g.root ? [g.root] : [];
    return members.length ? members.reduce((sum, s) => sum + d(s), 0) / members.length : 0;
  };
  const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  for (const col of columns) {
    for (const g of col.groups) g.children.sort((a, b) => d(a) - d(b) || byName(a.name, b.name));
    col.groups.sort((a, b) => groupDepth(a) - groupDepth(b) || byName(a.rootName, b.rootName));
  }
  return columns;
}

/** The segments of a layout in reading order (column by column, group by group): keyboard navigation follows it. */
export function readingOrder(columns: StageColumn[]): Segment[] {
  const out: Segment[] = [];
  for (const c of columns) for (const g of c.groups) out.push(...(g.root ? [g.root] : []), ...g.children);
  return out;
}

// colours and labels ---------------------------------------------------------------------------

export const STAGE_COLOURS: Record<Stage, string> = {
  UPSTREAM: '#5b8ff9',
  MIDSTREAM: '#61c0bf',
  DOWNSTREAM: '#f6bd16',
};

/** Verdict colours (red: missing, orange: weak, blue: present, green: strong) and icons, so colour is never the only signal. */
export const VERDICT_STYLE: Record<Verdict, { colour: string; icon: string }> = {
  MISSING: { colour: '#e8684a', icon: '○' },
  WEAK: { colour: '#f6a623', icon: '◐' },
  PRESENT: { colour: '#5b8ff9', icon: '●' },
  STRONG: { colour: '#30a46c', icon: '★' },
};

export const FLAG_ICONS: Record<SegmentFlag, string> = { EXTEND: '➜', CRITICAL: '⚠', DEPENDENCY: '⊗' };

export function segmentColour(s: Segment, diag?: SegmentDiagnosis | null): string {
  if (diag && diag.verdict in VERDICT_STYLE) return VERDICT_STYLE[diag.verdict].colour;
  return STAGE_COLOURS[s.stage] ?? '#999';
}

/** Flows touching a segment (both directions): highlighted when the segment is selected. */
export function flowsOf(id: string, flows: Flow[]): Flow[] {
  return flows.filter((f) => f.from === id || f.to === id);
}

/**
 * The flows as drawn: a ⇄ b (both directions, neither a return flow) becomes one link with an arrow at each end,
 * so the two arrows do not lie on top of each other.
 */
export function flowsToDraw(flows: Flow[]): (Flow & { mutual: boolean })[] {
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  const forward = new Set(flows.filter((f) => !f.recycling).map((f) => key(f.from, f.to)));
  const out: (Flow & { mutual: boolean })[] = [];
  const done = new Set<string>();
  for (const f of flows) {
    const mutual = !f.recycling && f.from !== f.to && forward.has(key(f.to, f.from));
    if (mutual) {
      const pair = f.from < f.to ? key(f.from, f.to) : key(f.to, f.from);
      if (done.has(pair)) continue;
      done.add(pair);
    }
    out.push({ ...f, mutual });
  }
  return out;
}


// flow geometry ---------------------------------------------------------------------------------

/** A box in the chain canvas' coordinates (the part of DOMRect the paths need). */
export interface Box {
  left: number;
  right: number;
  top: number;
  height: number;
}

/** A box relative to the canvas, so paths stay valid however the page is scrolled. */
export function relativeBox(r: DOMRect, base: DOMRect): Box {
  return { left: r.left - base.left, right: r.right - base.left, top: r.top - base.top, height: r.height };
}

/** A return flow (downstream back to upstream): from the source's left edge to the target's right edge, above the boxes. */
export function returnPath(a: Box, b: Box): string {
  const ax = a.left;
  const ay = a.top + a.height / 2;
  const bx = b.right;
  const by = b.top + b.height / 2;
  if (ax > bx + 8) {
    const dx = Math.max(40, (ax - bx) / 3);
    return `M${ax},${ay} C${ax - dx},${ay} ${bx + dx},${by} ${bx},${by}`;
  }
  return flowPath(a, b);
}

/** A cubic curve from the right edge of `a` to the left edge of `b` (or around the right side within one column). */
export function flowPath(a: Box, b: Box): string {
  const ax = a.right;
  const ay = a.top + a.height / 2;
  const bx = b.left;
  const by = b.top + b.height / 2;
  if (bx > ax + 8) {
    const dx = (bx - ax) / 2;
    return `M${ax},${ay} C${ax + dx},${ay} ${bx - dx},${by} ${bx},${by}`;
  }
  // same column or backwards: loop out to the right of the source and into the target's right edge
  const ex = b.right;
  const bulge = 30 + Math.min(60, Math.abs(by - ay) / 6);
  return `M${ax},${ay} C${ax + bulge},${ay} ${ex + bulge},${by} ${ex},${by}`;
}

/** Segments directly linked to `id` by a flow (either direction): highlighted beside it. */
export function relatedSegments(id: string | null, flows: Flow[]): Set<string> {
  const out = new Set<string>();
  if (id) for (const f of flows) if (f.from === id) out.add(f.to); else if (f.to === id) out.add(f.from);
  return out;
}

// drop-downs ------------------------------------------------------------------------------------

/** A drop-down group: a top-level segment and its sub-segments. */
export interface SegmentOptionGroup {
  root: Segment;
  children: Segment[];
}

/**
 * Segment drop-down groups in chain order, as the chain map reads: top-level segments by where their first member
 * appears on the map (upstream → downstream, along the flow), sub-segments in map order under them.
 */
export function segmentOptionGroups(segments: Segment[], flows: Flow[]): SegmentOptionGroup[] {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const groups = new Map<string, SegmentOptionGroup>();
  for (const s of readingOrder(layoutChain(segments, flows))) {
    const root = rootOf(s, byId);
    let g = groups.get(root.id);
    if (!g) {
      g = { root, children: [] };
      groups.set(root.id, g);
    }
    if (s.id !== root.id) g.children.push(s);
  }
  return [...groups.values()];
}
