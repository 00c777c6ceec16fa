import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELDS } from '@shared/import/headers';
import type { ImportKind } from '@shared/import/types';

export function FormatHelp({ kind }: { kind: ImportKind }) {
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
