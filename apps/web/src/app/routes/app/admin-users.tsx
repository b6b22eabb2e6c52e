import { useQueryClient } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { ADMIN_ROLES, ROLE_LABELS, ROLES, roleConflict, type Role } from '@zhenggai/domain';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { unitOptions, useUnits } from '@/features/units/api/get-units';
import { useCreateUser, type CreateUserInput } from '@/features/users/api/create-user';
import { useUsers, type User, type UsersQuery } from '@/features/users/api/get-users';
import { useResetUserMfa } from '@/features/users/api/reset-user-mfa';
import { useResetUserPassword } from '@/features/users/api/reset-user-password';
import { useSetUserRoles } from '@/features/users/api/set-user-roles';
import { useUnlockUser } from '@/features/users/api/unlock-user';
import { useUpdateUser } from '@/features/users/api/update-user';
import {
  changedFields,
  ResolvableConflict,
  type ConflictField,
  type PendingConflict,
} from '@/components/ui/version-conflict-modal';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { useSessionUser } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';

const BUSINESS_ROLES = ROLES.filter((role) => !ADMIN_ROLES.includes(role));
const roleOptions = (roles: readonly Role[]) => roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** A password the API shows only once: in a dialog that says so. */
function showOnce(modal: ReturnType<typeof App.useApp>['modal'], title: string, label: string, password: string) {
  modal.info({
    title,
    okText: '我已记下',
    content: (
      <>
        <Typography.Paragraph>
          {label}：
          <Typography.Text code copyable={{ text: password, tooltips: ['复制', '已复制'] }}>
            {password}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="warning">
          此密码只显示这一次，请通过安全渠道告知本人；本人首次登录时须修改密码。
        </Typography.Paragraph>
      </>
    ),
  });
}

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateUserInput>();
  const create = useCreateUser();
  const units = useUnits({ enabled: open });
  const { modal } = App.useApp();
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
              if (result.initialPassword)
                showOnce(modal, `已创建账号 ${result.user.username}`, '初始密码', result.initialPassword);
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
        <Form.Item name="roles" label="业务角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Checkbox.Group options={roleOptions(BUSINESS_ROLES)} />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" extra="单位负责人、单位经办人须选择所属单位">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={unitOptions(units.data ?? [])}
            loading={units.isPending}
            placeholder="选择单位"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type EditValues = { displayName: string; email: string | null; unitId: string | null; disabled: boolean };
type UserConflict = PendingConflict<User, Partial<EditValues>>;

// the unit by its id, so that the edited value (a new unitId with the old unitName) reads right
function userConflictFields(units: Array<{ id: string; name: string }>): Array<ConflictField<User>> {
  const unitName = (user: User) =>
    user.unitId ? (units.find((unit) => unit.id === user.unitId)?.name ?? user.unitName ?? '（未知单位）') : '无';
  return [
    { key: 'displayName', label: '姓名', text: (user) => user.displayName },
    { key: 'email', label: '邮箱', text: (user) => user.email ?? '无' },
    { key: 'unitId', label: '所属单位', text: unitName },
    { key: 'disabled', label: '账号状态', text: (user) => (user.disabled ? '停用' : '启用') },
  ];
}

function EditUserModal({
  user,
  onClose,
  onConflict,
}: {
  user: User | null;
  onClose: () => void;
  onConflict: (conflict: UserConflict) => void;
}) {
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateUser();
  const units = useUnits({ enabled: Boolean(user) });
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
          <Form.Item name="unitId" label="所属单位">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={unitOptions(units.data ?? [])}
              loading={units.isPending}
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

function RolesModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const setRoles = useSetUserRoles();
  const [roles, setSelected] = useState<Role[]>(user?.roles ?? []);
  const [tried, setTried] = useState(false);
  const { message } = App.useApp();
  const conflict = roleConflict(roles);
  const submit = () => {
    setTried(true);
    if (!user || conflict || roles.length === 0) return;
    setRoles.mutate(
      { userId: user.id, version: user.version, roles },
      {
        onSuccess: () => {
          message.success('角色已更新');
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={Boolean(user)}
      title={user ? `分配角色 ${user.username}` : '分配角色'}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: setRoles.isPending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Checkbox.Group
        aria-label="角色"
        value={roles}
        onChange={(value) => setSelected(value as Role[])}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        options={roleOptions(ROLES)}
      />
      {conflict && <Alert type="error" showIcon title={conflict} style={{ marginTop: 16 }} />}
      {tried && roles.length === 0 && (
        <Alert type="error" showIcon title="请至少选择一个角色" style={{ marginTop: 16 }} />
      )}
      {setRoles.isError && (
        <Alert type="error" showIcon title={errorMessage(setRoles.error)} style={{ marginTop: 16 }} />
      )}
    </Modal>
  );
}

function SecurityActions({ user, onRoles }: { user: User; onRoles: () => void }) {
  const { modal, message } = App.useApp();
  const reset = useResetUserPassword();
  const unlock = useUnlockUser();
  const resetMfa = useResetUserMfa();
  const fail = (error: unknown) => message.error(errorMessage(error));
  return (
    <Space wrap size={4}>
      <Button size="small" onClick={onRoles}>
        分配角色
      </Button>
      <Button
        size="small"
        onClick={() =>
          modal.confirm({
            title: `重置 ${user.displayName} 的密码？`,
            content: '将生成一次性临时密码，本人下次登录时须修改。',
            okText: '重置',
            cancelText: '取消',
            onOk: () =>
              reset
                .mutateAsync(user.id)
                .then((result) =>
                  showOnce(modal, `已重置 ${user.username} 的密码`, '临时密码', result.temporaryPassword),
                )
                .catch(fail),
          })
        }
      >
        重置密码
      </Button>
      {user.locked && (
        <Button
          size="small"
          loading={unlock.isPending}
          onClick={() => unlock.mutate(user.id, { onSuccess: () => message.success('已解锁'), onError: fail })}
        >
          解锁
        </Button>
      )}
      {user.mfaEnabled && (
        <Button
          size="small"
          onClick={() =>
            modal.confirm({
              title: `重置 ${user.displayName} 的双因素认证？`,
              content: '原验证器和恢复码将失效，本人须重新绑定。',
              okText: '重置',
              cancelText: '取消',
              onOk: () =>
                resetMfa
                  .mutateAsync(user.id)
                  .then(() => message.success('已重置双因素认证'))
                  .catch(fail),
            })
          }
        >
          重置双因素
        </Button>
      )}
    </Space>
  );
}

/** 账号管理: the system admin creates and edits accounts; the security admin assigns roles and resets credentials. */
export function AdminUsersRoute() {
  const session = useSessionUser();
  const me = session.data;
  const systemAdmin = Boolean(me?.roles.includes('system_admin'));
  const securityAdmin = Boolean(me?.roles.includes('security_admin'));
  const [query, setQuery] = useState<UsersQuery>({ page: 1, pageSize: 20 });
  const users = useUsers(query);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [rolesFor, setRolesFor] = useState<User | null>(null);
  const [conflict, setConflict] = useState<UserConflict | null>(null);
  const update = useUpdateUser();
  const queryClient = useQueryClient();
  const conflictUnits = useUnits({ enabled: Boolean(conflict) });

  if (!systemAdmin && !securityAdmin)
    return <NoAccess title="无权管理账号" detail="账号管理仅限系统管理员和安全管理员。" />;

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', key: 'username' },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    { title: '邮箱', key: 'email', render: (_, user) => user.email ?? '—' },
    {
      title: '角色',
      key: 'roles',
      render: (_, user) => user.roleLabels.map((label) => <Tag key={label}>{label}</Tag>),
    },
    { title: '所属单位', key: 'unit', render: (_, user) => user.unitName ?? '—' },
    {
      title: '状态',
      key: 'state',
      render: (_, user) => (
        <Space size={4} wrap>
          {user.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
          {user.locked && <Tag color="red">已锁定</Tag>}
          {user.mfaEnabled && <Tag color="blue">双因素</Tag>}
        </Space>
      ),
    },
    {
      title: '最近登录',
      key: 'lastLogin',
      render: (_, user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, user) => (
        <Space wrap size={4}>
          {systemAdmin && (
            <Button size="small" onClick={() => setEditing(user)}>
              编辑
            </Button>
          )}
          {securityAdmin && <SecurityActions user={user} onRoles={() => setRolesFor(user)} />}
        </Space>
      ),
    },
  ];

  return (
    <>
      <title>账号管理 · 整改工作台</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          账号管理
        </Typography.Title>
        {systemAdmin && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        )}
      </Flex>
      <Flex wrap gap={8} style={{ margin: '16px 0' }}>
        <Input.Search
          placeholder="用户名或姓名"
          aria-label="搜索账号"
          allowClear
          enterButton="搜索"
          style={{ maxWidth: 280 }}
          onSearch={(q) => setQuery((prev) => ({ ...prev, page: 1, q: q.trim() || undefined }))}
        />
        <Select
          aria-label="角色"
          allowClear
          placeholder="全部角色"
          style={{ width: 160 }}
          options={roleOptions(ROLES)}
          onChange={(role?: Role) => setQuery((prev) => ({ ...prev, page: 1, role }))}
        />
        <Select
          aria-label="账号状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          options={[
            { value: 'false', label: '正常' },
            { value: 'true', label: '已停用' },
          ]}
          onChange={(value?: string) =>
            setQuery((prev) => ({ ...prev, page: 1, disabled: value === undefined ? undefined : value === 'true' }))
          }
        />
      </Flex>
      {users.isError ? (
        <QueryError error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有符合条件的账号' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: users.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 个账号`,
            onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
          }}
        />
      )}
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} onConflict={setConflict} />
      {conflict && (
        <ResolvableConflict
          key={`${conflict.current.id}:${conflict.current.version}`}
          conflict={conflict}
          fields={userConflictFields(conflictUnits.data ?? [])}
          title={`账号 ${conflict.seen.username} 在您编辑期间已被他人修改，本次未保存，以免覆盖他人的修改。`}
          save={(changes, version) => update.mutateAsync({ userId: conflict.current.id, version, ...changes })}
          reload={() => queryClient.invalidateQueries({ queryKey: queryKeys.users })}
          onResolved={() => setConflict(null)}
          onConflictAgain={setConflict}
        />
      )}
      <RolesModal key={rolesFor?.id ?? 'none'} user={rolesFor} onClose={() => setRolesFor(null)} />
    </>
  );
}
