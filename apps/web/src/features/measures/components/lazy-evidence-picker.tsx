import { Skeleton } from 'antd';
import { lazy, Suspense, type ComponentProps } from 'react';

const EvidencePicker = lazy(() => import('./evidence-picker').then((m) => ({ default: m.EvidencePicker })));

/**
 * `EvidencePicker` (Upload, Select, Checkbox) loaded when first shown — in a collapsed panel or a form only some
 * accounts see — rather than with the page (issue 28, bundle budget). The same form control (`value`/`onChange`
 * pass through, so a `Form.Item` can wrap it directly).
 */
export function LazyEvidencePicker(props: ComponentProps<typeof EvidencePicker>) {
  return (
    <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 2 }} />}>
      <EvidencePicker {...props} />
    </Suspense>
  );
}
