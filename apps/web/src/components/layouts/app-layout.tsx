import { BellOutlined, LogoutOutlined, MenuOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Grid, Layout, Menu, Tag, type MenuProps } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';

const { Header, Sider, Content, Footer } = Layout;

// the phone's menu drawer is not part of any page's first paint: it loads when the menu button is first pressed
const MobileNavDrawer = lazy(() => import('./mobile-nav-drawer'));

export interface LayoutUser {
  displayName: string;
  roleLabels: string[];
  unitName: string | null;
}

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** A count that needs the user (待审核, 逾期); hidden when zero. */
  badge?: number;
}

interface AppLayoutProps {
  user: LayoutUser;
  /** Menu entries appear only for what the account may open: no dead links. */
  navItems: NavItem[];
  onLogout: () => void;
  loggingOut: boolean;
  /** Unread notifications for the bell (undefined: not known yet). */
  unreadNotifications?: number;
  children: ReactNode;
}

function selectedMenuKey(navItems: NavItem[], pathname: string): string[] {
  const match = navItems.find(({ path }) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`),
  );
  return match ? [match.path] : [];
}

export function AppLayout({ user, navItems, onLogout, loggingOut, unreadNotifications, children }: AppLayoutProps) {
  const showBusinessMenu = navItems.length > 0;
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // stays true after the first open, so that the drawer can animate closed
  const [drawerWanted, setDrawerWanted] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const items: MenuProps['items'] = navItems.map((item) => ({
    key: item.path,
    icon: item.icon,
    label: (
      <Link to={item.path} className="zg-nav-link">
        <span>{item.label}</span>
        {item.badge ? (
          <Badge count={item.badge} size="small" overflowCount={99} aria-label={`${item.badge} 项`} />
        ) : null}
      </Link>
    ),
  }));

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selectedMenuKey(navItems, location.pathname)}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout className="zg-app" style={{ minHeight: '100vh' }}>
      <Header className="zg-header">
        <Flex align="center" gap={12} style={{ minWidth: 0 }}>
          {isMobile && showBusinessMenu && (
            <Button
              type="text"
              className="zg-header-button"
              icon={<MenuOutlined aria-hidden />}
              aria-label="打开导航菜单"
              onClick={() => {
                setDrawerWanted(true);
                setDrawerOpen(true);
              }}
            />
          )}
          <Link to="/" className="zg-brand">
            <span className="zg-brand-mark" aria-hidden>
              改
            </span>
            <span className="zg-brand-text">{isMobile ? '整改工作台' : '整改 · 巡视巡察整改工作台'}</span>
          </Link>
        </Flex>
        <Flex align="center" gap={isMobile ? 4 : 12} className="zg-user" style={{ minWidth: 0 }}>
          <UserOutlined aria-hidden />
          <span className="zg-user-name">{user.displayName}</span>
          {!isMobile &&
            user.roleLabels.map((label) => (
              <Tag key={label} className="zg-role-tag" variant="filled">
                {label}
              </Tag>
            ))}
          {!isMobile && user.unitName && <span className="zg-user-unit">{user.unitName}</span>}
          <Badge count={unreadNotifications ?? 0} size="small" overflowCount={99} offset={[-6, 6]}>
            <Button
              type="text"
              className="zg-header-button"
              icon={<BellOutlined aria-hidden />}
              onClick={() => navigate('/notifications')}
              aria-label={unreadNotifications ? `通知，${unreadNotifications} 条未读` : '通知'}
            />
          </Badge>
          <Button
            type="text"
            className="zg-header-button"
            icon={<SettingOutlined aria-hidden />}
            onClick={() => navigate('/account/password')}
            aria-label="账户设置"
          >
            {isMobile ? null : '账户设置'}
          </Button>
          <Button
            type="text"
            className="zg-header-button"
            icon={<LogoutOutlined aria-hidden />}
            loading={loggingOut}
            onClick={onLogout}
            aria-label="退出登录"
          >
            {isMobile ? null : '退出登录'}
          </Button>
        </Flex>
      </Header>
      <Layout>
        {!isMobile && showBusinessMenu && (
          <Sider
            theme="light"
            width={208}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            className="zg-sider"
          >
            {menu}
          </Sider>
        )}
        {isMobile && showBusinessMenu && drawerWanted && (
          <Suspense fallback={null}>
            <MobileNavDrawer
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              displayName={user.displayName}
              subtitle={[...user.roleLabels, user.unitName].filter(Boolean).join(' · ')}
            >
              {menu}
            </MobileNavDrawer>
          </Suspense>
        )}
        <Layout>
          <Content className="zg-content">{children}</Content>
          <Footer className="zg-footer">本系统为非涉密系统，严禁处理涉密信息</Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
