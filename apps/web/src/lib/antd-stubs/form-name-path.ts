// What antd's Radio.Group (antd/es/radio/group.js) imports from antd/es/form/hooks/useForm.js, alone, for the
// production build (apps/web/vite.config.ts): that module also holds Form's useForm, with @rc-component/form and
// scroll-into-view-if-needed, and the build shares modules between pages whole, so every page with a radio group
// downloaded Form's engine (issue 28). The same helper as antd's (antd/es/form/util.js toArray, joined by "_").
export function toNamePathStr(name: unknown): string {
  const namePath = name === undefined || name === false ? [] : Array.isArray(name) ? name : [name];
  return namePath.join('_');
}
