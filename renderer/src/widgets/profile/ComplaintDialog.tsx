import { App, Input, Modal, Radio, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { useCreateComplaint, useVisitConfig } from '../../api/visit';
import { useBilingual } from '../../lib/bilingual';
import { formatDate } from '../../lib/branchTime';

interface Props {
  /** null: a walk-in without a customer record. */
  customerId: string | null;
  customerName: string | null;
  ticketId: string | null;
  onClose: () => void;
}

/** 登记投诉: category (each has its deadline in the branch settings) and what the customer said. */
export function ComplaintDialog({ customerId, customerName, ticketId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const bi = useBilingual();
  const config = useVisitConfig();
  const create = useCreateComplaint();
  const categories = config.data?.complaintCategories ?? [];
  const [category, setCategory] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const valid = !!category && description.trim().length >= 2;
  // Set in the click itself: a second click (or Enter) before React re-renders the loading button must not
  // record the complaint twice.
  const sending = useRef(false);
  const submit = async () => {
    setTried(true);
    if (!valid || !category || sending.current) return;
    sending.current = true;
    try {
      // mutateAsync, not mutate's per-call callbacks: those run only for the observer's latest call and
      // only while it is subscribed, so a saved complaint could leave the dialog open.
      const r = await create.mutateAsync({ customerId, ticketId, category, description: description.trim() });
      void message.success(t('complaints.created', { date: formatDate(r.deadlineAt) }));
      onClose();
    } catch (e) {
      void message.error(messageOf(e, i18n.language));
    } finally {
      sending.current = false;
    }
  };
  const pending = create.isPending;
  return (
    <Modal
      open
      title={customerName ? `${t('complaints.newTitle')} · ${customerName}` : t('complaints.newAnonymous')}
      okText={t('complaints.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      // While it saves, the dialog stays: closing it and opening another would send a second complaint.
      onCancel={() => !pending && onClose()}
      confirmLoading={pending}
      cancelButtonProps={{ disabled: pending }}
      closable={!pending}
      mask={{ closable: !pending }}
      keyboard={!pending}
      destroyOnHidden
    >
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('complaints.category')}
      </Typography.Paragraph>
      <Radio.Group value={category} disabled={pending} onChange={(e) => setCategory(String(e.target.value))}>
        <Space orientation="vertical">
          {categories.map((c) => (
            <Radio key={c.key} value={c.key} data-testid={`complaint-category-${c.key}`}>
              {bi(c)}{' '}
              <Typography.Text type="secondary">
                {t('complaints.deadlineDays', { count: c.deadlineDays })}
              </Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Typography.Paragraph strong style={{ margin: '16px 0 4px' }}>
        {t('complaints.description')}
      </Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={description}
        disabled={pending}
        data-testid="complaint-description"
        placeholder={t('complaints.descriptionPlaceholder')}
        status={tried && description.trim().length < 2 ? 'error' : undefined}
        onChange={(e) => setDescription(e.target.value)}
      />
      {tried && !valid && (
        <Typography.Text type="danger">
          {!category ? t('complaints.categoryRequired') : t('complaints.descriptionRequired')}
        </Typography.Text>
      )}
    </Modal>
  );
}
