import { arrAdd as rcArrAdd, arrDel as rcArrDel } from '@rc-component/tree';
import { describe, expect, it } from 'vitest';
import { arrAdd, arrDel, conductCheck, convertDataToEntities } from './table-selection-tree';

// the build puts this module in place of @rc-component/tree for antd's row selection: every checkbox click goes through
// arrAdd/arrDel, which must behave as rc-tree's; the tree-data parts fail loudly
describe('table-selection-tree stub', () => {
  it('adds and removes keys as rc-tree does', () => {
    const cases: [string[] | undefined, string][] = [
      [undefined, 'a'],
      [[], 'a'],
      [['a', 'b'], 'a'],
      [['a', 'b'], 'c'],
    ];
    for (const [list, key] of cases) {
      expect(arrAdd(list, key)).toEqual(rcArrAdd(list as string[], key));
      expect(arrDel(list, key)).toEqual(rcArrDel(list as string[], key));
    }
    const list = ['a'];
    arrAdd(list, 'b');
    arrDel(list, 'a');
    expect(list).toEqual(['a']);
  });

  it('fails loudly when tree-data selection is used', () => {
    expect(() => conductCheck()).toThrow(/checkStrictly/);
    expect(() => convertDataToEntities()).toThrow(/checkStrictly/);
  });
});
