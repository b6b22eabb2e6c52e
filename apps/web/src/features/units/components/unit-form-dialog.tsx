import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { changedFields, type PendingConflict } from '@/components/ui/version-conflict-modal';
import type { Unit } from '@/features/units/api/get-units';
import { useSaveUnit, type UnitInput } from '@/features/units/api/save-unit';
import { errorMessage, isVersionConflict } from '@/lib/api-client';

/** What the dialog edits: an existing unit, or a new one under `parentId`; null when closed. */
export type Editing = { unit?: Unit; parentId: string | null } | null;

export type UnitConflict = PendingConflict<Unit, Partial<UnitInput>>;

/** 新建单位 / 编辑单位 (单位管理): name, kind and parent; a version conflict is handed to the page to resolve. */
export function UnitModal({
  editing,
  units,
  onClose,
  onConflict,
}: {
  editing: Editing;
  units: Unit[];
  onClose: () => void;
  onConflict: (conflict: UnitConflict) => void;
}) {
  const [form] = Form.useForm<UnitInput>();
  const save = useSaveUnit();
  const { message } = App.useApp();
  const unit = editing?.unit;
  return (
    <Modal
      open={Boolean(editing)}
      title={unit ? `编辑单位 ${unit.name}` : '新建单位'}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {editing && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{
            name: unit?.name,
            kind: unit?.kind ?? '部门',
            parentId: unit ? unit.parentId : editing.parentId,
          }}
          onFinish={(values) => {
            const input = { ...values, parentId: values.parentId ?? null };
            save.mutate(
              { ...input, id: unit?.id, version: unit?.version },
              {
                onSuccess: () => {
                  message.success('已保存');
                  onClose();
                },
                onError: (error) => {
                  if (unit && isVersionConflict(error) && error.current) {
                    onClose();
                    onConflict({ seen: unit, current: error.current as Unit, changes: changedFields(unit, input) });
                  }
                },
              },
            );
          }}
        >
          {save.isError && !isVersionConflict(save.error) && (
            <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 16 }} />
          )}
          <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请输入单位名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请输入单位类型' }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="parentId" label="上级单位">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="无（顶级）"
              options={units
                .filter((each) => each.id !== unit?.id)
                .map((each) => ({ value: each.id, label: each.name }))}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
