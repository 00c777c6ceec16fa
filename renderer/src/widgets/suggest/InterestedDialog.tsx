import { Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssignees, useVisitConfig } from '../../api/visit';
import { useMe } from '../../auth';
import { branchDate, onBranchDay } from '../../lib/due';

const DAY_MS = 86_400_000;

export interface FollowUpChoice {
  dueAt: number;
  assigneeId: string;
  note: string;
}

interface Props {
  product: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (c: FollowUpChoice) => void;
}

/** 有意向 → a follow-up: due date defaulted from the branch settings, assigned to me unless I pick a colleague. */
export function InterestedDialog({ product, busy, onCancel, onConfirm }: Props) {
  // The default due date counts from when the dialog opened.
  const [openedAt] = useState(() => Date.now());
  const { t } = useTranslation();
  const me = useMe();
  const config = useVisitConfig();
  const assignees = useAssignees();
  const days = config.data?.followUpDefaultDays ?? 7;
  const [date, setDate] = useState(() => branchDate(openedAt + days * DAY_MS));
  const [assignee, setAssignee] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const assigneeId = assignee ?? me.data?.id ?? '';
  const submit = () => {
    if (!date || !assigneeId) return;
    onConfirm({ dueAt: onBranchDay(openedAt, date), assigneeId, note: note.trim() });
  };
  return (
    <Modal
      open
      title={t('suggest.interestedTitle', { product })}
      okText={t('suggest.saveFollowUp')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'interested-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('suggest.interestedHint')}</Typography.Paragraph>
      <div className="suggest-form">
        <label>
          {t('suggest.dueDate')}
          <Input
            type="date"
            size="large"
            value={date}
            min={branchDate(openedAt)}
            onChange={(e) => setDate(e.target.value)}
            onPressEnter={submit}
            data-testid="follow-up-date"
          />
        </label>
        <label>
          {t('suggest.assignee')}
          <Select
            size="large"
            value={assigneeId || undefined}
            onChange={(v: string) => setAssignee(v)}
            data-testid="follow-up-assignee"
            showSearch={{ optionFilterProp: 'label' }}
            options={(assignees.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.displayName}${a.id === me.data?.id ? t('suggest.me') : ''}`,
            }))}
          />
        </label>
        <label>
          {t('suggest.note')}
          <Input
            autoFocus
            size="large"
            value={note}
            maxLength={500}
            placeholder={t('suggest.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
            onPressEnter={submit}
            data-testid="follow-up-note"
          />
        </label>
      </div>
    </Modal>
  );
}
