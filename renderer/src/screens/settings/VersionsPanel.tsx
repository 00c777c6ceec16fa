import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import { call, messageOf } from '../../api/client';
import { formatDateTime } from '../../lib/branchTime';
import { afterSettingsChange, useVersions, type SettingsVersion, type VersionMeta } from './api';
import { VersionView } from './VersionView';
import './text-origin';

interface Props {
  current: SettingsVersion;
}

/** Every saved version with who/when/why; view the differences from the current one, or roll back to it. */
export function VersionsPanel({ current }: Props) {
  const { t, i18n } = useTranslation();
  const versions = useVersions();
  const [viewing, setViewing] = useState<number | null>(null);
  const [rollingBack, setRollingBack] = useState<VersionMeta | null>(null);
  return (
    <>
      <Table<VersionMeta>
        rowKey="version"
        size="middle"
        data-testid="versions"
        loading={versions.isPending}
        dataSource={versions.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': `version-row-${r.version}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('settings.versions.version'),
            dataIndex: 'version',
            width: 150,
            render: (v: number, r) => (
              <Space wrap size={4}>
                <strong>{v}</strong>
                {v === current.version && <Tag color="green">{t('settings.versions.current')}</Tag>}
                {r.effectiveAt != null && (
                  <Tag color={r.effectiveAt > Date.now() ? 'blue' : undefined} data-testid={`scheduled-${v}`}>
                    {t(
                      r.effectiveAt > Date.now()
                        ? 'settings.versions.scheduled'
                        : 'settings.versions.tookEffect',
                      {
                        time: formatDateTime(r.effectiveAt),
                      },
                    )}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('settings.versions.at'),
            dataIndex: 'createdAt',
            width: 180,
            render: (ms: number | null) => (ms === null ? '—' : formatDateTime(ms)),
          },
          {
            title: t('settings.versions.by'),
            dataIndex: 'createdByName',
            width: 120,
            render: (n: string | null) => n ?? t('settings.versions.system'),
          },
          {
            title: t('settings.versions.note'),
            dataIndex: 'note',
            width: 220,
            render: (n: string | null, r) => (
              <>
                {r.origin === 'headoffice' && (
                  <Tag color="blue" data-testid="version-origin">
                    {t('settingsOrigin.versionHeadoffice')}
                  </Tag>
                )}
                {n ?? ''}
              </>
            ),
          },
          {
            title: t('settings.versions.changed'),
            dataIndex: 'changes',
            render: (changes: VersionMeta['changes']) => <ChangeSummary changes={changes} />,
          },
          {
            title: '',
            width: 220,
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => setViewing(r.version)} data-testid={`view-${r.version}`}>
                  {t('settings.versions.view')}
                </Button>
                {r.version !== current.version && (
                  <Button
                    size="small"
                    danger
                    onClick={() => setRollingBack(r)}
                    data-testid={`rollback-${r.version}`}
                  >
                    {t('settings.versions.rollback')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {versions.error && <Alert type="error" showIcon title={messageOf(versions.error, i18n.language)} />}
      {viewing !== null && (
        <VersionView version={viewing} current={current} onClose={() => setViewing(null)} />
      )}
      {rollingBack && <RollbackModal target={rollingBack} onClose={() => setRollingBack(null)} />}
    </>
  );
}

/** The first lines of what a version changed, in words; the view shows all of them. */
function ChangeSummary({ changes }: { changes: VersionMeta['changes'] }) {
  const { t, i18n } = useTranslation();
  if (!changes) return null;
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const shown = changes.slice(0, 3);
  return (
    <div data-testid="version-changes" style={{ fontSize: 13 }}>
      {shown.map((c, i) => (
        <div key={i}>{c[lang]}</div>
      ))}
      {changes.length > shown.length && (
        <Typography.Text type="secondary">
          {t('settings.versions.more', { count: changes.length - shown.length })}
        </Typography.Text>
      )}
    </div>
  );
}

function RollbackModal({ target, onClose }: { target: VersionMeta; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () =>
      call(routes.settings.rollback, {
        body: { version: target.version, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    onSuccess: async (saved) => {
      await afterSettingsChange(qc);
      void message.success(
        t('settings.versions.rolledBack', { from: target.version, version: saved.version }),
      );
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('settings.versions.rollbackTitle', { version: target.version })}
      okText={t('settings.versions.rollback')}
      okButtonProps={{ danger: true, 'data-testid': 'rollback-confirm' }}
      cancelText={t('common.cancel')}
      confirmLoading={m.isPending}
      onOk={() => m.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('settings.versions.rollbackBody', { version: target.version })}
      </Typography.Paragraph>
      <Input
        autoFocus
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onPressEnter={() => m.mutate()}
        placeholder={t('settings.versions.rollbackNote')}
        maxLength={200}
        data-testid="rollback-note"
      />
      {m.error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={messageOf(m.error, i18n.language)} />
      )}
    </Modal>
  );
}
