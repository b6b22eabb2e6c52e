// Stands in for antd's table column-filter dropdown (antd/es/table/hooks/useFilter/FilterDropdown.js) in the
// production build (apps/web/vite.config.ts): that module brings Tree, Menu, Dropdown, Checkbox, Radio, Empty and a
// search box into every table page, and no column of ours has `filters`, `filterDropdown` or `onFilter` — our lists
// filter on the server, from a form above the table. antd renders the dropdown only for such a column, and eslint
// (eslint.config.js) rejects those column keys in apps/web/src; should one come anyway, the page fails loudly rather
// than show a filter that does nothing. Tests and `vite dev` use antd's own module.

interface FilterOption {
  value: unknown;
  children?: FilterOption[];
}

// the helper antd's useFilter also imports from the module this one replaces, as antd writes it
export function flattenKeys(filters?: FilterOption[]): unknown[] {
  let keys: unknown[] = [];
  (filters || []).forEach(({ value, children }) => {
    keys.push(value);
    if (children) keys = [...keys, ...flattenKeys(children)];
  });
  return keys;
}

export default function FilterDropdown(): never {
  throw new Error(
    'antd table column filters are left out of the build (apps/web/vite.config.ts): filter on the server',
  );
}
