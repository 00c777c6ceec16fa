import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingChange } from './api';
import { ConfirmSave } from './ConfirmSave';
import { Impact } from './Impact';
import { OriginTag } from './OriginTag';
import { isUnder } from './paths';
import type { SectionState } from './useSection';

interface Props {
  id: string;
  title: string;
  hint?: string;
  paths: readonly string[];
  state: SectionState;
  canSave?: boolean;
  onReset?: () => void;
  /** The impact of the change about to be saved, shown in the confirmation. */
  impact?: (change: PendingChange) => ReactNode;
  /** A refused value's place in words (forms); without it the config path is shown (the JSON editors). */
  pathText?: (path: string) => string;
  children: ReactNode;
}

/** One settings section: its fields, the refused values (path and reason), and "save as a new version". */
export function SectionFrame({
  id,
  title,
  hint,
  paths,
  state,
  canSave = true,
  onReset,
  impact,
  pathText,
  children,
}: Props) {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const inSection = (p: string) => paths.some((prefix) => isUnder(p, prefix));
  return (
    <Card title={title} extra={<OriginTag paths={paths} />} data-testid={`section-${id}`}>
      {hint && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {hint}
        </Typography.Paragraph>
      )}
      {children}
      {state.issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="section-issues"
          title={state.refusedBy === 'server' ? t('settings.refusedServer') : t('settings.refused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {state.issues.map((i, n) => (
                <li key={n} data-testid="issue">
                  {pathText ? (
                    <Typography.Text strong data-testid="issue-path">
                      {(i.path && pathText(i.path)) || '—'}
                    </Typography.Text>
                  ) : (
                    <Typography.Text code data-testid="issue-path">
                      {i.path || '—'}
                    </Typography.Text>
                  )}{' '}
                  {zh ? i.zh : i.en}
                  {i.path && !inSection(i.path) && (
                    <Typography.Text type="secondary"> {t('settings.otherSection')}</Typography.Text>
                  )}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {state.error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={state.error} />}
      {/* Two block rows: side by side (both inline-flex) the time label touched the save button on a wide screen. */}
      <Space.Compact block style={{ maxWidth: 720, marginTop: 20 }}>
        <Space.Addon>{t('settings.note')}</Space.Addon>
        <Input
          status={state.noteMissing ? 'error' : undefined}
          value={state.note}
          onChange={(e) => state.setNote(e.target.value)}
          onPressEnter={() => canSave && state.save()}
          placeholder={state.note ? undefined : t('settings.notePlaceholder')}
          maxLength={200}
          data-testid={`note-${id}`}
        />
        <Button
          type="primary"
          onClick={state.save}
          loading={state.saving}
          disabled={!canSave}
          data-testid={`save-${id}`}
        >
          {t('settings.save')}
        </Button>
      </Space.Compact>
      <Space style={{ display: 'flex', marginTop: 12 }} size={[12, 8]} wrap>
        <Typography.Text type="secondary">{t('settings.effectiveAt')}</Typography.Text>
        <Input
          type="datetime-local"
          value={state.effectiveAt}
          onChange={(e) => state.setEffectiveAt(e.target.value)}
          style={{ width: 220 }}
          data-testid={`effective-${id}`}
        />
        {onReset && (
          <Button type="link" onClick={onReset}>
            {t('settings.reset')}
          </Button>
        )}
      </Space>
      {state.noteMissing && (
        <Typography.Text
          type="danger"
          style={{ display: 'block', marginTop: 4 }}
          data-testid={`note-missing-${id}`}
        >
          {t('settings.noteRequired')}
        </Typography.Text>
      )}
      {state.pending && (
        <ConfirmSave
          change={state.pending}
          note={state.note}
          saving={state.saving}
          impact={impact ? impact(state.pending) : <Impact change={state.pending} />}
          onConfirm={state.confirm}
          onCancel={state.cancel}
        />
      )}
    </Card>
  );
}
