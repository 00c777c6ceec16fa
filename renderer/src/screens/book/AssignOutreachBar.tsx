import { Alert, Button, Select, Space, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { useAssignOutreach, useOwnerCandidates } from '../../api/outreach';

/**
 * The manager's side of 今日联络名单: customers nobody owns are given to an RM (or a manager) to contact. The route
 * existed from Step 14 with no screen, so the 未分配 view listed work nobody could hand out.
 */
export function AssignOutreachBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const assign = useAssignOutreach();
  const [to, setTo] = useState<string | undefined>();
  const people = useOwnerCandidates().map((s) => ({ value: s.id, label: s.displayName }));
  const submit = () =>
    to &&
    assign.mutate(
      { customerIds: selected, assigneeId: to },
      {
        onSuccess: (r) => {
          const name = people.find((p) => p.value === to)?.label ?? '';
          void message.success(t('outreach.assignList.done', { n: r.assigned, name }));
          onDone();
        },
      },
    );
  return (
    <>
      <Space wrap>
        <Select
          style={{ width: 200 }}
          placeholder={t('outreach.assignList.to')}
          options={people}
          value={to}
          onChange={setTo}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="assign-list-to"
        />
        <Button
          disabled={!to || selected.length === 0}
          loading={assign.isPending}
          onClick={submit}
          data-testid="assign-list-ok"
        >
          {t('outreach.assignList.selected', { n: selected.length })}
        </Button>
      </Space>
      {assign.error && <Alert type="error" showIcon title={messageOf(assign.error, i18n.language)} />}
    </>
  );
}
