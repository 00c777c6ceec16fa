import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/api/types';
import { routes } from '@shared/api/routes';
import { call, messageOf } from '../../api/client';
import { useOwnerBooks } from '../../api/outreach';
import { useMe } from '../../auth';
import { ADMIN_GRANTED, STAFF_ROLES, useCounters, type StaffView } from './api';
import { passwordRule } from '../../lib/passwordRule';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  counterId: string | null;
  active: boolean;
  password: string;
}

interface Props {
  /** null: a new account. */
  staff: StaffView | null;
  onClose: () => void;
}

/** Add an account, or change a person's name, role, counter or status. */
export function StaffModal({ staff, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  const counters = useCounters();
  const isAdmin = me.data?.role === 'admin';
  // Customers this person owns or backs up: said beside 状态, since disabling them leaves those customers to nobody.
  const book = useOwnerBooks(!!staff).data?.books.find((b) => b.staffId === staff?.id);
  const m = useMutation({
    mutationFn: (v: Values) =>
      staff
        ? call(routes.staff.update, {
            params: { id: staff.id },
            body: {
              displayName: v.displayName,
              role: v.role,
              counterId: v.counterId ?? null,
              active: v.active,
            },
          })
        : call(routes.staff.create, {
            body: {
              username: v.username,
              displayName: v.displayName,
              role: v.role,
              ...(v.counterId ? { counterId: v.counterId } : {}),
              password: v.password,
            },
          }),
    onSuccess: async (_r, v) => {
      await qc.invalidateQueries({ queryKey: ['staff'] });
      void message.success(staff ? t('staff.updated') : t('staff.created', { name: v.displayName }));
      onClose();
    },
  });
  const required = { required: true, message: t('staff.required') };
  return (
    <Modal
      open
      title={staff ? t('staff.editTitle', { name: staff.displayName }) : t('staff.createTitle')}
      okText={t('staff.save')}
      cancelText={t('common.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'staff-save' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        data-testid="staff-form"
        initialValues={
          staff
            ? { ...staff, password: '' }
            : { role: 'teller', counterId: null, active: true, username: '', displayName: '', password: '' }
        }
        onFinish={(v) => m.mutate(v)}
      >
        {!staff && (
          <Form.Item name="username" label={t('staff.username')} rules={[required, { max: 64 }]}>
            <Input autoFocus autoComplete="off" data-testid="staff-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('staff.displayName')} rules={[required, { max: 60 }]}>
          <Input autoFocus={!!staff} data-testid="staff-displayName" />
        </Form.Item>
        <Form.Item name="role" label={t('staff.role')} rules={[required]}>
          <Select
            data-testid="staff-role"
            options={STAFF_ROLES.map((r) => ({
              value: r,
              label: t(`role.${r}`),
              // The server refuses it too; greyed out here so a manager is not surprised.
              disabled: !isAdmin && ADMIN_GRANTED.includes(r) && staff?.role !== r,
              title: !isAdmin && ADMIN_GRANTED.includes(r) ? t('staff.adminOnlyRole') : undefined,
            }))}
          />
        </Form.Item>
        <Form.Item name="counterId" label={t('staff.counter')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('staff.noCounter')}
            loading={counters.isPending}
            options={(counters.data ?? []).map((c) => ({ value: c.id, label: `${c.number} · ${c.name}` }))}
          />
        </Form.Item>
        {staff ? (
          <Form.Item
            name="active"
            label={t('staff.active')}
            valuePropName="checked"
            extra={
              book
                ? t('staff.holdsBook', { owned: book.owned, backups: book.backups, assigned: book.assigned })
                : undefined
            }
          >
            <Switch checkedChildren={t('staff.enabled')} unCheckedChildren={t('staff.disabled')} />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('staff.password')}
            extra={t('staff.passwordRule')}
            rules={[required, passwordRule(zh)]}
          >
            <Input.Password autoComplete="new-password" data-testid="staff-password" />
          </Form.Item>
        )}
      </Form>
      {m.error && <Alert type="error" showIcon title={messageOf(m.error, i18n.language)} />}
    </Modal>
  );
}
