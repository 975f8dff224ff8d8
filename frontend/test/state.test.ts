import { describe, expect, it } from 'vitest';
import { parseHash, serialiseHash, withState } from '../src/state';

describe('URL state', () => {
  it('parses view, shared choice and view parameters', () => {
    const s = parseHash('#/enterprise?chain=NEV&region=340100&zone=%E5%90%88%E8%82%A5%E7%BB%8F%E5%BC%80%E5%8C%BA&segment=NEV-CELL&page=2&sort=name');
    expect(s.view).toBe('enterprise');
    expect(s.chain).toBe('NEV');
    expect(s.region).toBe('340100');
    expect(s.zone).toBe('合肥经开区');
    expect(s.segment).toBe('NEV-CELL');
    expect(s.params).toEqual({ page: '2', sort: 'name' });
  });

  it('falls back to defaults for empty, unknown or malformed input', () => {
    expect(parseHash('').view).toBe('chain');
    expect(parseHash('#/').view).toBe('chain');
    expect(parseHash('#/nonsense?chain=IC').view).toBe('chain');
    expect(parseHash('#/nonsense?chain=IC').chain).toBe('IC');
    expect(parseHash('#/chain?region=34').region).toBeNull();
    expect(parseHash('#/chain?region=abcdef').region).toBeNull();
    expect(parseHash('#/%E0%A4%A?chain=').chain).toBeNull();
  });

  it('round-trips and writes keys in a stable order', () => {
    const hash = '#/chain?chain=NEV&region=340100&segment=NEV-CELL&a=1&b=2';
    expect(serialiseHash(parseHash('#/chain?b=2&segment=NEV-CELL&a=1&region=340100&chain=NEV'))).toBe(hash);
    const s = parseHash(hash);
    expect(parseHash(serialiseHash(s))).toEqual(s);
  });

  it('encodes Chinese zone names and leaves out empty values', () => {
    const s = withState(parseHash('#/chain?chain=NEV'), { zone: '合肥高新区', params: { page: '' } });
    const hash = serialiseHash(s);
    expect(hash).toContain('zone=');
    expect(hash).not.toContain('page');
    expect(parseHash(hash).zone).toBe('合肥高新区');
  });

  it('withState merges parameters, removes nulls and clears with params: null', () => {
    const s = parseHash('#/enterprise?chain=NEV&page=3&sort=name');
    expect(withState(s, { params: { page: null, q: '电池' } }).params).toEqual({ sort: 'name', q: '电池' });
    expect(withState(s, { view: 'product', params: null }).params).toEqual({});
    expect(s.params).toEqual({ page: '3', sort: 'name' }); // unchanged
  });
});
