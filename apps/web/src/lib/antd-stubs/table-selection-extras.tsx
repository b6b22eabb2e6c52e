// Stands in for the Dropdown and the Radio that antd's row selection (antd/es/table/hooks/useSelection.js) imports, in
// the production build (apps/web/vite.config.ts): the dropdown serves only `rowSelection.selections` and the radio
// only `rowSelection.type: 'radio'`, and every table page would download both (with Menu) although our selections are
// plain checkboxes. eslint (eslint.config.js) rejects those two keys of a rowSelection in apps/web/src; should one
// come anyway, the page fails loudly. Other importers of Dropdown and Radio, tests and `vite dev` get antd's own.
export default function UnusedSelectionPart(): never {
  throw new Error(
    'antd table rowSelection `selections` and `type: radio` are left out of the build (apps/web/vite.config.ts)',
  );
}
