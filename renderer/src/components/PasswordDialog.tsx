import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import { call, messageOf } from '../api/client';
import { passwordRule } from '../lib/passwordRule';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: from the user menu; the server checks the old password (and counts failures). */
export function PasswordDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const m = useMutation({
    mutationFn: (v: Values) =>
      call(routes.session.changePassword, {
        body: { oldPassword: v.oldPassword, newPassword: v.newPassword },
      }),
    onSuccess: () => {
      void message.success(t('account.passwordChanged'));
      onClose();
    },
  });
  const required = { required: true, message: t('account.required') };
  return (
    <Modal
      open
      title={t('account.changePassword')}
      okText={t('account.changePassword')}
      cancelText={t('common.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'password-save' }}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => m.mutate(v)}>
        <Form.Item name="oldPassword" label={t('account.oldPassword')} rules={[required]}>
          <Input.Password autoFocus autoComplete="current-password" data-testid="password-old" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('account.passwordRule')}
          rules={[
            required,
            passwordRule(zh),
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v && v === getFieldValue('oldPassword')
                  ? Promise.reject(new Error(t('account.sameAsOld')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
      {m.error && <Alert type="error" showIcon title={messageOf(m.error, i18n.language)} />}
    </Modal>
  );
}
