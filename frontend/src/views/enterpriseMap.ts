import type { RegionIndex } from '../regionIndex';

/**
 * The region the enterprise map shows: the drilled one, else the header's region (the map follows the chosen
 * region), else the whole country; `drill=all` asks for the country while a region is chosen.
 */
export function drillRegion(drill: string | undefined, headerRegion: string | null): string | null {
  if (drill === 'all') return null;
  return drill ?? headerRegion ?? null;
}

/**
 * Whose children the map draws: none (the province tiles) for the country, the region itself for a province or
 * city, and a county's city (so the county is seen among its neighbours).
 */
export function mapParent(drill: string | null, regions: RegionIndex | null): string | null {
  if (!drill) return null;
  const r = regions?.get(drill);
  return r?.level === 'COUNTY' ? r.parentCode ?? null : drill;
}
