import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELDS } from '@shared/import/headers';
import type { ImportKind } from '@shared/import/types';

export function FormatHelp({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
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
      {/* The owner columns name staff by username: say which staff and what an empty cell means. */}
      {kind === 'customers' && (
        <Typography.Text type="secondary">{t('dataImport.ownerNote')}</Typography.Text>
      )}
    </Space>
  );
}
