// Stands in for what antd's row selection (antd/es/table/hooks/useSelection.js) imports from @rc-component/tree, in the
// production build (apps/web/vite.config.ts): conductCheck and convertDataToEntities serve only tree data selected
// with `rowSelection.checkStrictly: false` (a parent's checkbox checks its children), and every table page would
// download rc-tree's entity and conduct utilities (issue 28). Our selections are flat (eslint.config.js rejects
// `checkStrictly` in a rowSelection); should one come anyway, the page fails loudly. arrAdd and arrDel, which every
// checkbox click uses, are the same as rc-tree's (@rc-component/tree/es/util.js). Tree, tests and `vite dev` get
// rc-tree's own.
export function arrDel<T>(list: readonly T[] | undefined, value: T): T[] {
  if (!list) return [];
  const clone = list.slice();
  const index = clone.indexOf(value);
  if (index >= 0) clone.splice(index, 1);
  return clone;
}

export function arrAdd<T>(list: readonly T[] | undefined, value: T): T[] {
  const clone = (list ?? []).slice();
  if (clone.indexOf(value) === -1) clone.push(value);
  return clone;
}

function unused(): never {
  throw new Error('antd table rowSelection `checkStrictly: false` is left out of the build (apps/web/vite.config.ts)');
}
export const conductCheck = unused;
export const convertDataToEntities = unused;
