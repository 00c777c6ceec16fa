import { Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../auth';
import { setLanguage } from '../i18n';
import { menuFor, type NavKey } from './nav';
import './nav-text';
import { PasswordDialog } from './PasswordDialog';
import './shell.css';
import { OfflineBanner } from './OfflineBanner';
import { OwnerAlertHost } from '../widgets/outreach/OwnerAlertHost';

export function AppShell() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);
  const entry = (k: NavKey) => ({ key: `/${k}`, label: t(`nav.${k}`) });
  const items = menuFor(me.data?.role).map((e) =>
    typeof e === 'string'
      ? entry(e)
      : // A group opens on hover; its label is what the manager looks for (网点管理, 数据导入 under 导入导出).
        { key: `group:${e.group}`, label: t(`nav.group.${e.group}`), children: e.keys.map(entry) },
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <OwnerAlertHost enabled={me.data?.role === 'rm' || me.data?.role === 'manager'} />
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#8c0c20' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          className="shell-nav"
          style={{ flex: 1, minWidth: 0, background: 'transparent', fontSize: 16 }}
          selectedKeys={[location.pathname]}
          items={items}
          onClick={(e) => void navigate(e.key)}
        />
        <Space>
          <Button
            size="small"
            data-testid="open-display"
            // The lobby TV runs in its own window (or on its own machine), full screen and without login.
            onClick={() => window.open('/display', 'lobby-display', 'noopener')}
          >
            {t('nav.openDisplay')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [{ key: 'password', label: t('account.changePassword') }],
              onClick: (e) => e.key === 'password' && setChangingPassword(true),
            }}
          >
            <Typography.Link style={{ color: '#fff' }} data-testid="me" title={t('account.menu')}>
              {me.data?.displayName} ▾
            </Typography.Link>
          </Dropdown>
          <Button size="small" onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
            {t('lang.switch')}
          </Button>
          <Button
            size="small"
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
          >
            {t('nav.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <OfflineBanner />
        <Outlet />
      </Layout.Content>
      {changingPassword && <PasswordDialog onClose={() => setChangingPassword(false)} />}
    </Layout>
  );
}
