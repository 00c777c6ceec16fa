import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  name: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (note: string) => void;
}

/** 完成回访: what came of it, in a line; Enter confirms. */
export function DoneDialog({ name, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const submit = () => onConfirm(note.trim());
  return (
    <Modal
      open
      title={t('followUps.doneTitle', { name })}
      okText={t('followUps.doneOk')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Input
        size="large"
        autoFocus
        value={note}
        maxLength={500}
        data-testid="done-note"
        placeholder={t('followUps.doneNotePlaceholder')}
        onChange={(e) => setNote(e.target.value)}
        onPressEnter={submit}
      />
    </Modal>
  );
}
