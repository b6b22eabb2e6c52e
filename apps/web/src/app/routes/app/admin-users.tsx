import { useQueryClient } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, ROLES, roleConflict, type Role } from '@zhenggai/domain';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { unitOptions, useUnits } from '@/features/units/api/get-units';
import { useUsers, type User, type UsersQuery } from '@/features/users/api/get-users';
import { useResetUserMfa } from '@/features/users/api/reset-user-mfa';
import { useResetUserPassword } from '@/features/users/api/reset-user-password';
import { useSetUserRoles } from '@/features/users/api/set-user-roles';
import { useUnlockUser } from '@/features/users/api/unlock-user';
import { useUpdateUser } from '@/features/users/api/update-user';
import type { UserConflict } from '@/features/users/components/user-form-dialogs';
import { ResolvableConflict, type ConflictField } from '@/components/ui/version-conflict-modal';
import { errorMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { useSessionUser } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';

// the dialogs with a form (Form, its validator, Switch) load when first opened, not with the page
const CreateUserModal = lazy(() =>
  import('@/features/users/components/user-form-dialogs').then((m) => ({ default: m.CreateUserModal })),
);
const EditUserModal = lazy(() =>
  import('@/features/users/components/user-form-dialogs').then((m) => ({ default: m.EditUserModal })),
);

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
  const dialogUnits = useUnits({ enabled: creating || Boolean(editing) });
  const unitChoices = { options: unitOptions(dialogUnits.data ?? []), loading: dialogUnits.isPending };
  const [createOpened, setCreateOpened] = useState(false);
  const [editOpened, setEditOpened] = useState(false);
  const { modal } = App.useApp();

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
            <Button
              size="small"
              onClick={() => {
                setEditOpened(true);
                setEditing(user);
              }}
            >
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
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => {
              setCreateOpened(true);
              setCreating(true);
            }}
          >
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
      <Suspense fallback={null}>
        {createOpened && (
          <CreateUserModal
            open={creating}
            onClose={() => setCreating(false)}
            onCreated={(result) => {
              if (result.initialPassword)
                showOnce(modal, `已创建账号 ${result.user.username}`, '初始密码', result.initialPassword);
            }}
            units={unitChoices}
          />
        )}
        {editOpened && (
          <EditUserModal user={editing} onClose={() => setEditing(null)} onConflict={setConflict} units={unitChoices} />
        )}
      </Suspense>
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
