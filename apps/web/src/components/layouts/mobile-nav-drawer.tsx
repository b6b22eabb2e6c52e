import { Drawer, Typography } from 'antd';
import type { ReactNode } from 'react';

interface MobileNavDrawerProps {
  open: boolean;
  onClose: () => void;
  displayName: string;
  /** 角色 · 单位, under the name */
  subtitle: string;
  children: ReactNode;
}

/** The navigation menu on a phone: loaded by the shell when the menu button is first pressed (issue 28, bundle). */
export default function MobileNavDrawer({ open, onClose, displayName, subtitle, children }: MobileNavDrawerProps) {
  return (
    <Drawer
      placement="left"
      size={260}
      open={open}
      onClose={onClose}
      title={
        <div>
          <div>{displayName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {subtitle}
          </Typography.Text>
        </div>
      }
      styles={{ body: { padding: 0 } }}
    >
      {children}
    </Drawer>
  );
}
