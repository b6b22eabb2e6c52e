// Stands in for antd's in-place text editor of Typography (antd/es/typography/Editable.js) in the production build
// (apps/web/vite.config.ts): it imports Input's TextArea, so every page that shows a Typography.Text would download
// Input whether or not it has a field. No Typography of ours is `editable` (eslint.config.js rejects the prop in
// apps/web/src); antd renders the editor only while such a text is being edited, and then this fails loudly. Tests
// and `vite dev` use antd's own module.
export default function Editable(): never {
  throw new Error('antd Typography `editable` is left out of the build (apps/web/vite.config.ts): use a form field');
}
