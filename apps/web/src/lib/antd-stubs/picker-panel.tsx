import type { PickerPanelProps } from '@rc-component/picker';
import { lazy, Suspense } from 'react';

// Stands in for @rc-component/picker's PickerPanel inside the date pickers' popup (PickerInput/Popup/PopupPanel.js), in
// the production build (apps/web/vite.config.ts): the calendar, month, year and time panels show only once a picker is
// opened, yet every page with a DatePicker or RangePicker downloaded them with its input (issue 28: ~5 KB gzip). The
// first open loads them (the popup is empty until then); the panel and its props are rc-picker's own. antd's Calendar,
// tests and `vite dev` use the module as it is.
const PickerPanel = lazy(() => import('virtual:rc-picker-panel'));

export default function LazyPickerPanel(props: PickerPanelProps) {
  return (
    <Suspense fallback={null}>
      <PickerPanel {...props} />
    </Suspense>
  );
}
