import {
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  ProfileOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { Alert, App } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '@/components/errors/query-error';
import { AppLayout, type NavItem } from '@/components/layouts/app-layout';
import { PageLoading } from '@/components/ui/page-loading';
import { useExtensions } from '@/features/measures/api/get-extensions';
import { useMeasures } from '@/features/measures/api/get-measures';
import { isApiError } from '@/lib/api-client';
import {
  hasBusinessAccess,
  isOfficer,
  isSupervisor,
  isUnitUser,
  loginPath,
  roleLabels,
  useLogout,
  useSessionUser,
  type SessionUser,
} from '@/lib/auth';

/** The menu by role, with the counts that call for action: 待我审核 (officers), red items in 我的任务 (units). */
function useNavItems(user: SessionUser | null | undefined): NavItem[] {
  const business = Boolean(user && hasBusinessAccess(user));
  const officer = Boolean(user && isOfficer(user));
  const unitUser = Boolean(user && isUnitUser(user));
  const pendingReviews = useMeasures({ status: 'pending_review', pageSize: 1 }, { enabled: officer });
  const pendingExtensions = useExtensions({ status: 'pending', pageSize: 1 }, { enabled: officer });
  const overdue = useMeasures({ light: 'red', pageSize: 1 }, { enabled: unitUser });
  if (!user || !business) return [];
  const items: NavItem[] = [{ path: '/', label: '工作台', icon: <DashboardOutlined aria-hidden /> }];
  if (unitUser) {
    items.push({
      path: '/tasks',
      label: '我的任务',
      icon: <ScheduleOutlined aria-hidden />,
      badge: overdue.data?.total,
    });
  }
  items.push({ path: '/problems', label: '整改台账', icon: <ProfileOutlined aria-hidden /> });
  if (officer) {
    items.push({
      path: '/reviews',
      label: '待我审核',
      icon: <AuditOutlined aria-hidden />,
      badge: (pendingReviews.data?.total ?? 0) + (pendingExtensions.data?.total ?? 0),
    });
  }
  if (officer || unitUser || isSupervisor(user)) {
    items.push({ path: '/calendar', label: '时限日历', icon: <CalendarOutlined aria-hidden /> });
  }
  return items;
}

/** Every page behind the login: the session guard and the shell. */
export function AppRoot() {
  const session = useSessionUser();
  const logout = useLogout();
  const location = useLocation();
  const { message } = App.useApp();
  const navItems = useNavItems(session.data);

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
      navItems={navItems}
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
