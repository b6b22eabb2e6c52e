import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { ACCOUNT_MFA_PATH, ACCOUNT_NOTIFICATIONS_PATH, ACCOUNT_PASSWORD_PATH } from '@/lib/auth';

const PAGES = [
  { path: ACCOUNT_PASSWORD_PATH, label: '修改密码' },
  { path: ACCOUNT_MFA_PATH, label: '双因素认证' },
  { path: ACCOUNT_NOTIFICATIONS_PATH, label: '通知设置' },
];

/**
 * 账户设置: the password, the second factor and the notification settings, one page each, switched by a row of links
 * under the title (the current page's underlined). A horizontal Menu rather than Tabs: they navigate between routes,
 * and the Menu is already in the signed-in shell's chunk where Tabs cost each account page 12 KB gzip (issue 28).
 */
export function AccountTabs() {
  const location = useLocation();
  return (
    <Menu
      mode="horizontal"
      aria-label="账户设置"
      selectedKeys={[location.pathname]}
      items={PAGES.map(({ path, label }) => ({ key: path, label: <Link to={path}>{label}</Link> }))}
      style={{ background: 'transparent', marginBottom: 16 }}
    />
  );
}
