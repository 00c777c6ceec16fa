import { InputNumber } from 'antd';
import { formatHhmm, type Roster } from '@shared/staffing';
import './staffing.css';

interface Props {
  starts: number[];
  queues: { key: string; label: string }[];
  roster: Roster;
  /** Editable when given. */
  onChange?: (interval: number, queue: string, value: number) => void;
  /** Cells that differ from this roster are marked (the recommendation against the grid). */
  compareTo?: Roster;
  testId: string;
  queueHeader: string;
}

/** Counters per queue (rows) and half hour (columns). Keyboard: Tab moves along a row. */
export function RosterGrid({ starts, queues, roster, onChange, compareTo, testId, queueHeader }: Props) {
  return (
    <div className="staffing-grid-wrap">
      <table className="staffing-grid" data-testid={testId}>
        <thead>
          <tr>
            <th className="staffing-grid-queue">{queueHeader}</th>
            {starts.map((s) => (
              <th key={s}>{formatHhmm(s)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => (
            <tr key={q.key}>
              <th className="staffing-grid-queue">{q.label}</th>
              {starts.map((s, i) => {
                const v = roster[i]?.[q.key] ?? 0;
                const diff = compareTo ? v - (compareTo[i]?.[q.key] ?? 0) : 0;
                const cls = diff > 0 ? 'more' : diff < 0 ? 'fewer' : '';
                return (
                  <td key={s} className={cls}>
                    {onChange ? (
                      <InputNumber
                        size="small"
                        min={0}
                        max={50}
                        controls={false}
                        value={v}
                        onChange={(x) => onChange(i, q.key, typeof x === 'number' ? x : 0)}
                        aria-label={`${q.label} ${formatHhmm(s)}`}
                        data-testid={`${testId}-${q.key}-${i}`}
                      />
                    ) : (
                      <span data-testid={`${testId}-${q.key}-${i}`}>{v}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
