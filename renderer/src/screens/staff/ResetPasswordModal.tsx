import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import { call, messageOf } from '../../api/client';
import type { StaffView } from './api';
import { passwordRule } from '../../lib/passwordRule';

/** A manager sets a new password for someone who forgot theirs (or was locked out). */
export function ResetPasswordModal({ staff, onClose }: { staff: StaffView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { message } = App.useApp();
  const m = useMutation({
    mutationFn: (password: string) =>
      call(routes.staff.resetPassword, { params: { id: staff.id }, body: { password } }),
    onSuccess: () => {
      void message.success(t('staff.passwordReset', { name: staff.displayName }));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('staff.resetTitle', { name: staff.displayName })}
      okText={t('staff.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('staff.resetHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => m.mutate(v.password)}>
        <Form.Item
          name="password"
          label={t('staff.newPassword')}
          extra={t('staff.passwordRule')}
          rules={[{ required: true, message: t('staff.required') }, passwordRule(zh)]}
        >
          <Input.Password autoFocus autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('staff.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('staff.required') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('staff.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-confirm" />
        </Form.Item>
      </Form>
      {m.error && <Alert type="error" showIcon title={messageOf(m.error, i18n.language)} />}
    </Modal>
  );
}
