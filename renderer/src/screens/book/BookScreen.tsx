import {
  Alert,
  Badge,
  Button,
  Card,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BookRow, HitView, OutreachItem } from '@shared/api/outreach';
import { OUTREACH_RULE_KEYS, type OutreachRuleKey } from '@shared/outreach/config';
import { formatFen } from '@shared/money';
import { useMe } from '../../auth';
import { messageOf } from '../../api/client';
import { useBook, useOutreachList, useOwnerBooks } from '../../api/outreach';
import { useBilingual } from '../../lib/bilingual';
import { formatDate } from '../../lib/branchTime';
import { ContactDialog } from '../../widgets/outreach/ContactDialog';
import { UnownedPanel } from './UnownedPanel';
import { FiguresPanel } from './FiguresPanel';
import { HandoverPanel } from './HandoverPanel';
import { AssignOutreachBar } from './AssignOutreachBar';
import { searchRows } from './match';
import '../../widgets/outreach/text';
import './book.css';

const yuan = (fen: number) => formatFen(fen, { decimals: false });

function Reasons({ hits }: { hits: HitView[] }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  return (
    <div className="book-reasons">
      {hits.map((h) => (
        <div key={h.rule}>
          <Tag color={h.overdue ? 'red' : 'blue'}>{t(`outreach.rules.${h.rule}`)}</Tag>
          <span>{bi(h.reason)}</span>
        </div>
      ))}
    </div>
  );
}

interface Logging {
  customerId: string;
  name: string;
  rule: OutreachRuleKey | null;
  rules: OutreachRuleKey[];
}

/** 客户经营: the RM's book, today's outreach list (worked from here), the unowned customers and the figures. */
export default function BookScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const manager = me?.role === 'manager' || me?.role === 'admin';
  const [tab, setTab] = useState('list');
  const [scope, setScope] = useState<'mine' | 'all' | 'unassigned'>('mine');
  const [rule, setRule] = useState<OutreachRuleKey | undefined>(undefined);
  const [logging, setLogging] = useState<Logging | null>(null);
  // One search for the list and the book: a book is a few hundred customers, 20 a page.
  const [query, setQuery] = useState('');
  // The manager picks customers nobody owns (an owner's customers are always theirs) to give for outreach.
  const [picked, setPicked] = useState<string[]>([]);
  const picking = manager && scope !== 'mine';
  const book = useBook();
  const list = useOutreachList(scope, rule);
  // Customers held by a disabled account are nobody's: the manager sees how many holders from every tab.
  const stranded = (useOwnerBooks(manager).data?.books ?? []).filter((b) => !b.active).length;
  // A whole branch's list is tens of thousands of rows at a large branch: filtered when the words or the rows change.
  const listRows = useMemo(() => searchRows(list.data?.items ?? [], query), [list.data, query]);
  const bookRows = useMemo(() => searchRows(book.data?.rows ?? [], query), [book.data, query]);

  const who = (r: { customerId: string; name: string; customerNo: string; phoneMasked: string | null }) => (
    <div>
      <Button type="link" style={{ padding: 0 }} onClick={() => void navigate(`/customers/${r.customerId}`)}>
        {r.name}
      </Button>
      <div className="book-sub">
        {r.customerNo}
        {r.phoneMasked ? ` · ${r.phoneMasked}` : ''}
      </div>
    </div>
  );
  const dateOr = (ms: number | null, empty: string) => (ms ? formatDate(ms) : empty);
  const bi = useBilingual();
  const search = (
    <Input.Search
      allowClear
      style={{ width: 280 }}
      placeholder={t('outreach.search')}
      aria-label={t('outreach.search')}
      value={query}
      onChange={(e) => setQuery(e.target.value)}
    />
  );

  const bookTable = (
    <>
      <div style={{ marginBottom: 12 }}>{search}</div>
      <Table<BookRow>
        rowKey="customerId"
        size="middle"
        data-testid="book-table"
        dataSource={bookRows}
        loading={book.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        // The reasons need room: squeezed into what was left of 900 px they wrapped a character a line on a tablet.
        scroll={{ x: 1150 }}
        locale={{ emptyText: t('outreach.emptyBook') }}
        columns={[
          { title: t('outreach.col.customer'), key: 'who', render: (_, r) => who(r), width: 170 },
          {
            title: t('outreach.col.tier'),
            key: 'tier',
            width: 150,
            render: (_, r) => (
              <>
                <Tag color="magenta">{bi(r.tierLabel)}</Tag>
                {r.role === 'backup' && <Tag>{t('outreach.roleBackup')}</Tag>}
              </>
            ),
          },
          {
            title: t('outreach.col.balance'),
            key: 'aum',
            align: 'right',
            width: 130,
            render: (_, r) => yuan(r.aumFen),
          },
          {
            title: t('outreach.col.lastContact'),
            key: 'last',
            width: 110,
            render: (_, r) => dateOr(r.lastContactAt, t('outreach.never')),
          },
          {
            title: t('outreach.col.nextContact'),
            key: 'next',
            width: 110,
            render: (_, r) => (
              <span data-testid="book-next">{dateOr(r.nextContactAt, t('outreach.none'))}</span>
            ),
          },
          { title: t('outreach.col.followUps'), dataIndex: 'openFollowUps', width: 90, align: 'right' },
          {
            title: t('outreach.col.reasons'),
            key: 'hits',
            width: 380,
            render: (_, r) => <Reasons hits={r.hits} />,
          },
        ]}
      />
    </>
  );

  const listTable = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {manager && (
          <Segmented
            value={scope}
            onChange={(v) => {
              setScope(v as typeof scope);
              setPicked([]);
            }}
            options={(['mine', 'all', 'unassigned'] as const).map((k) => ({
              value: k,
              label: t(`outreach.scope.${k}`),
            }))}
          />
        )}
        <Select
          style={{ width: 180 }}
          value={rule ?? ''}
          onChange={(v) => setRule(v ? (v as OutreachRuleKey) : undefined)}
          data-testid="rule-filter"
          options={[
            { value: '', label: t('outreach.allRules') },
            ...OUTREACH_RULE_KEYS.map((k) => ({ value: k, label: t(`outreach.rules.${k}`) })),
          ]}
        />
        {search}
        {picking && <AssignOutreachBar selected={picked} onDone={() => setPicked([])} />}
      </Space>
      {list.error && <Alert type="warning" showIcon title={messageOf(list.error, i18n.language)} />}
      <Table<OutreachItem>
        rowKey="customerId"
        size="middle"
        data-testid="outreach-table"
        dataSource={listRows}
        loading={list.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('outreach.emptyList') }}
        rowClassName={(r) => (r.overdue ? 'book-row--overdue' : '')}
        rowSelection={
          picking
            ? {
                selectedRowKeys: picked,
                onChange: (k) => setPicked(k.map(String)),
                getCheckboxProps: (r) => ({ disabled: !!r.owner }),
              }
            : undefined
        }
        columns={[
          { title: t('outreach.col.customer'), key: 'who', render: (_, r) => who(r), width: 170 },
          {
            title: t('outreach.col.balance'),
            key: 'aum',
            align: 'right',
            width: 140,
            render: (_, r) => (
              <>
                <div>{yuan(r.aumFen)}</div>
                <Tag color="magenta">{bi(r.tierLabel)}</Tag>
              </>
            ),
          },
          { title: t('outreach.col.reasons'), key: 'hits', render: (_, r) => <Reasons hits={r.hits} /> },
          {
            title: t('outreach.col.due'),
            key: 'due',
            width: 110,
            render: (_, r) =>
              r.overdue ? <Tag color="red">{t('outreach.overdue')}</Tag> : formatDate(r.dueAt),
          },
          ...(manager
            ? [
                {
                  title: t('outreach.col.assignee'),
                  key: 'assignee',
                  width: 120,
                  render: (_: unknown, r: OutreachItem) => r.assignee?.name ?? t('outreach.none'),
                },
              ]
            : []),
          {
            title: t('outreach.col.action'),
            key: 'act',
            width: 150,
            // Kept in view on a tablet, where the table scrolls sideways.
            fixed: 'right' as const,
            render: (_, r) =>
              r.contactedToday ? (
                <Typography.Text type="secondary">
                  {t('outreach.contactedBy', { name: r.contactedToday.name })}
                </Typography.Text>
              ) : (
                <Button
                  type="primary"
                  data-testid={`log-${r.customerNo}`}
                  onClick={() =>
                    setLogging({
                      customerId: r.customerId,
                      name: r.name,
                      rule: r.hits[0]?.rule ?? null,
                      rules: r.hits.map((h) => h.rule),
                    })
                  }
                >
                  {t('outreach.log')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );

  return (
    <div className="book" data-testid="book">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('outreach.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('outreach.subtitle')}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'list', label: t('outreach.tabs.list'), children: listTable },
            { key: 'book', label: t('outreach.tabs.book'), children: bookTable },
            ...(manager
              ? [
                  { key: 'unowned', label: t('outreach.tabs.unowned'), children: <UnownedPanel /> },
                  {
                    key: 'handover',
                    label: (
                      <Badge count={stranded} size="small" offset={[8, -2]} data-testid="handover-badge">
                        {t('outreach.handover.tab')}
                      </Badge>
                    ),
                    children: <HandoverPanel />,
                  },
                ]
              : []),
            { key: 'figures', label: t('outreach.tabs.figures'), children: <FiguresPanel /> },
          ]}
        />
      </Card>
      {logging && (
        <ContactDialog
          customerId={logging.customerId}
          customerName={logging.name}
          rule={logging.rule}
          rules={logging.rules}
          onClose={() => setLogging(null)}
        />
      )}
    </div>
  );
}
