import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Input,
  Progress,
  Segmented,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultCustomerConfig } from '@shared/customer/config';
import { FIELDS } from '@shared/import/headers';
import { IMPORT_KINDS, type ImportIssue, type ImportJobView, type ImportKind } from '@shared/import/types';
import type { ImportRunView, ImportUploadQuery } from '@shared/api/imports';
import { routes } from '@shared/api/routes';
import { call, hrefOf, messageOf } from '../../api/client';
import { formatDateTime } from '../../lib/branchTime';
import { uploadImport } from './upload';
import './text';
import './import.css';

const PHASES = ['uploading', 'reading', 'checking', 'applying', 'done'] as const;
const TIER_ORDER = defaultCustomerConfig.tiers.map((t) => t.key as string);

function useJob(id: string | null) {
  return useQuery({
    queryKey: ['import-job', id],
    queryFn: () => call(routes.imports.job, { params: { id: id ?? '' } }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 400),
  });
}

/** 数据导入: the branch manager uploads a core-banking export, watches it being read, and gets the report. */
export default function ImportScreen() {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const qc = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [asOf, setAsOf] = useState('');
  const [uploading, setUploading] = useState<{ name: string; fraction: number } | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const abortUpload = useRef<(() => void) | null>(null);
  const job = useJob(jobId);
  const runs = useQuery({
    queryKey: ['import-runs'],
    queryFn: () => call(routes.imports.runs),
  });
  const j = job.data;
  const running = uploading !== null || j?.status === 'running';
  const finishedStatus = j && j.status !== 'running' ? j.status : null;
  useEffect(() => {
    if (finishedStatus) void qc.invalidateQueries({ queryKey: ['import-runs'] });
  }, [finishedStatus, qc]);

  const start = (file: File) => {
    setUploadError(null);
    setJobId(null);
    setUploading({ name: file.name, fraction: 0 });
    const q: ImportUploadQuery = {
      kind,
      fileName: file.name,
      ...(kind === 'holdings' && asOf ? { asOf } : {}),
    };
    const u = uploadImport(file, q, (fraction) => setUploading({ name: file.name, fraction }));
    abortUpload.current = u.abort;
    u.done
      .then((view) => {
        qc.setQueryData(['import-job', view.id], view);
        setJobId(view.id);
      })
      .catch((err: unknown) => setUploadError(err))
      .finally(() => {
        abortUpload.current = null;
        setUploading(null);
      });
  };

  const cancel = () => {
    if (abortUpload.current) abortUpload.current();
    else if (jobId) void call(routes.imports.cancel, { params: { id: jobId } }).then(() => job.refetch());
  };

  const phase = uploading ? 'uploading' : (j?.phase ?? 'uploading');
  // Where the steps stop: a rejected file never reached the write; a cancelled one stopped reading.
  const status = uploading ? 'running' : (j?.status ?? 'running');
  const step =
    status === 'rejected'
      ? PHASES.indexOf('checking')
      : status === 'cancelled'
        ? PHASES.indexOf('reading')
        : status === 'failed'
          ? PHASES.indexOf('applying')
          : PHASES.indexOf(phase);
  const stepStatus =
    status === 'applied' ? 'finish' : status === 'running' || status === 'queued' ? 'process' : 'error';
  const percent = uploading
    ? Math.round(uploading.fraction * 100)
    : j && j.bytesTotal > 0
      ? Math.min(100, Math.round((100 * j.bytesRead) / j.bytesTotal))
      : 0;

  const eta = (s: number) =>
    s < 60
      ? t('dataImport.seconds', { count: s })
      : t('dataImport.minutes', { m: Math.floor(s / 60), s: s % 60 });

  return (
    <Space
      direction="vertical"
      size="large"
      style={{ width: '100%', maxWidth: 1120 }}
      data-testid="import-screen"
    >
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('dataImport.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('dataImport.subtitle')}</Typography.Text>
      </div>

      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap size="large">
            <span>{t('dataImport.kind')}</span>
            <Segmented<ImportKind>
              data-testid="import-kind"
              value={kind}
              disabled={running}
              onChange={setKind}
              options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`dataImport.kinds.${k}`) }))}
            />
            {kind === 'holdings' && (
              <Space>
                <span>{t('dataImport.asOf')}</span>
                <Input
                  type="date"
                  value={asOf}
                  disabled={running}
                  onChange={(e) => setAsOf(e.target.value)}
                  style={{ width: 170 }}
                  data-testid="import-as-of"
                />
                <Typography.Text type="secondary">{t('dataImport.asOfHint')}</Typography.Text>
              </Space>
            )}
          </Space>
          <Upload.Dragger
            accept=".csv,.txt,.xlsx"
            multiple={false}
            showUploadList={false}
            disabled={running}
            beforeUpload={(file) => {
              start(file);
              return false;
            }}
            data-testid="import-drop"
          >
            <p className="ant-upload-drag-icon" aria-hidden>
              <svg
                viewBox="0 0 24 24"
                width="44"
                height="44"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
              >
                <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
              </svg>
            </p>
            <p className="ant-upload-text">{t('dataImport.drop')}</p>
            <p className="ant-upload-hint">{t('dataImport.dropHint')}</p>
          </Upload.Dragger>
        </Space>
      </Card>

      {uploadError !== null && (
        <Alert
          type="error"
          showIcon
          title={`${t('dataImport.uploadFailed')}：${messageOf(uploadError, i18n.language)}`}
        />
      )}

      {(uploading || j) && (
        <Card
          title={uploading?.name ?? j?.fileName}
          extra={
            running && (
              <Button
                danger
                onClick={cancel}
                disabled={!uploading && !j?.cancellable}
                data-testid="import-cancel"
              >
                {t('dataImport.cancel')}
              </Button>
            )
          }
          data-testid="import-progress"
        >
          <Steps
            size="small"
            current={step}
            status={stepStatus}
            items={PHASES.map((p) => ({ title: t(`dataImport.phases.${p}`) }))}
            style={{ marginBottom: 16 }}
          />
          {running && (
            <>
              <Progress
                percent={percent}
                status="active"
                strokeColor="#b8102a"
                data-testid="import-progress-bar"
                format={(p) => `${p ?? 0}%`}
              />
              <Space size="large" className="import-counters">
                <span data-testid="import-rows-read">
                  {t('dataImport.rowsRead', {
                    count: j?.rowsRead ?? 0,
                    n: (j?.rowsRead ?? 0).toLocaleString(),
                  })}
                </span>
                <span
                  data-testid="import-rows-rejected"
                  className={(j?.rejectedRows ?? 0) > 0 ? 'import-bad' : ''}
                >
                  {t('dataImport.rejected', {
                    count: j?.rejectedRows ?? 0,
                    n: (j?.rejectedRows ?? 0).toLocaleString(),
                  })}
                </span>
                {j?.phase === 'reading' && (
                  <span data-testid="import-eta">
                    {j.etaSeconds === null
                      ? t('dataImport.etaUnknown')
                      : t('dataImport.eta', { time: eta(j.etaSeconds) })}
                  </span>
                )}
              </Space>
            </>
          )}
          {j && !running && <ImportResult job={j} zh={zh} onAgain={() => setJobId(null)} />}
        </Card>
      )}

      <Card title={t('dataImport.history')} size="small">
        <Table<ImportRunView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={runs.data?.runs ?? []}
          data-testid="import-history"
          columns={[
            {
              title: t('dataImport.when'),
              dataIndex: 'finishedAt',
              render: (v: number) => formatDateTime(v),
              width: 170,
            },
            {
              title: t('dataImport.kind'),
              dataIndex: 'kind',
              render: (k: ImportKind) => t(`dataImport.kinds.${k}`),
              width: 130,
            },
            { title: t('dataImport.file'), dataIndex: 'fileName', ellipsis: true },
            {
              title: t('dataImport.rows'),
              dataIndex: 'rows',
              align: 'right',
              width: 90,
              render: (n: number) => n.toLocaleString(),
            },
            {
              title: t('dataImport.inserted'),
              dataIndex: 'inserted',
              align: 'right',
              width: 90,
              render: (n: number) => n.toLocaleString(),
            },
            {
              title: t('dataImport.updated'),
              dataIndex: 'updated',
              align: 'right',
              width: 90,
              render: (n: number) => n.toLocaleString(),
            },
            {
              title: t('dataImport.by'),
              dataIndex: 'staffName',
              width: 160,
              render: (v: string | null) => v ?? 'CLI',
            },
          ]}
        />
      </Card>

      <Collapse
        items={[
          {
            key: 'formats',
            label: t('dataImport.formats'),
            children: <FormatHelp kind={kind} />,
          },
        ]}
      />
    </Space>
  );
}

function ImportResult({ job, zh, onAgain }: { job: ImportJobView; zh: boolean; onAgain: () => void }) {
  const { t } = useTranslation();
  const s = job.summary;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-result">
      {job.status === 'applied' && s && (
        <Alert
          type="success"
          showIcon
          title={t('dataImport.applied', { rows: s.rows.toLocaleString() })}
          data-testid="import-applied"
        />
      )}
      {job.status === 'rejected' && s && (
        <Alert
          type="error"
          showIcon
          title={t('dataImport.rejectedTitle', { rows: s.rejectedRows, issues: s.issueCount })}
          data-testid="import-rejected"
        />
      )}
      {job.status === 'cancelled' && <Alert type="warning" showIcon title={t('dataImport.cancelled')} />}
      {job.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('dataImport.failed')}
          description={job.error ? (zh ? job.error.zh : job.error.en) : null}
        />
      )}
      {s && s.ignoredColumns.length > 0 && (
        <Typography.Text type="secondary">
          {t('dataImport.ignored', { list: s.ignoredColumns.join('、') })}
        </Typography.Text>
      )}
      {s && s.skippedTitleRows > 0 && (
        <Typography.Text type="secondary">
          {t('dataImport.titleRows', { count: s.skippedTitleRows })}
        </Typography.Text>
      )}
      {job.status === 'applied' && s && (
        <>
          <Space size={48} wrap>
            <Statistic title={t('dataImport.rows')} value={s.rows} />
            <Statistic title={t('dataImport.inserted')} value={s.inserted} />
            <Statistic title={t('dataImport.updated')} value={s.updated} />
            <Statistic title={t('dataImport.unchanged')} value={s.unchanged} />
            {s.stale > 0 && (
              <Statistic
                title={<span title={t('dataImport.staleHint')}>{t('dataImport.stale')}</span>}
                value={s.stale}
              />
            )}
          </Space>
          <TierTable before={s.tiersBefore} after={s.tiersAfter} moves={s.tierMoves} zh={zh} />
        </>
      )}
      {job.issueCount > 0 && <IssueTable job={job} zh={zh} />}
      <Button onClick={onAgain}>{t('dataImport.another')}</Button>
    </Space>
  );
}

function tierLabel(key: string, zh: boolean): string {
  const band = defaultCustomerConfig.tiers.find((b) => b.key === key);
  return band ? (zh ? band.zh : band.en) : key;
}

function TierTable({
  before,
  after,
  moves,
  zh,
}: {
  before: Record<string, number>;
  after: Record<string, number>;
  moves: Record<string, number>;
  zh: boolean;
}) {
  const { t } = useTranslation();
  const keys = [...new Set([...TIER_ORDER, ...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => (before[k] ?? 0) > 0 || (after[k] ?? 0) > 0,
  );
  const rows = keys.map((k) => ({ key: k, before: before[k] ?? 0, after: after[k] ?? 0 }));
  const moveList = Object.entries(moves).sort((a, b) => b[1] - a[1]);
  return (
    <Space align="start" size="large" wrap>
      <Table
        size="small"
        pagination={false}
        title={() => t('dataImport.tiers')}
        dataSource={rows}
        data-testid="import-tiers"
        columns={[
          {
            title: t('dataImport.tier'),
            dataIndex: 'key',
            render: (k: string) => tierLabel(k, zh),
            width: 140,
          },
          { title: t('dataImport.before'), dataIndex: 'before', align: 'right', width: 110 },
          { title: t('dataImport.after'), dataIndex: 'after', align: 'right', width: 110 },
          {
            title: t('dataImport.delta'),
            align: 'right',
            width: 100,
            render: (_: unknown, r: { before: number; after: number }) => {
              const d = r.after - r.before;
              return d === 0 ? '—' : <Tag color={d > 0 ? 'green' : 'orange'}>{d > 0 ? `+${d}` : d}</Tag>;
            },
          },
        ]}
      />
      {moveList.length > 0 && (
        <Table
          size="small"
          pagination={false}
          title={() => t('dataImport.moves')}
          dataSource={moveList.map(([m, n]) => ({ key: m, m, n }))}
          columns={[
            {
              title: t('dataImport.moves'),
              dataIndex: 'm',
              render: (m: string) => {
                const [a = '', b = ''] = m.split('>');
                return `${tierLabel(a, zh)} → ${tierLabel(b, zh)}`;
              },
              width: 220,
            },
            { title: '', dataIndex: 'n', align: 'right', width: 90 },
          ]}
        />
      )}
    </Space>
  );
}

function IssueTable({ job, zh }: { job: ImportJobView; zh: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={`${t('dataImport.issues')}（${job.issueCount}）`}
      extra={
        <Button
          type="primary"
          href={hrefOf(routes.imports.report, { params: { id: job.id } })}
          data-testid="import-report-download"
        >
          {t('dataImport.download')}
        </Button>
      }
    >
      <Table<ImportIssue>
        size="small"
        data-testid="import-issues"
        rowKey={(r) => `${r.line}-${r.field ?? ''}-${r.code}-${r.value ?? ''}`}
        dataSource={job.issues}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          {
            title: t('dataImport.line'),
            dataIndex: 'line',
            width: 80,
            render: (l: number) => (l > 0 ? l : '—'),
          },
          {
            title: t('dataImport.column'),
            width: 160,
            render: (_: unknown, r) => r.column ?? (r.field === null ? t('dataImport.fileLevel') : r.field),
          },
          { title: t('dataImport.reason'), render: (_: unknown, r) => (zh ? r.zh : r.en) },
          { title: t('dataImport.value'), dataIndex: 'value', width: 200, ellipsis: true },
        ]}
      />
    </Card>
  );
}

function FormatHelp({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={FIELDS[kind].map((f) => ({ ...f }))}
      columns={[
        {
          title: t('dataImport.fieldZh'),
          render: (_: unknown, f: (typeof FIELDS)[ImportKind][number]) => (
            <Space>
              {f.label.zh}
              {f.required && <Tag color="red">{t('dataImport.required')}</Tag>}
            </Space>
          ),
          width: 200,
        },
        {
          title: t('dataImport.fieldKey'),
          dataIndex: 'key',
          width: 180,
          render: (k: string) => <code>{k}</code>,
        },
        {
          title: t('dataImport.aliases'),
          render: (_: unknown, f: (typeof FIELDS)[ImportKind][number]) => f.aliases.join('、'),
        },
      ]}
    />
  );
}
