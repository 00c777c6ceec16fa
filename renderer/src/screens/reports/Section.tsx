import { Button, Card, Space } from 'antd';
import type { ReactNode } from 'react';
import type { ReportTable } from '@shared/api/dashboard';
import { routes } from '@shared/api/routes';
import { hrefOf } from '../../api/client';

/** A report block: its chart or table, and its export as a table (CSV / XLSX, masked, audited). */
export function Section({
  table,
  title,
  range,
  extra,
  children,
}: {
  table: ReportTable;
  title: string;
  range: { from: string; to: string };
  extra?: ReactNode;
  children: ReactNode;
}) {
  const link = (format: 'csv' | 'xlsx') =>
    hrefOf(routes.dashboard.exportTable, { params: { table }, query: { ...range, format } });
  return (
    <Card
      size="small"
      title={title}
      className="rep-section"
      data-testid={`rep-${table}`}
      extra={
        <Space size={4} className="rep-noprint">
          {extra}
          <Button size="small" href={link('csv')} data-testid={`rep-${table}-csv`}>
            CSV
          </Button>
          <Button size="small" href={link('xlsx')}>
            XLSX
          </Button>
        </Space>
      }
    >
      {children}
    </Card>
  );
}
