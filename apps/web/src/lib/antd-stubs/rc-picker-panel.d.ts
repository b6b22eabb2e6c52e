// @rc-component/picker's PickerPanel module alone (its package exports only the index, which re-exports the inputs too):
// apps/web/vite.config.ts resolves this id, for the build's lazy panel (picker-panel.tsx)
declare module 'virtual:rc-picker-panel' {
  import type { PickerPanelProps } from '@rc-component/picker';
  import type { ComponentType } from 'react';

  const PickerPanel: ComponentType<PickerPanelProps>;
  export default PickerPanel;
}
