import { Alert, App, Button, Flex, Modal, Table, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { conflictRows, type ConflictField, type ConflictRow, type PendingConflict } from './version-conflict';

// the comparison's helpers live apart (no antd), so that a form imports them without the dialog's Table
export { changedFields, conflictRows } from './version-conflict';
export type { ConflictField, ConflictRow, PendingConflict } from './version-conflict';

/**
 * A save refused with 409 VERSION_CONFLICT, for any versioned record: what the user saw, what it is now and what the
 * user wanted, side by side; nothing is saved until the user chooses to reload or to re-apply on the new version.
 */
export function VersionConflictModal({
  heading = '数据已被他人修改',
  title,
  rows,
  lastChange,
  reloadLabel = '放弃我的修改并刷新',
  reapplyLabel = '按最新数据重新提交',
  reapplyBlocked,
  saving,
  errorText,
  onReload,
  onReapply,
}: {
  heading?: string;
  /** What happened, in a sentence: "…在您编辑期间已被他人修改，本次未保存". */
  title: string;
  rows: ConflictRow[];
  /** Who changed it and when, when known. */
  lastChange?: ReactNode;
  reloadLabel?: string;
  reapplyLabel?: string;
  /** Why the change cannot be re-applied any more (the record moved on to a state that refuses it). */
  reapplyBlocked?: string | null;
  saving: boolean;
  errorText?: string | null;
  onReload: () => void;
  onReapply: () => void;
}) {
  return (
    <Modal
      open
      title={heading}
      onCancel={onReload}
      mask={{ closable: false }}
      width={760}
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onReload} disabled={saving}>
            {reloadLabel}
          </Button>
          <Button type="primary" loading={saving} disabled={Boolean(reapplyBlocked)} onClick={onReapply}>
            {reapplyLabel}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Alert type="warning" showIcon title={title} />
        {lastChange && <Typography.Paragraph style={{ marginBottom: 0 }}>{lastChange}</Typography.Paragraph>}
        <Table<ConflictRow>
          aria-label="修改对比"
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 560 }}
          columns={[
            { key: 'label', title: '项目', dataIndex: 'label', width: 120 },
            { key: 'seen', title: '您打开时', dataIndex: 'seen' },
            {
              key: 'current',
              title: '当前值',
              dataIndex: 'current',
              render: (value: string, row) =>
                value !== row.seen ? <Typography.Text type="danger">{value}</Typography.Text> : value,
            },
            { key: 'mine', title: '您的修改', dataIndex: 'mine' },
          ]}
        />
        {reapplyBlocked && <Alert type="info" showIcon title={reapplyBlocked} />}
        {errorText && <Alert type="error" showIcon title={errorText} role="alert" />}
      </Flex>
    </Modal>
  );
}

/**
 * The whole 409 round for a record edited in a form: the comparison, "reload" (refetch and drop the change) and
 * "re-apply" (send only the user's changes on the current version; a further 409 compares again).
 */
export function ResolvableConflict<T extends { version: number }, C extends Record<string, unknown>>({
  conflict,
  fields,
  title,
  save,
  reload,
  onResolved,
  onConflictAgain,
}: {
  conflict: PendingConflict<T, C>;
  fields: ReadonlyArray<ConflictField<T>>;
  title: string;
  save: (changes: C, version: number) => Promise<unknown>;
  reload: () => Promise<unknown>;
  onResolved: () => void;
  onConflictAgain: (next: PendingConflict<T, C>) => void;
}) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [errorText, setErrorText] = useState<string | null>(null);
  const edited = { ...conflict.seen, ...conflict.changes };
  const mine = Object.fromEntries(
    fields.filter((field) => field.key in conflict.changes).map((field) => [field.key, field.text(edited)]),
  );
  const reapply = async () => {
    setSaving(true);
    setErrorText(null);
    try {
      await save(conflict.changes, conflict.current.version);
      message.success('已按最新数据重新保存');
      onResolved();
    } catch (error) {
      if (isVersionConflict(error) && error.current)
        onConflictAgain({ ...conflict, seen: conflict.current, current: error.current as T });
      else setErrorText(errorMessage(error, '保存失败，请稍后重试'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <VersionConflictModal
      title={title}
      rows={conflictRows(fields, conflict.seen, conflict.current, mine)}
      saving={saving}
      errorText={errorText}
      onReload={() => void reload().finally(onResolved)}
      onReapply={() => void reapply()}
    />
  );
}
