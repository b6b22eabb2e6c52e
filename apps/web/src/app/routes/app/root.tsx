import { Alert, App } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '@/components/errors/query-error';
import { AppLayout } from '@/components/layouts/app-layout';
import { PageLoading } from '@/components/ui/page-loading';
import { isApiError } from '@/lib/api-client';
import { hasBusinessAccess, loginPath, roleLabels, useLogout, useSessionUser } from '@/lib/auth';

/** Every page behind the login: the session guard and the shell. */
export function AppRoot() {
  const session = useSessionUser();
  const logout = useLogout();
  const location = useLocation();
  const { message } = App.useApp();

  if (session.isPending) return <PageLoading />;
  if (session.isError)
    return <QueryError error={session.error} onRetry={() => session.refetch()} title="无法获取登录状态" />;
  if (!session.data) {
    // after 退出登录 the login page opens plain; a lost session remembers where the user was
    const target = logout.isSuccess ? '/login' : loginPath(`${location.pathname}${location.search}`);
    return <Navigate to={target} replace />;
  }

  const user = session.data;
  const onLogout = () =>
    logout.mutate(undefined, {
      onError: (error) => message.error(isApiError(error) ? error.message : '退出登录失败，请稍后重试'),
    });

  return (
    <AppLayout
      user={{ displayName: user.displayName, roleLabels: roleLabels(user), unitName: user.unitName }}
      showBusinessMenu={hasBusinessAccess(user)}
      onLogout={onLogout}
      loggingOut={logout.isPending}
    >
      {user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title="当前账号须先修改初始密码，修改前不能办理业务。请联系安全管理员。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Outlet />
    </AppLayout>
  );
}
