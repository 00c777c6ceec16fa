import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '@shared/api/types';
import { routes } from '@shared/api/routes';
import { ApiFailure, call, messageOf } from '../api/client';
import type { InputRef } from 'antd';
import { sessionLock, type LockReason } from './lockStore';
import './lock.css';

interface Props {
  me: Me | null;
  reason: LockReason;
}

/**
 * Covers the whole app (opaque: customers' data may be on screen in a public lobby) until the same
 * person types their password. The screen underneath stays mounted, so nothing is lost.
 */
export function LockOverlay({ me, reason }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<InputRef>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Keys outside the lock card (F1 "call next" on the counter…) must not reach the screen underneath.
  useEffect(() => {
    const block = (e: KeyboardEvent) => {
      if (root.current?.contains(e.target as Node)) return;
      e.preventDefault();
      e.stopPropagation();
      input.current?.focus();
    };
    window.addEventListener('keydown', block, true);
    input.current?.focus();
    return () => window.removeEventListener('keydown', block, true);
  }, []);

  const unlock = async () => {
    if (!password || busy) return;
    setBusy(true);
    setError(null);
    try {
      await call(routes.session.unlock, { body: { password } }, { lockExempt: true });
      setPassword('');
      sessionLock.unlock();
    } catch (e) {
      setError(e);
      setPassword('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const switchUser = async () => {
    sessionLock.abandon();
    await call(routes.session.logout, {}, { lockExempt: true }).catch(() => undefined);
    qc.setQueryData(['me'], null);
    qc.clear();
    void navigate('/login');
  };

  const locked = error instanceof ApiFailure && (error.code === 'account_locked' || error.code === 'locked');
  return (
    <div
      ref={root}
      className="lock-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      data-testid="lock-overlay"
      // Typing here is for the password, not for the screen's shortcuts listening on window.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <Card className="lock-card">
        <svg className="lock-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden>
          <rect x="4" y="10" width="16" height="11" rx="2" fill="#b8102a" />
          <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="#b8102a" strokeWidth="2.2" />
          <circle cx="12" cy="15.5" r="1.6" fill="#fff" />
        </svg>
        <Typography.Title level={3} id="lock-title" style={{ marginTop: 0 }}>
          {t('lock.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {reason === 'idle' ? t('lock.idle') : t('lock.server')}
        </Typography.Paragraph>
        {me && (
          <Typography.Paragraph data-testid="lock-who" style={{ fontSize: 18 }}>
            {t('lock.who', { name: me.displayName, username: me.username })}
          </Typography.Paragraph>
        )}
        <Form onFinish={() => void unlock()} layout="vertical" requiredMark={false}>
          <Form.Item label={t('lock.password')}>
            <Input.Password
              ref={input}
              size="large"
              value={password}
              autoComplete="current-password"
              onChange={(e) => setPassword(e.target.value)}
              data-testid="lock-password"
              disabled={locked}
            />
          </Form.Item>
          {error !== null && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={messageOf(error, i18n.language)}
              data-testid="lock-error"
            />
          )}
          <Button
            type="primary"
            size="large"
            htmlType="submit"
            block
            loading={busy}
            disabled={!password || locked}
            data-testid="lock-submit"
          >
            {t('lock.unlock')}
          </Button>
        </Form>
        <Button
          type="link"
          style={{ padding: 0, marginTop: 12 }}
          onClick={() => void switchUser()}
          data-testid="lock-logout"
        >
          {t('lock.switchUser')}
        </Button>
      </Card>
    </div>
  );
}
