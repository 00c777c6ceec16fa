import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { messageOf } from '../../api/client';
import { useHealth } from '../../api/health';
import { useLogin } from '../../auth';
import { setLanguage } from '../../i18n';

export default function LoginScreen() {
  const { t, i18n } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const health = useHealth();
  const onFinish = (v: { username: string; password: string }) =>
    login.mutate(v, {
      onSuccess: () => void navigate(next && next.startsWith('/') ? next : '/', { replace: true }),
    });
  // A fresh install has nobody to log in as yet.
  if (health.data?.needsSetup) return <Navigate to="/setup" replace />;
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg,#8c0c20,#3d0510)',
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('app.title')} · {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
        {login.error && (
          <Alert
            type="error"
            showIcon
            title={messageOf(login.error, i18n.language)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <Button
          type="link"
          style={{ padding: 0, marginTop: 12 }}
          onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
        >
          {t('lang.switch')}
        </Button>
      </Card>
    </div>
  );
}
