import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  FileProtectOutlined,
  FieldTimeOutlined,
  MailOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { App } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '@/components/errors/query-error';
import { AppLayout, type NavItem } from '@/components/layouts/app-layout';
import { PageLoading } from '@/components/ui/page-loading';
import { useExtensions } from '@/features/measures/api/get-extensions';
import { useMeasures } from '@/features/measures/api/get-measures';
import { useUnreadNotificationCount } from '@/features/notifications/api/get-notifications';
import { useUnreadFeedbackCount } from '@/features/publications/api/get-unread-feedback-count';
import { isApiError } from '@/lib/api-client';
import {
  accountGate,
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
  const unreadFeedback = useUnreadFeedbackCount({ enabled: officer });
  if (!user) return [];
  if (!business) {
    // the admin roles (三权分立) get their own pages only
    const admin: NavItem[] = [];
    if (user.roles.includes('system_admin') || user.roles.includes('security_admin'))
      admin.push({ path: '/admin/users', label: '账号管理', icon: <TeamOutlined aria-hidden /> });
    if (user.roles.includes('system_admin'))
      admin.push({ path: '/admin/units', label: '单位管理', icon: <ApartmentOutlined aria-hidden /> });
    if (user.roles.includes('system_admin'))
      admin.push({ path: '/admin/jobs', label: '后台任务', icon: <FieldTimeOutlined aria-hidden /> });
    if (user.roles.includes('system_admin'))
      admin.push({ path: '/admin/channels', label: '通知渠道', icon: <MailOutlined aria-hidden /> });
    if (user.roles.includes('system_admin'))
      admin.push({ path: '/admin/webhooks', label: '外部推送', icon: <SendOutlined aria-hidden /> });
    if (user.roles.includes('audit_admin'))
      admin.push({ path: '/admin/audit', label: '审计日志', icon: <FileSearchOutlined aria-hidden /> });
    return admin;
  }
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
    // 文书与公开: documents in (notice, ledger workbook) and the public notice out
    items.push(
      { path: '/imports/notice', label: '导入通报', icon: <FileTextOutlined aria-hidden /> },
      { path: '/imports/ledger', label: '导入台账', icon: <FileExcelOutlined aria-hidden /> },
      {
        path: '/publications',
        label: '公开通报',
        icon: <NotificationOutlined aria-hidden />,
        badge: unreadFeedback.data,
      },
    );
  }
  if (officer) {
    items.push({
      path: '/reviews',
      label: '待我审核',
      icon: <AuditOutlined aria-hidden />,
      badge: (pendingReviews.data?.total ?? 0) + (pendingExtensions.data?.total ?? 0),
    });
  }
  if (officer || unitUser || isSupervisor(user)) {
    items.push({ path: '/supervision-orders', label: '督办单', icon: <FileProtectOutlined aria-hidden /> });
  }
  // unit leaders reach their reports from 我的任务 › 待报送
  if (officer || isSupervisor(user))
    items.push({ path: '/report-rounds', label: '定期报送', icon: <FormOutlined aria-hidden /> });
  if (officer || isSupervisor(user))
    items.push(
      { path: '/lookbacks', label: '回头看', icon: <ReconciliationOutlined aria-hidden /> },
      { path: '/checkpoint-reviews', label: '检查节点评估', icon: <CarryOutOutlined aria-hidden /> },
    );
  if (officer || unitUser || isSupervisor(user)) {
    items.push({ path: '/calendar', label: '时限日历', icon: <CalendarOutlined aria-hidden /> });
  }
  if (officer || isSupervisor(user))
    items.push({ path: '/unit-scores', label: '考核排名', icon: <TrophyOutlined aria-hidden /> });
  if (officer || isSupervisor(user))
    items.push({ path: '/settings/inspection', label: '轮次设置', icon: <SettingOutlined aria-hidden /> });
  if (officer) items.push({ path: '/admin/units', label: '单位管理', icon: <ApartmentOutlined aria-hidden /> });
  return items;
}

/** Every page behind the login: the session guard and the shell. */
export function AppRoot() {
  const session = useSessionUser();
  const logout = useLogout();
  const location = useLocation();
  const { message } = App.useApp();
  const gate = session.data ? accountGate(session.data) : null;
  // until the account is secured the API refuses everything else: no menu, and no counts asked for
  const navItems = useNavItems(gate ? null : session.data);
  const unreadNotifications = useUnreadNotificationCount({ enabled: Boolean(session.data) && !gate });

  if (session.isPending) return <PageLoading />;
  if (session.isError)
    return <QueryError error={session.error} onRetry={() => session.refetch()} title="无法获取登录状态" />;
  if (!session.data) {
    // after 退出登录 the login page opens plain; a lost session remembers where the user was
    const target = logout.isSuccess ? '/login' : loginPath(`${location.pathname}${location.search}`);
    return <Navigate to={target} replace />;
  }

  if (gate && location.pathname !== gate) return <Navigate to={gate} replace />;

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
      unreadNotifications={unreadNotifications.data}
    >
      <Outlet />
    </AppLayout>
  );
}
