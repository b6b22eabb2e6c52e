import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';

/**
 * An outcome row's delete button with its 删除这条…？ confirmation, drawn in place of the plain button on its first
 * click (outcome-ledger.tsx): the confirmation opens at once and the button keeps the focus.
 */
export function DeleteConfirm({ label, onConfirm }: { label: string; onConfirm: () => Promise<unknown> }) {
  return (
    <Popconfirm
      title={`删除这条${label}？`}
      okText="删除"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
      defaultOpen
    >
      <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除${label}`} autoFocus />
    </Popconfirm>
  );
}
