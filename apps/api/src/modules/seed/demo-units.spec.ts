import { describe, expect, it } from '@jest/globals';
import { DEMO_UNITS, pickUnit } from './demo-units.js';

describe('pickUnit', () => {
  const fallback = DEMO_UNITS[0];
  it('picks the unit whose words the title names', () => {
    expect(pickUnit('‘清四乱’、退垸还湖攻坚不力', '', fallback).name).toBe('区水务和湖泊局');
    expect(pickUnit('汽车强链补链延链效果不明显', '', fallback).name).toBe('区经济和信息化局');
    expect(pickUnit('理论学习有漏项', '', fallback).name).toBe('区委宣传部');
  });
  it('falls back when no word matches', () => {
    expect(pickUnit('完全无关', '', fallback)).toBe(fallback);
  });
});
