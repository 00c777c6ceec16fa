import { InputNumber } from 'antd';

interface Props {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  id?: string;
  'data-testid'?: string;
}

/** Money is kept in fen; staff type yuan. */
export function YuanInput({ value, onChange, id, ...rest }: Props) {
  return (
    <InputNumber<number>
      id={id}
      data-testid={rest['data-testid']}
      value={value === null || value === undefined ? null : value / 100}
      onChange={(y) => onChange?.(y === null ? null : Math.round(y * 100))}
      precision={2}
      step={10_000}
      style={{ width: '100%' }}
    />
  );
}
