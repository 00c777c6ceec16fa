import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '@shared/api/types';
import { toHalfWidth } from '@shared/customer/typed-input';
import { ApiFailure, messageOf } from '../../api/client';
import { lookupCustomer } from '../../api/customers';
import { CustomerCard } from '../../components/CustomerCard';
import { CustomerBadge } from '../../components/CustomerBadge';
import { ProspectDialog } from '../../widgets/prospects/ProspectDialog';
import { isBurstKey, type TypedKey } from './key-burst';
import type { Visitor } from './visitor';

interface Props {
  /** A card swiped while another step had the focus: looked up at once. */
  initialQuery: string | null;
  visitor: Visitor | null;
  inputRef: Ref<InputRef>;
  /** `typed`: keys pressed while the lookup was on its way (a service and Enter, pressed in one movement). */
  onPick: (c: CustomerSummary, typed?: TypedKey[]) => void;
  onWalkIn: () => void;
  onReset: () => void;
  /** The walk-in's first chosen service, carried into a prospect's record. */
  intent?: string | null;
}

/** Step 1: who is this? An ID reader or card swipe types into the field and ends with Enter. */
export function IdentifyPanel({
  initialQuery,
  visitor,
  inputRef,
  onPick,
  onWalkIn,
  onReset,
  intent = null,
}: Props) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState(initialQuery ?? '');
  const [prospect, setProspect] = useState(false);
  // Keys pressed while a lookup is on its way: the service and Enter that follow the number in one movement. They
  // are not typed into the field (they would change the number); they go to the lobby once the customer is found,
  // and are dropped when nobody or several are (the screen then asks something else).
  // A ref, not the mutation's isPending: the key after Enter can come before React has rendered the pending state.
  const searching = useRef(false);
  const heldKeys = useRef<TypedKey[]>([]);
  const chosen = useRef(visitor !== null);
  useEffect(() => {
    chosen.current = visitor !== null;
  }, [visitor]);
  const lookup = useMutation({ mutationFn: (query: string) => lookupCustomer(query) });
  const search = (query: string) => {
    searching.current = true;
    heldKeys.current = [];
    // Per-call callbacks: they do not run once this panel is gone (Esc started over while the lookup was on its
    // way), so a late answer does not bring back the customer the lobby manager just left.
    lookup.mutate(query, {
      onSuccess: (r) => {
        // F3 (walk-in) pressed meanwhile is the lobby manager's choice: the late answer does not replace it.
        if (chosen.current) return;
        if (r.customers.length === 1 && r.customers[0]) onPick(r.customers[0], heldKeys.current);
      },
      onSettled: () => {
        searching.current = false;
        heldKeys.current = [];
      },
    });
  };
  const holdWhileSearching = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!searching.current || !isBurstKey(e.nativeEvent)) return;
    e.preventDefault();
    heldKeys.current.push({ key: e.key, at: e.timeStamp });
  };
  const searchSwiped = useEffectEvent((query: string) => search(query));
  useEffect(() => {
    if (initialQuery) searchSwiped(initialQuery);
  }, [initialQuery]);
  const notFound = lookup.error instanceof ApiFailure && lookup.error.code === 'customer_not_found';
  const many = !visitor && lookup.data && lookup.data.customers.length > 1 ? lookup.data.customers : null;

  if (visitor) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {visitor.kind === 'customer' ? (
          <CustomerCard c={visitor.customer} columns={2} />
        ) : (
          <Card data-testid="walk-in-card">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('lobby.walkInSelected')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('lobby.walkInHint')}</Typography.Text>
            <div style={{ marginTop: 12 }}>
              <Button onClick={() => setProspect(true)} data-testid="prospect-open">
                {t('prospects.leave')}
              </Button>
            </div>
            {prospect && <ProspectDialog intent={intent} onClose={() => setProspect(false)} />}
          </Card>
        )}
        <Button onClick={onReset}>{t('lobby.changeVisitor')}</Button>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Input.Search
        ref={inputRef}
        size="large"
        autoFocus
        allowClear
        data-testid="lobby-lookup"
        placeholder={t('lookup.placeholder')}
        enterButton={t('lookup.search')}
        value={q}
        loading={lookup.isPending}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={holdWhileSearching}
        onSearch={(v) => {
          // Enter again while the number is being looked up is held above, not a second search.
          if (searching.current) return;
          // The field shows what is searched: a full-width IME's `１３８…` as `138…`.
          const typed = toHalfWidth(v).trim();
          setQ(typed);
          if (typed) search(typed);
        }}
      />
      <Button size="large" block onClick={onWalkIn} data-testid="walk-in">
        {t('lobby.walkIn')} <kbd className="key">F3</kbd>
      </Button>
      {lookup.error && (
        <Alert
          type={notFound ? 'info' : 'warning'}
          showIcon
          data-testid="lobby-lookup-error"
          title={messageOf(lookup.error, i18n.language)}
        />
      )}
      {many && (
        <Card size="small" title={t('lobby.pickOne', { count: many.length })}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {many.map((c) => (
              <Button
                key={c.id}
                block
                size="large"
                onClick={() => onPick(c)}
                style={{ justifyContent: 'flex-start' }}
              >
                <span className="lobby-pick__name">{c.name}</span>
                <CustomerBadge c={c} />
                <Typography.Text type="secondary">
                  {c.customerNo} · {c.phoneMasked ?? '—'}
                </Typography.Text>
              </Button>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
