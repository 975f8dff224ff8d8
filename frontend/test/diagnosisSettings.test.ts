import { describe, expect, it } from 'vitest';
import { PERCENT_SETTINGS, settingShown, settingValue } from '../src/views/diagnosisLogic';
import { S } from '../src/strings';

describe('diagnosis thresholds as the reasons say them', () => {
  it('shows shares as percentages and sends them back as fractions', () => {
    expect(settingShown('singleEnterpriseShare', 0.8)).toBe(80);
    expect(settingValue('singleEnterpriseShare', 80)).toBe(0.8);
    expect(settingShown('outsideInputShare', 0.7)).toBe(70);
    expect(settingValue('topProvinceShare', 55.5)).toBe(0.555);
    // counts and quotients stay as they are
    expect(settingShown('weakLq', 0.6)).toBe(0.6);
    expect(settingValue('minEnterprises', 3)).toBe(3);
    expect(PERCENT_SETTINGS.has('hhiLimit')).toBe(false);
  });

  it('keeps 供给集中 apart from 关键环节 in words', () => {
    expect(S.flag.CRITICAL).toBe('供给集中');
    expect(S.flag.CRITICAL).not.toContain('关键');
    expect(S.chainMap.key).toBe('关键环节');
  });
});
