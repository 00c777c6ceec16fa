import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRunView } from '@shared/api/imports';
import type { ImportKind } from '@shared/import/types';
import { formatDateTime } from '../../lib/branchTime';

/** Applied imports, newest first. */
export function ImportHistory({ runs }: { runs: ImportRunView[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('dataImport.history')} size="small">
      <Table<ImportRunView>
        size="small"
        rowKey="id"
        pagination={false}
        // On a tablet the fixed columns are wider than the card: the table scrolls inside it instead of spilling out.
        scroll={{ x: 'max-content' }}
        dataSource={runs}
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
            render: (v: string | null) => v ?? t('dataImport.byCli'),
          },
        ]}
      />
    </Card>
  );
}
