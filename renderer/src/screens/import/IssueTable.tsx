import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import type { ImportIssue, ImportJobView } from '@shared/import/types';
import { hrefOf } from '../../api/client';

export function IssueTable({ job, zh }: { job: ImportJobView; zh: boolean }) {
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
