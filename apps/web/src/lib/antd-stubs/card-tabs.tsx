// Stands in for antd's Tabs inside Card (antd/es/card/Card.js) in the production build (apps/web/vite.config.ts): Card
// renders Tabs only for a `tabList` header, which no Card of ours has (eslint.config.js rejects the prop in
// apps/web/src), yet every page with a Card would download Tabs. Pages that show Tabs import antd's own. Tests and
// `vite dev` use antd's module.
export default function CardTabs(): never {
  throw new Error('antd Card `tabList` is left out of the build (apps/web/vite.config.ts): use Tabs inside the card');
}
