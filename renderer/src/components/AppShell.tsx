import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../auth';
import { setLanguage } from '../i18n';

export function AppShell() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const items = [{ key: '/lookup', label: t('nav.lookup') }];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#8c0c20' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ flex: 1, background: 'transparent' }}
          selectedKeys={[location.pathname]}
          items={items}
          onClick={(e) => void navigate(e.key)}
        />
        <Space>
          <Typography.Text style={{ color: '#fff' }} data-testid="me">
            {me.data?.displayName}
          </Typography.Text>
          <Button size="small" onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
            {t('lang.switch')}
          </Button>
          <Button size="small" onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}>
            {t('nav.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
