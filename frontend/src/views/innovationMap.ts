import type { Segment, SegmentDiagnosis, Technology } from '../api/types';

/** Groups technologies under the top-level segments they apply to (a technology may appear under several). */
export function technologiesBySegment(techs: Technology[], segments: Segment[]): { segment: Segment; technologies: Technology[] }[] {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const rootOf = (id: string) => {
    let s = byId.get(id);
    while (s?.parentId && byId.has(s.parentId)) s = byId.get(s.parentId);
    return s;
  };
  const groups = new Map<string, { segment: Segment; technologies: Technology[] }>();
  for (const t of techs) {
    const roots = new Set(t.segmentIds.map(rootOf).filter((s): s is Segment => !!s));
    for (const r of roots) {
      const g = groups.get(r.id) ?? { segment: r, technologies: [] };
      g.technologies.push(t);
      groups.set(r.id, g);
    }
  }
  const order = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 } as const;
  return [...groups.values()].sort((a, b) => order[a.segment.stage] - order[b.segment.stage] || a.segment.name.localeCompare(b.segment.name, 'zh-CN'));
}

/** Leaf segments that need 产学研 pairing: missing, weak, or 卡脖子; most urgent first. */
export function pairingSegments(segments: SegmentDiagnosis[]): SegmentDiagnosis[] {
  const rank = (s: SegmentDiagnosis) => (s.flags.includes('DEPENDENCY') ? 0 : s.verdict === 'MISSING' ? 1 : s.verdict === 'WEAK' ? 2 : 3);
  return segments.filter((s) => s.leaf && rank(s) < 3).sort((a, b) => rank(a) - rank(b) || Number(b.key) - Number(a.key) || a.name.localeCompare(b.name, 'zh-CN'));
}
