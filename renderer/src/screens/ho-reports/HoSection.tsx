import { App, Button, Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoHistoryQuery, HoHistoryTable } from '@shared/api/headoffice-history';
import { messageOf } from '../../api/client';
import { downloadTable } from './hoApi';

/** A block of the head office's report with its table as CSV / XLSX (masked by the server). */
export function HoSection({
  table,
  title,
  query,
  adminKey,
  extra,
  children,
}: {
  table: HoHistoryTable;
  title: string;
  query: HoHistoryQuery;
  adminKey: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const get = (format: 'csv' | 'xlsx') =>
    downloadTable(adminKey, table, query, format).catch((e: unknown) =>
      message.error(t('hoRep.download', { msg: messageOf(e, i18n.language) })),
    );
  return (
    <Card
      size="small"
      title={title}
      className="rep-section"
      data-testid={`ho-${table}`}
      extra={
        <Space size={4} className="rep-noprint">
          {extra}
          <Button size="small" onClick={() => void get('csv')} data-testid={`ho-${table}-csv`}>
            CSV
          </Button>
          <Button size="small" onClick={() => void get('xlsx')}>
            XLSX
          </Button>
        </Space>
      }
    >
      {children}
    </Card>
  );
}
