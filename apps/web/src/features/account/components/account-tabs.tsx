import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { ACCOUNT_MFA_PATH, ACCOUNT_NOTIFICATIONS_PATH, ACCOUNT_PASSWORD_PATH } from '@/lib/auth';

/** 账户设置: the password, the second factor and the notification settings, one tab each. */
export function AccountTabs() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Tabs
      activeKey={location.pathname}
      onChange={(key) => navigate(key)}
      items={[
        { key: ACCOUNT_PASSWORD_PATH, label: '修改密码' },
        { key: ACCOUNT_MFA_PATH, label: '双因素认证' },
        { key: ACCOUNT_NOTIFICATIONS_PATH, label: '通知设置' },
      ]}
    />
  );
}
