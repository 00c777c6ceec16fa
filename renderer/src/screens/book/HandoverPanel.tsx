import { Alert, Button, Modal, Select, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerBook } from '@shared/api/outreach';
import { messageOf } from '../../api/client';
import { useHandover, useOwnerBooks, useOwnerCandidates } from '../../api/outreach';
import './handover-text';

/** 移交客户: everyone who holds customers, disabled accounts first; one step hands a whole book to a successor. */
export function HandoverPanel() {
  const { t, i18n } = useTranslation();
  const books = useOwnerBooks(true);
  const rows = books.data?.books ?? [];
  const stranded = rows.filter((b) => !b.active).length;
  const [from, setFrom] = useState<OwnerBook | null>(null);
  return (
    <>
      <Typography.Paragraph>{t('outreach.handover.hint')}</Typography.Paragraph>
      {stranded > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('outreach.handover.stranded', { n: stranded })}
          data-testid="handover-stranded"
        />
      )}
      {books.error && <Alert type="error" showIcon title={messageOf(books.error, i18n.language)} />}
      <Table<OwnerBook>
        rowKey="staffId"
        size="small"
        data-testid="handover-table"
        loading={books.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('outreach.handover.none') }}
        columns={[
          {
            title: t('outreach.handover.col.staff'),
            key: 'name',
            render: (_, b) => (
              <>
                {b.name} <Typography.Text type="secondary">{t(`role.${b.role}`)}</Typography.Text>
              </>
            ),
          },
          {
            title: t('outreach.handover.col.state'),
            key: 'state',
            render: (_, b) =>
              b.active ? (
                <Tag color="green">{t('outreach.handover.active')}</Tag>
              ) : (
                <Tag color="red">{t('outreach.handover.disabled')}</Tag>
              ),
          },
          { title: t('outreach.handover.col.owned'), dataIndex: 'owned', align: 'right' },
          { title: t('outreach.handover.col.backups'), dataIndex: 'backups', align: 'right' },
          { title: t('outreach.handover.col.assigned'), dataIndex: 'assigned', align: 'right' },
          {
            title: '',
            key: 'act',
            align: 'right',
            render: (_, b) => (
              <Button
                size="small"
                type={b.active ? 'default' : 'primary'}
                onClick={() => setFrom(b)}
                data-testid={`handover-${b.staffId}`}
              >
                {t('outreach.handover.action')}
              </Button>
            ),
          },
        ]}
      />
      {from && <HandoverModal from={from} onClose={() => setFrom(null)} />}
    </>
  );
}

function HandoverModal({ from, onClose }: { from: OwnerBook; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const handover = useHandover();
  const [toId, setToId] = useState<string | undefined>();
  const successors = useOwnerCandidates()
    .filter((s) => s.id !== from.staffId)
    .map((s) => ({ value: s.id, label: `${s.displayName} · ${t(`role.${s.role}`)}` }));
  const submit = () =>
    toId &&
    handover.mutate(
      { fromId: from.staffId, toId },
      {
        onSuccess: (r) => {
          void message.success(
            t('outreach.handover.done', { owned: r.owned, backups: r.backups, assigned: r.assigned }),
          );
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('outreach.handover.title', { name: from.name })}
      okText={t('outreach.handover.ok')}
      cancelText={t('outreach.handover.cancel')}
      okButtonProps={{ disabled: !toId, loading: handover.isPending, 'data-testid': 'handover-ok' }}
      onOk={() => !handover.isPending && submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('outreach.handover.means', { owned: from.owned, backups: from.backups, assigned: from.assigned })}
      </Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        placeholder={t('outreach.handover.to')}
        options={successors}
        value={toId}
        onChange={setToId}
        showSearch={{ optionFilterProp: 'label' }}
        autoFocus
        data-testid="handover-to"
      />
      {handover.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={messageOf(handover.error, i18n.language)}
        />
      )}
    </Modal>
  );
}
