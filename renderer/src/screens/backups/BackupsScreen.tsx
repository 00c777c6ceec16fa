import { Alert, Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import type { BackupFile } from '@shared/backup/schedule';
import { call, messageOf } from '../../api/client';
import { RestoreDialog, RestoreState } from './RestoreParts';
import './text';
import { localeOf } from '../../i18n/locale';

const KEY = ['backups'];

function size(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(2)} GB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

/** 数据备份: the hub's daily database copies, a copy now with its progress, and how to restore one. */
export default function BackupsScreen() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: KEY,
    queryFn: () => call(routes.backups.status),
    // Progress while a copy runs; otherwise the schedule's copies show within a minute.
    refetchInterval: (query) => (query.state.data?.running ? 500 : 60_000),
  });
  const start = useMutation({
    mutationFn: () => call(routes.backups.start),
    onSuccess: (s) => qc.setQueryData(KEY, s),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const [restoring, setRestoring] = useState<string | null>(null);
  const s = q.data;
  const lang = i18n.language;
  const when = (at: number) => new Date(at).toLocaleString(localeOf(lang));
  return (
    <Space
      orientation="vertical"
      size="large"
      style={{ width: '100%', maxWidth: 1000 }}
      data-testid="backups-screen"
    >
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('backups.title')}
        </Typography.Title>
        {s && s.available && (
          <Typography.Paragraph type="secondary" data-testid="backups-schedule" style={{ marginBottom: 0 }}>
            {s.enabled ? t('backups.schedule', { hour: s.hour, keep: s.keep }) : t('backups.scheduleOff')}{' '}
            {t('backups.scheduleWhere')}
          </Typography.Paragraph>
        )}
      </div>
      {q.error && <Alert type="error" showIcon title={messageOf(q.error, lang)} />}
      {s && !s.available && <Alert type="info" showIcon title={t('backups.notHub')} />}
      {s && s.available && (
        <>
          <RestoreState s={s} when={when} />
          <Card title={t('backups.dir')}>
            <Typography.Paragraph copyable code data-testid="backups-dir">
              {s.dir}
            </Typography.Paragraph>
            {s.freeBytes !== null && (
              <Typography.Paragraph data-testid="backups-free">
                {t('backups.free', { free: size(s.freeBytes), keep: size(s.minFreeMb * 1024 * 1024) })}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph type="secondary">{t('backups.dirHint')}</Typography.Paragraph>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button
                type="primary"
                data-testid="backup-now"
                loading={start.isPending}
                disabled={s.running !== null}
                onClick={() => start.mutate()}
              >
                {t('backups.now')}
              </Button>
              {start.error && <Alert type="error" showIcon title={messageOf(start.error, lang)} />}
              {s.running && (
                <div data-testid="backup-running">
                  <Typography.Text>
                    {t('backups.running', { done: size(s.running.done), total: size(s.running.total) })}
                  </Typography.Text>
                  <Progress
                    percent={s.running.total ? Math.floor((100 * s.running.done) / s.running.total) : 0}
                  />
                  <Typography.Text type="secondary">{t('backups.runningHint')}</Typography.Text>
                </div>
              )}
              {!s.running && s.lastDone && (
                <Alert
                  type="success"
                  showIcon
                  data-testid="backup-done"
                  title={t('backups.lastDone', {
                    name: s.lastDone.name,
                    size: size(s.lastDone.bytes),
                    seconds: s.lastDone.seconds,
                  })}
                />
              )}
              {s.lastError && (
                <Alert
                  type="error"
                  showIcon
                  data-testid="backup-failed"
                  title={t('backups.failed', { at: when(s.lastError.at), message: s.lastError.message })}
                />
              )}
            </Space>
          </Card>
          <Card title={t('backups.files')}>
            <Table<BackupFile>
              data-testid="backup-files"
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={s.files}
              locale={{ emptyText: t('backups.empty') }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('backups.when'), key: 'when', render: (_, f) => `${f.day} ${f.time}` },
                { title: t('backups.name'), dataIndex: 'name' },
                { title: t('backups.size'), key: 'size', align: 'right', render: (_, f) => size(f.bytes) },
                {
                  title: '',
                  key: 'restore',
                  align: 'right',
                  render: (_, f) => (
                    <Button
                      size="small"
                      onClick={() => setRestoring(f.name)}
                      data-testid={`restore-${f.name}`}
                    >
                      {t('backups.restoreThis')}
                    </Button>
                  ),
                },
              ]}
            />
            <RestoreDialog name={restoring} onClose={() => setRestoring(null)} />
          </Card>
          <Card title={t('backups.restoreTitle')}>
            <Typography.Paragraph>{t('backups.restoreInApp')}</Typography.Paragraph>
            <Typography.Paragraph>{t('backups.restore')}</Typography.Paragraph>
            <Typography.Paragraph>{t('backups.restoreDesktop')}</Typography.Paragraph>
            <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
              {t('backups.keyNote')}
            </Typography.Paragraph>
          </Card>
        </>
      )}
    </Space>
  );
}
