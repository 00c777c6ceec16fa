import { Button, Form, Input, Space, Table, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathKey } from '../paths';

export { noEmpty, noNull, rowsWithIssues } from './convert';

export type Lang = 'zh' | 'en';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'zh';
}

export const num = { style: { width: '100%' } } as const;

/** Options for a key list, labelled by their words in the language shown (keys stay the stored value). */
export function keyOptions<K extends string>(
  keys: readonly K[],
  label: (k: K) => string,
): { value: K; label: string }[] {
  return keys.map((k) => ({ value: k, label: label(k) }));
}

export interface ListColumn {
  title: ReactNode;
  width?: number | string;
  /** The cell of one row; `f.name` is the row's index in the list. */
  render: (f: FormListFieldData, i: number) => ReactNode;
}

interface ListTableProps {
  /** The list's full config path (e.g. ['triage', 'intents']). */
  name: PathKey[];
  columns: ListColumn[];
  /** What "add" appends. */
  newItem: () => unknown;
  addLabel: string;
  testId: string;
  /** Rows open to a fuller editor below them. */
  expand?: (f: FormListFieldData, i: number) => ReactNode;
  /** Rows shown opened (e.g. those with a refused value). */
  expanded?: number[];
  onExpand?: (rows: number[]) => void;
  /** Move up / down (lists whose order matters). */
  reorder?: boolean;
  minRows?: number;
  maxRows?: number;
  scrollX?: number;
  /**
   * Long lists (the product catalogue: dozens to hundreds of rows, each a row of inputs) show a page at a time: every
   * row rendered at once took seconds to open and to redraw after a save on a branch PC. Values off the page stay in
   * the form and are saved with it.
   */
  pageSize?: number;
  /** A row to show (the first with a refused value): its page is turned to. */
  focusRow?: number;
  /** A find box above the table: the rows it matches (by the row's stored values). */
  search?: { placeholder: string; match: (f: FormListFieldData, q: string) => boolean };
}

/** The 1-based page holding `row`. */
const pageOf = (row: number, size: number) => Math.floor(row / size) + 1;

/**
 * An editable list of a settings section as a table: one row per item, its fields in the cells, with add, remove
 * and (where order matters) move up / down. Cells name their fields relative to the row (`[f.name, 'zh']`).
 */
export function ListTable({
  name,
  columns,
  newItem,
  addLabel,
  testId,
  expand,
  expanded,
  onExpand,
  reorder = false,
  minRows = 0,
  maxRows,
  scrollX,
  pageSize,
  focusRow,
  search,
}: ListTableProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  // Turned to when the row to show changes (React's "adjust state when a prop changes": no effect, no extra paint).
  const [shownFocus, setShownFocus] = useState<number | undefined>(undefined);
  if (focusRow !== shownFocus) {
    setShownFocus(focusRow);
    if (focusRow !== undefined && pageSize) {
      setQ('');
      setPage(pageOf(focusRow, pageSize));
    }
  }
  // Wide enough for the word in either language ("删除" / "Remove" at the small button's padding): a clipped
  // word on the pinned column read as a broken table at 1366 in English. A word, not an icon: clearer to a manager.
  const removeWidth = useLang() === 'en' ? 90 : 64;
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => {
        const query = q.trim();
        const shown = search && query ? fields.filter((f) => search.match(f, query)) : fields;
        const paged = pageSize !== undefined && shown.length > pageSize;
        const current = paged ? Math.min(page, Math.ceil(shown.length / pageSize)) : 1;
        // A moved row stays in sight when it crosses to the next or the previous page.
        const moveTo = (from: number, to: number) => {
          move(from, to);
          if (pageSize) setPage(pageOf(to, pageSize));
        };
        return (
          <div data-testid={testId}>
            {search && (
              <Input
                allowClear
                value={q}
                onChange={(e) => {
                  setQ(e.target.value);
                  setPage(1);
                }}
                placeholder={search.placeholder}
                aria-label={search.placeholder}
                style={{ maxWidth: 360, marginBottom: 8 }}
                data-testid={`${testId}-search`}
              />
            )}
            <Table<FormListFieldData>
              size="small"
              pagination={
                paged
                  ? {
                      current,
                      pageSize,
                      onChange: setPage,
                      showSizeChanger: false,
                      size: 'small',
                      total: shown.length,
                    }
                  : false
              }
              rowKey="key"
              dataSource={shown}
              scroll={scrollX ? { x: scrollX } : undefined}
              // f.name, not the row's place on the page: the row's index in the whole list.
              onRow={(f) => ({ 'data-testid': `${testId}-row-${f.name}` }) as object}
              expandable={
                expand
                  ? {
                      expandedRowRender: (f) => expand(f, f.name),
                      expandedRowKeys: expanded?.map((i) => fields[i]?.key ?? -1),
                      onExpandedRowsChange: (keys) =>
                        onExpand?.(
                          keys.map((k) => fields.findIndex((f) => f.key === k)).filter((i) => i >= 0),
                        ),
                    }
                  : undefined
              }
              columns={[
                {
                  key: '#',
                  title: '#',
                  width: 44,
                  render: (_v, f) => <Typography.Text type="secondary">{f.name + 1}</Typography.Text>,
                },
                ...columns.map((c, n) => ({
                  key: String(n),
                  title: c.title,
                  width: c.width,
                  render: (_v: unknown, f: FormListFieldData) => c.render(f, f.name),
                })),
                {
                  key: 'actions',
                  title: '',
                  width: (reorder ? 66 : 0) + removeWidth,
                  // Pinned when the table scrolls sideways: the buttons stay in reach, and an opened row's editor
                  // keeps to the visible width (the table makes it sticky once a column is fixed).
                  fixed: scrollX ? ('right' as const) : undefined,
                  render: (_v, f) => (
                    <Space size={2}>
                      {reorder && (
                        <>
                          <Button
                            size="small"
                            disabled={f.name === 0}
                            onClick={() => moveTo(f.name, f.name - 1)}
                            aria-label={t('settings.moveUp')}
                            title={t('settings.moveUp')}
                          >
                            ↑
                          </Button>
                          <Button
                            size="small"
                            disabled={f.name === fields.length - 1}
                            onClick={() => moveTo(f.name, f.name + 1)}
                            aria-label={t('settings.moveDown')}
                            title={t('settings.moveDown')}
                          >
                            ↓
                          </Button>
                        </>
                      )}
                      <Button
                        size="small"
                        danger
                        type="text"
                        disabled={fields.length <= minRows}
                        onClick={() => remove(f.name)}
                        data-testid={`${testId}-remove-${f.name}`}
                      >
                        {t('settings.remove')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
            <Button
              style={{ marginTop: 8 }}
              onClick={() => {
                add(newItem());
                // The new row is the last: show it (and not a search that would hide it).
                setQ('');
                if (pageSize) setPage(pageOf(fields.length, pageSize));
              }}
              disabled={maxRows !== undefined && fields.length >= maxRows}
              data-testid={`${testId}-add`}
            >
              {addLabel}
            </Button>
          </div>
        );
      }}
    </Form.List>
  );
}

/** A cell's field: no label, no bottom margin, the refusal shown under it in words. */
export const cell = { style: { marginBottom: 0 } } as const;

/** A key / 中文 / English row, the shape of most labelled lists. */
export function labelledColumns(t: (k: string) => string, prefix: string): ListColumn[] {
  return [
    {
      title: t('settings.f.key'),
      width: 170,
      render: (f: { name: number }) => (
        <Form.Item name={[f.name, 'key']} {...cell}>
          <Input data-testid={`${prefix}-key-${f.name}`} />
        </Form.Item>
      ),
    },
    {
      title: t('settings.f.nameZh'),
      render: (f: { name: number }) => (
        <Form.Item name={[f.name, 'zh']} {...cell}>
          <Input data-testid={`${prefix}-zh-${f.name}`} />
        </Form.Item>
      ),
    },
    {
      title: t('settings.f.nameEn'),
      render: (f: { name: number }) => (
        <Form.Item name={[f.name, 'en']} {...cell}>
          <Input />
        </Form.Item>
      ),
    },
  ];
}
