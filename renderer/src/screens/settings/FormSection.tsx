import { Form } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pathInWords } from '@shared/config/human-names';
import type { RulesConfig } from '@shared/config/schema';
import { getAt, isUnder, splitPath, type PathKey } from './paths';
import type { PendingChange } from './api';
import type { FieldIssue } from './issues';
import { SectionFrame } from './SectionFrame';
import { useSection } from './useSection';

interface Props {
  id: string;
  title: string;
  hint?: string;
  /** The config subtrees this section saves; form fields are named by their full path. */
  paths: readonly string[];
  config: RulesConfig;
  impact?: (change: PendingChange) => ReactNode;
  /** The fields; `issues` are the refused values (to open the list row a refusal is in). */
  children: (form: FormInstance, issues: readonly FieldIssue[]) => ReactNode;
}

/**
 * A section edited with an Ant Design form. Field names are full config paths
 * (`['customer', 'tiers', 2, 'minFen']`), so a refusal's path lands on its field as is.
 */
export function FormSection({ id, title, hint, paths, config, impact, children }: Props) {
  const { i18n } = useTranslation();
  const [form] = Form.useForm();
  const state = useSection(paths, () => {
    const values: unknown = form.getFieldsValue(true);
    return (p) => getAt(values, splitPath(p));
  });
  const marked = useRef<PathKey[][]>([]);
  const zh = !i18n.language.startsWith('en');
  useEffect(() => {
    const byPath = new Map<string, string[]>();
    for (const i of state.issues) {
      if (!i.path || !paths.some((p) => isUnder(i.path, p))) continue;
      byPath.set(i.path, [...(byPath.get(i.path) ?? []), zh ? i.zh : i.en]);
    }
    const next = [...byPath.keys()].map(splitPath);
    form.setFields([
      ...marked.current.map((name) => ({ name, errors: [] as string[] })),
      ...[...byPath.entries()].map(([p, errors]) => ({ name: splitPath(p), errors })),
    ]);
    marked.current = next;
  }, [state.issues, paths, form, zh]);
  return (
    <SectionFrame
      id={id}
      title={title}
      hint={hint}
      paths={paths}
      state={state}
      impact={impact}
      onReset={() => form.resetFields()}
      // Named by the values being saved, so a new row's refusal already says its name.
      pathText={(p) => pathInWords(form.getFieldsValue(true) as RulesConfig, p, zh ? 'zh' : 'en')}
    >
      <Form form={form} layout="vertical" initialValues={config} requiredMark={false}>
        {children(form, state.issues)}
      </Form>
    </SectionFrame>
  );
}
