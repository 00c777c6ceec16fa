import { Alert, Button, Input } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { getAt, splitPath } from './paths';
import type { PendingChange } from './api';
import { SectionFrame } from './SectionFrame';
import { useSection } from './useSection';

interface Props {
  id: string;
  title: string;
  /** One path: the editor holds that value. Several: an object keyed by each path's last part. */
  paths: readonly string[];
  config: RulesConfig;
  impact?: (change: PendingChange) => ReactNode;
}

const lastKey = (p: string) => p.slice(p.lastIndexOf('.') + 1);

function sliceOf(config: RulesConfig, paths: readonly string[]): unknown {
  if (paths.length === 1) return getAt(config, splitPath(paths[0] as string));
  return Object.fromEntries(paths.map((p) => [lastKey(p), getAt(config, splitPath(p))]));
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Rules too rich for a form (triage rules, intents, products, campaigns) as JSON, checked with the
 * shared schema before sending; a refusal names the field path.
 */
export function JsonSection({ id, title, paths, config, impact }: Props) {
  const { t } = useTranslation();
  const initial = useMemo(() => JSON.stringify(sliceOf(config, paths), null, 2), [config, paths]);
  const [text, setText] = useState(initial);
  const parsed = useMemo(() => parse(text), [text]);
  const state = useSection(paths, () => {
    const value = parsed.ok ? parsed.value : undefined;
    return (p) =>
      paths.length === 1
        ? value
        : value && typeof value === 'object'
          ? (value as Record<string, unknown>)[lastKey(p)]
          : undefined;
  });
  return (
    <SectionFrame
      id={id}
      title={title}
      hint={t('settings.hints.json')}
      paths={paths}
      state={state}
      impact={impact}
      canSave={parsed.ok}
      onReset={() => setText(initial)}
    >
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 32 }}
        spellCheck={false}
        data-testid={`json-${id}`}
        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}
      />
      {!parsed.ok && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('settings.json.invalid', { message: parsed.message })}
        />
      )}
      <Button
        size="small"
        style={{ marginTop: 8 }}
        disabled={!parsed.ok}
        onClick={() => parsed.ok && setText(JSON.stringify(parsed.value, null, 2))}
      >
        {t('settings.json.format')}
      </Button>
    </SectionFrame>
  );
}
