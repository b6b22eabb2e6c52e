import { SoundOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';

// the urge dialog (Form, TextArea) loads when the button is pressed, not with the dashboard
const UrgeModal = lazy(() => import('./urge-modal').then((m) => ({ default: m.UrgeModal })));

/** 一键催办: one urge for a list of measures (e.g. the dashboard's overdue list); each person is notified once. */
export function UrgeButton({ measureIds, subject }: { measureIds: string[]; subject: string }) {
  const [open, setOpen] = useState(false);
  if (measureIds.length === 0) return null;
  return (
    <>
      <Button size="small" icon={<SoundOutlined aria-hidden />} onClick={() => setOpen(true)}>
        一键催办
      </Button>
      {open && (
        <Suspense fallback={null}>
          <UrgeModal target={{ measureIds }} subject={subject} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
