import { InputNumber } from 'antd';

interface Props {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  id?: string;
  'data-testid'?: string;
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** ¥50,000 or ¥1,234.5: grouped, decimals only when there are some. */
export function formatYuan(v: string | number | undefined): string {
  if (v === undefined || v === '') return '';
  const [int = '', dec] = String(v).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  return `${sign}¥${group(int.replace('-', ''))}${dec && Number(dec) !== 0 ? `.${dec}` : ''}`;
}

export function parseYuan(s: string | undefined): number {
  const n = Number((s ?? '').replace(/[¥,\s]/g, ''));
  return Number.isFinite(n) ? n : 0;
}

/** Money is kept in fen; staff type yuan, shown as ¥50,000. */
export function YuanInput({ value, onChange, id, ...rest }: Props) {
  return (
    <InputNumber<number>
      id={id}
      data-testid={rest['data-testid']}
      value={value === null || value === undefined ? null : value / 100}
      onChange={(y) => onChange?.(y === null ? null : Math.round(y * 100))}
      formatter={formatYuan}
      parser={parseYuan}
      step={10_000}
      style={{ width: '100%' }}
    />
  );
}
