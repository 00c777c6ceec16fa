import { useQuery } from '@tanstack/react-query';
import { Alert, Input, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { messageOf } from '../../api/client';
import { lookupCustomer } from '../../api/customers';
import { CustomerCard } from '../../components/CustomerCard';
import { useHotkeys } from '../../hooks/useHotkeys';

export default function LookupScreen() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const input = useRef<InputRef>(null);
  const navigate = useNavigate();
  const open = (id: string) => void navigate(`/customers/${encodeURIComponent(id)}`);
  const result = useQuery({
    queryKey: ['lookup', submitted],
    queryFn: () => lookupCustomer(submitted ?? ''),
    enabled: submitted !== null,
    retry: false,
  });

  const first = result.data?.customers[0];
  useHotkeys({ F2: () => first && open(first.id) });

  // The field keeps focus so the next swipe or scan goes straight in.
  useEffect(() => {
    if (!result.isFetching) input.current?.focus();
  }, [result.isFetching]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <div>
        <Input.Search
          ref={input}
          size="large"
          autoFocus
          allowClear
          data-testid="lookup-input"
          placeholder={t('lookup.placeholder')}
          enterButton={t('lookup.search')}
          value={q}
          loading={result.isFetching}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => {
            const trimmed = v.trim();
            if (trimmed) setSubmitted(trimmed);
          }}
        />
        <Typography.Text type="secondary">{t('lookup.hint')}</Typography.Text>
      </div>
      {result.error && (
        <Alert
          type="warning"
          showIcon
          title={messageOf(result.error, i18n.language)}
          data-testid="lookup-error"
        />
      )}
      {result.data && (
        <>
          <Typography.Text>
            {t('lookup.results', { count: result.data.customers.length })}
            <Typography.Text type="secondary"> · {t('lookup.openHint')}</Typography.Text>
          </Typography.Text>
          {result.data.customers.map((c) => (
            <CustomerCard key={c.id} c={c} onOpen={() => open(c.id)} />
          ))}
        </>
      )}
    </Space>
  );
}
