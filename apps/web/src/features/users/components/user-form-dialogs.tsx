// The account dialogs with a form (Form, its validator, Switch): they load when first opened, not with 账号管理 (issue 28)
import { ADMIN_ROLES, ROLE_LABELS, ROLES, type Role } from '@zhenggai/domain';
import { Alert, App, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { changedFields, type PendingConflict } from '@/components/ui/version-conflict-modal';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { useCreateUser, type CreateUserInput } from '../api/create-user';
import type { User } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';

const BUSINESS_ROLES = ROLES.filter((role) => !ADMIN_ROLES.includes(role));
const roleOptions = (roles: readonly Role[]) => roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** The units to choose from, loaded by the page (units are another feature). */
export type UnitChoices = { options: Array<{ value: string; label: string }>; loading: boolean };
export type CreateUserResult = NonNullable<ReturnType<typeof useCreateUser>['data']>;

export type EditValues = { displayName: string; email: string | null; unitId: string | null; disabled: boolean };
export type UserConflict = PendingConflict<User, Partial<EditValues>>;

/** 姓名 and 邮箱, alike in both dialogs. */
function NameAndEmailFields() {
  return (
    <>
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="email"
        label="邮箱"
        extra="用于接收邮件通知，可不填"
        rules={[{ type: 'email', message: '请输入有效的邮箱地址' }]}
      >
        <Input maxLength={254} autoComplete="off" placeholder="name@example.gov.cn" />
      </Form.Item>
    </>
  );
}

export function CreateUserModal({
  open,
  onClose,
  onCreated,
  units,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (result: CreateUserResult) => void;
  units: UnitChoices;
}) {
  const [form] = Form.useForm<CreateUserInput>();
  const create = useCreateUser();
  return (
    <Modal
      open={open}
      title="新建账号"
      okText="创建"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) =>
          create.mutate(values, {
            onSuccess: (result) => {
              onClose();
              onCreated(result);
            },
          })
        }
      >
        {create.isError && (
          <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <NameAndEmailFields />
        <Form.Item name="roles" label="业务角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Checkbox.Group options={roleOptions(BUSINESS_ROLES)} />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" extra="单位负责人、单位经办人须选择所属单位">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={units.options}
            loading={units.loading}
            placeholder="选择单位"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EditUserModal({
  user,
  onClose,
  onConflict,
  units,
}: {
  user: User | null;
  onClose: () => void;
  onConflict: (conflict: UserConflict) => void;
  units: UnitChoices;
}) {
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateUser();
  const { message } = App.useApp();
  return (
    <Modal
      open={Boolean(user)}
      title={user ? `编辑账号 ${user.username}` : '编辑账号'}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: update.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {user && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{
            displayName: user.displayName,
            email: user.email,
            unitId: user.unitId,
            disabled: user.disabled,
          }}
          onFinish={(values) =>
            update.mutate(
              {
                userId: user.id,
                version: user.version,
                ...values,
                email: values.email?.trim() || null,
                unitId: values.unitId ?? null,
              },
              {
                onSuccess: () => {
                  message.success('已保存');
                  onClose();
                },
                onError: (error) => {
                  if (isVersionConflict(error) && error.current) {
                    onClose();
                    const input = { ...values, email: values.email?.trim() || null, unitId: values.unitId ?? null };
                    onConflict({ seen: user, current: error.current as User, changes: changedFields(user, input) });
                  }
                },
              },
            )
          }
        >
          {update.isError && !isVersionConflict(update.error) && (
            <Alert type="error" showIcon title={errorMessage(update.error)} style={{ marginBottom: 16 }} />
          )}
          <NameAndEmailFields />
          <Form.Item name="unitId" label="所属单位">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={units.options}
              loading={units.loading}
              placeholder="无"
            />
          </Form.Item>
          <Form.Item name="disabled" label="停用账号" valuePropName="checked" extra="停用后该账号立即退出登录">
            <Switch checkedChildren="停用" unCheckedChildren="启用" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
