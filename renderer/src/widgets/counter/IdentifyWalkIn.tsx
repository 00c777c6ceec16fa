import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/api/queue';
import type { CustomerSummary } from '@shared/api/types';
import { toHalfWidth } from '@shared/customer/typed-input';
import { ApiFailure, messageOf } from '../../api/client';
import { lookupCustomer } from '../../api/customers';
import { identifyTicket } from '../../api/queue';
import { CustomerBadge } from '../../components/CustomerBadge';
import { CustomerCard } from '../../components/CustomerCard';
import { useHotkeys } from '../../hooks/useHotkeys';
import './identify-text';

/** The key that starts identifying the walk-in in front of the counter (F1–F7 are the ticket's). */
export const IDENTIFY_KEY = 'F8';

interface Props {
  ticket: TicketView;
  counterId: string | null;
  keysEnabled: boolean;
  /** While the look-up is open the counter's own keys wait (typing an ID must not finish the visit). */
  onOpenChange: (open: boolean) => void;
}

/**
 * 识别客户: the walk-in served anonymously is identified during the visit (after opening an account, or once the
 * ID is checked). The look-up takes what the lobby's does (ID or card reader, phone, customer number, full-width
 * digits), the teller confirms the one customer, and the ticket becomes theirs: the profile, tier, holdings and
 * suggestions appear, and the outcomes recorded from then on are theirs.
 */
export function IdentifyWalkIn({ ticket, counterId, keysEnabled, onOpenChange }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<CustomerSummary | null>(null);
  const inputRef = useRef<InputRef>(null);
  const lookup = useMutation({
    mutationFn: (query: string) => lookupCustomer(query),
    onSuccess: (r) => setPicked(r.customers.length === 1 ? (r.customers[0] ?? null) : null),
  });
  const attach = useMutation({
    mutationFn: (c: CustomerSummary) => identifyTicket(ticket.id, c.id, counterId),
    onSuccess: (view, c) => {
      qc.setQueryData(['ticket', view.id], view);
      void message.success(t('identifyWalkIn.done', { name: c.name }));
      setOpen(false);
      // The confirm button sat low on the page: back to the top, where the ticket and the customer's name are.
      window.scrollTo({ top: 0 });
    },
  });

  const start = () => {
    setOpen(true);
    setPicked(null);
    lookup.reset();
    attach.reset();
    // Focus even when already open: F8 again goes back to the field.
    setTimeout(() => inputRef.current?.focus(), 0);
  };
  const cancel = () => {
    setOpen(false);
    setQ('');
    setPicked(null);
  };
  useEffect(() => onOpenChange(open), [open, onOpenChange]);
  useEffect(() => () => onOpenChange(false), [onOpenChange]);
  useHotkeys({ [IDENTIFY_KEY]: start, ...(open ? { Escape: cancel } : {}) }, keysEnabled);

  const notFound = lookup.error instanceof ApiFailure && lookup.error.code === 'customer_not_found';
  const many = !picked && lookup.data && lookup.data.customers.length > 1 ? lookup.data.customers : null;

  return (
    <Card size="small" className="counter-identify" data-testid="identify-walk-in">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div className="counter-identify__head">
          <div>
            <Typography.Text strong>{t('identifyWalkIn.title')}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{t('identifyWalkIn.hint')}</Typography.Text>
            </div>
          </div>
          {!open && (
            <Button size="large" onClick={start} data-testid="identify-open">
              {t('identifyWalkIn.open')}
              <kbd className="key">{IDENTIFY_KEY}</kbd>
            </Button>
          )}
        </div>
        {open && (
          <Input.Search
            ref={inputRef}
            size="large"
            autoFocus
            allowClear
            data-testid="identify-lookup"
            placeholder={t('identifyWalkIn.placeholder')}
            enterButton={t('lookup.search')}
            value={q}
            loading={lookup.isPending}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => {
              // As in the lobby: a full-width IME's `１３８…` is searched, and shown, as `138…`.
              const typed = toHalfWidth(v).trim();
              setQ(typed);
              setPicked(null);
              attach.reset();
              if (typed) lookup.mutate(typed);
            }}
          />
        )}
        {open && lookup.error && (
          <Alert
            type={notFound ? 'info' : 'warning'}
            showIcon
            data-testid="identify-lookup-error"
            title={messageOf(lookup.error, i18n.language)}
          />
        )}
        {open && many && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="identify-many">
            <Typography.Text>{t('identifyWalkIn.pickOne', { count: many.length })}</Typography.Text>
            {many.map((c) => (
              <Button
                key={c.id}
                block
                size="large"
                onClick={() => setPicked(c)}
                style={{ justifyContent: 'flex-start' }}
              >
                <span className="counter-identify__name">{c.name}</span>
                <CustomerBadge c={c} />
                <Typography.Text type="secondary">
                  {c.customerNo} · {c.phoneMasked ?? '—'}
                </Typography.Text>
              </Button>
            ))}
          </Space>
        )}
        {open && picked && (
          <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="identify-picked">
            <CustomerCard c={picked} columns={2} />
            {attach.error && (
              <Alert
                type="error"
                showIcon
                data-testid="identify-error"
                title={messageOf(attach.error, i18n.language)}
              />
            )}
            <Space wrap>
              <Button
                type="primary"
                size="large"
                autoFocus
                loading={attach.isPending}
                onClick={() => attach.mutate(picked)}
                data-testid="identify-confirm"
              >
                {t('identifyWalkIn.confirm')}
                <kbd className="key key--light">Enter</kbd>
              </Button>
              <Button size="large" onClick={cancel}>
                {t('identifyWalkIn.cancel')}
                <kbd className="key">Esc</kbd>
              </Button>
            </Space>
            <Typography.Text type="secondary">{t('identifyWalkIn.confirmHint')}</Typography.Text>
          </Space>
        )}
      </Space>
    </Card>
  );
}
