import { Alert, Collapse, Modal, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { formatDateTime } from '../../lib/branchTime';
import { useVersion, type SettingsVersion } from './api';
import { describeChanges } from '@shared/config/human-diff';
import { diffConfig, preview, type ConfigChange } from './diff';

interface Props {
  version: number;
  current: SettingsVersion;
  onClose: () => void;
}

/** An old version: what differs from the current rules, and its full content. */
export function VersionView({ version, current, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const v = useVersion(version);
  const changes = v.data ? diffConfig(v.data.config, current.config) : [];
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  // In words when that version still fits today's rules (a very old one may not: then field by field only).
  let words: string[] | null = null;
  try {
    words = v.data ? describeChanges(v.data.config, current.config).map((l) => l[lang]) : null;
  } catch {
    words = null;
  }
  return (
    <Modal
      open
      width={980}
      title={t('settings.versions.viewTitle', { version })}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      {v.isPending && <Spin />}
      {v.error && <Alert type="error" showIcon title={messageOf(v.error, i18n.language)} />}
      {v.data && (
        <div data-testid="version-view">
          <Typography.Paragraph type="secondary">
            {v.data.createdAt === null ? '—' : formatDateTime(v.data.createdAt)} ·{' '}
            {v.data.createdByName ?? t('settings.versions.system')}
            {v.data.note ? ` · ${v.data.note}` : ''}
          </Typography.Paragraph>
          <Typography.Title level={5}>
            {changes.length
              ? t('settings.versions.changes', { count: changes.length })
              : t('settings.versions.noChanges')}
          </Typography.Title>
          {words && words.length > 0 && (
            <ul data-testid="version-words" style={{ paddingInlineStart: 20 }}>
              {words.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          {changes.length > 0 && !words && (
            <Table<ConfigChange>
              size="small"
              rowKey="path"
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              dataSource={changes}
              data-testid="version-diff"
              columns={[
                {
                  title: t('settings.versions.path'),
                  dataIndex: 'path',
                  render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
                },
                {
                  title: t('settings.versions.thatVersion', { version }),
                  dataIndex: 'before',
                  render: (x: unknown) => <Typography.Text delete>{preview(x)}</Typography.Text>,
                },
                {
                  title: t('settings.versions.currentVersion'),
                  dataIndex: 'after',
                  render: (x: unknown) => <Typography.Text strong>{preview(x)}</Typography.Text>,
                },
              ]}
            />
          )}
          <Collapse
            style={{ marginTop: 12 }}
            items={[
              ...(words && changes.length > 0
                ? [
                    {
                      key: 'fields',
                      label: t('settings.versions.path'),
                      children: (
                        <ul style={{ margin: 0, fontSize: 12 }}>
                          {changes.map((c) => (
                            <li key={c.path}>
                              <Typography.Text code>{c.path}</Typography.Text> {preview(c.before)} →{' '}
                              {preview(c.after)}
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]
                : []),
              {
                key: 'json',
                label: t('settings.versions.fullJson'),
                children: (
                  <pre style={{ maxHeight: 400, overflow: 'auto', fontSize: 12, margin: 0 }}>
                    {JSON.stringify(v.data.config, null, 2)}
                  </pre>
                ),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
