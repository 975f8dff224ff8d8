import type { Region, RegionLevel, RegionNode } from './api/types';

/** The region tree flattened for the cascade pickers and the search box (no server round trip per keystroke). */
export class RegionIndex {
  private readonly byCode = new Map<string, Region>();
  private readonly kids = new Map<string, Region[]>();
  readonly provinces: Region[] = [];

  constructor(tree: RegionNode[]) {
    const walk = (n: RegionNode, parent: string | null) => {
      const r: Region = { code: n.code, name: n.name, level: n.level, parentCode: parent };
      this.byCode.set(r.code, r);
      if (parent) {
        const list = this.kids.get(parent) ?? [];
        list.push(r);
        this.kids.set(parent, list);
      } else {
        this.provinces.push(r);
      }
      n.children.forEach((c) => walk(c, n.code));
    };
    tree.forEach((n) => walk(n, null));
  }

  get(code: string | null | undefined): Region | null {
    return code ? this.byCode.get(code) ?? null : null;
  }

  children(code: string): Region[] {
    return this.kids.get(code) ?? [];
  }

  /** Province, city, county of a code (as far as it goes). */
  path(code: string | null): Region[] {
    const out: Region[] = [];
    let r = this.get(code);
    while (r) {
      out.unshift(r);
      r = this.get(r.parentCode);
    }
    return out;
  }

  /** Full display name without repeats: 北京市 北京市 东城区 → 北京市 东城区. */
  fullName(code: string | null): string {
    const names: string[] = [];
    for (const r of this.path(code)) if (names[names.length - 1] !== r.name) names.push(r.name);
    return names.join(' ');
  }

  /** Name search: prefix matches first, then province/city/county order, at most `limit`. */
  search(q: string, limit = 12): Region[] {
    const needle = q.trim();
    if (!needle) return [];
    const levelRank: Record<RegionLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2 };
    const hits: Region[] = [];
    for (const r of this.byCode.values()) if (r.name.includes(needle) || r.code.startsWith(needle)) hits.push(r);
    hits.sort(
      (a, b) =>
        Number(!a.name.startsWith(needle)) - Number(!b.name.startsWith(needle)) ||
        levelRank[a.level] - levelRank[b.level] ||
        a.code.localeCompare(b.code),
    );
    return hits.slice(0, limit);
  }
}
