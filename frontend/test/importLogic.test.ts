import { describe, expect, it } from 'vitest';
import { columnTypeZh, missingPrerequisites, stepOf } from '../src/views/importLogic';

describe('import guidance', () => {
  it('names column types in Chinese, with the unit', () => {
    expect(columnTypeZh('USCC', null)).toBe('统一社会信用代码（18 位）');
    expect(columnTypeZh('DECIMAL', '万元')).toBe('数值（万元）');
    expect(columnTypeZh('SOMETHING_NEW', null)).toBe('SOMETHING_NEW');
  });

  it('says which earlier step is missing, from the API hint when there is one', () => {
    expect(stepOf({ id: 'supplies' })).toBe(2);
    expect(stepOf({ id: 'supplies', step: 1 })).toBe(0);
    expect(missingPrerequisites({ id: 'supplies' }, new Set())).toEqual(['chains', 'enterprises']);
    expect(missingPrerequisites({ id: 'supplies' }, new Set(['chains']))).toEqual(['enterprises']);
    expect(missingPrerequisites({ id: 'enterprises' }, new Set(['chains']))).toEqual([]);
    expect(missingPrerequisites({ id: 'chains' }, new Set())).toEqual([]);
    expect(missingPrerequisites({ id: 'segments' }, new Set())).toEqual(['chains']);
    expect(missingPrerequisites({ id: 'supplies', requires: ['enterprises'] }, new Set(['enterprises']))).toEqual([]);
  });
});
