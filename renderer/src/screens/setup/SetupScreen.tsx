import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { routes } from '@shared/api/routes';
import { ApiFailure, call, messageOf } from '../../api/client';
import { useHealth } from '../../api/health';
import { useLogin } from '../../auth';
import { setLanguage } from '../../i18n';
import { passwordRule } from '../../lib/passwordRule';
import './text';

interface Values {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** 首次启动: a fresh install has no staff; the first person creates the administrator and is logged in. */
export default function SetupScreen() {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const health = useHealth();
  const qc = useQueryClient();
  const login = useLogin();
  const navigate = useNavigate();
  const setup = useMutation({
    mutationFn: async (v: Values) => {
      await call(routes.session.setup, {
        body: { username: v.username, displayName: v.displayName, password: v.password },
      });
      await qc.invalidateQueries({ queryKey: ['health'] });
      await login.mutateAsync({ username: v.username, password: v.password });
    },
    onSuccess: () => void navigate('/', { replace: true }),
  });
  if (health.isPending) return <Spin style={{ margin: 64 }} />;
  if (health.data && !health.data.needsSetup && !setup.isPending && !setup.isSuccess)
    return <Navigate to="/login" replace />;
  const already = setup.error instanceof ApiFailure && setup.error.status === 409;
  const required = { required: true, message: t('setup.required') };
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg,#8c0c20,#3d0510)',
      }}
    >
      <Card style={{ width: 460 }} data-testid="setup-screen">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('app.title')} · {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        {setup.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={already ? t('setup.already') : messageOf(setup.error, i18n.language)}
            data-testid="setup-error"
          />
        )}
        <Form<Values> layout="vertical" requiredMark={false} onFinish={(v) => setup.mutate(v)}>
          <Form.Item name="username" label={t('setup.username')} rules={[required, { max: 64 }]}>
            <Input autoFocus autoComplete="username" data-testid="setup-username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('setup.displayName')} rules={[required, { max: 60 }]}>
            <Input data-testid="setup-displayName" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('setup.password')}
            extra={t('setup.passwordRule')}
            rules={[required, passwordRule(zh)]}
          >
            <Input.Password autoComplete="new-password" data-testid="setup-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('setup.confirm')}
            dependencies={['password']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('setup.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="setup-confirm" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={setup.isPending}
            data-testid="setup-submit"
          >
            {t('setup.submit')}
          </Button>
        </Form>
        {already && (
          <Button type="link" style={{ padding: 0, marginTop: 12 }} onClick={() => void navigate('/login')}>
            {t('login.submit')}
          </Button>
        )}
        <Button
          type="link"
          style={{ padding: 0, marginTop: 12, marginLeft: already ? 16 : 0 }}
          onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
        >
          {t('lang.switch')}
        </Button>
      </Card>
    </div>
  );
}
