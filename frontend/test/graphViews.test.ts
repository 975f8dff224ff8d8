import { describe, expect, it } from 'vitest';
import type { RegionNode } from '../src/api/types';
import { RegionIndex } from '../src/regionIndex';
import { drillRegion, mapParent } from '../src/views/enterpriseMap';
import { productFilter } from '../src/views/productMap';

const tree: RegionNode[] = [
  { code: '340000', name: '安徽省', level: 'PROVINCE', children: [{ code: '340100', name: '合肥市', level: 'CITY', children: [{ code: '340104', name: '蜀山区', level: 'COUNTY', children: [] }] }] },
];

describe('enterprise map follows the chosen region', () => {
  it('starts at the header region unless a drill is given; drill=all is the country', () => {
    expect(drillRegion(undefined, '340100')).toBe('340100');
    expect(drillRegion('340000', '340100')).toBe('340000');
    expect(drillRegion('all', '340100')).toBeNull();
    expect(drillRegion(undefined, null)).toBeNull();
  });
  it('draws a province or city with its children, a county among its neighbours', () => {
    const idx = new RegionIndex(tree);
    expect(mapParent(null, idx)).toBeNull();
    expect(mapParent('340000', idx)).toBe('340000');
    expect(mapParent('340100', idx)).toBe('340100');
    expect(mapParent('340104', idx)).toBe('340100');
  });
});

describe('view helpers', () => {
  it('reads the product filter from the URL (the old name too)', () => {
    expect(productFilter(undefined)).toBe('all');
    expect(productFilter('outside')).toBe('outside');
    expect(productFilter('notmade')).toBe('outside');
    expect(productFilter('x')).toBe('all');
  });
});
