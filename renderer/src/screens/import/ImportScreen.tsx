import { Alert, Collapse, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '@shared/import/types';
import { messageOf } from '../../api/client';
import { FormatHelp } from './FormatHelp';
import { ImportHistory } from './ImportHistory';
import { ImportPicker } from './ImportPicker';
import { ImportProgressCard } from './ImportProgressCard';
import { useImport, useImportRuns } from './useImport';
import './text';
import './import.css';

/** 数据导入: the branch manager uploads a core-banking export, watches it being read, and gets the report. */
export default function ImportScreen() {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const [kind, setKind] = useState<ImportKind>('customers');
  const [asOf, setAsOf] = useState('');
  const imp = useImport(kind, asOf);
  const j = imp.job;
  const runs = useImportRuns(j && j.status !== 'running' ? j.status : null);

  return (
    <Space
      direction="vertical"
      size="large"
      style={{ width: '100%', maxWidth: 1120 }}
      data-testid="import-screen"
    >
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('dataImport.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('dataImport.subtitle')}</Typography.Text>
      </div>

      <ImportPicker
        kind={kind}
        setKind={setKind}
        asOf={asOf}
        setAsOf={setAsOf}
        running={imp.running}
        start={imp.start}
      />

      {imp.uploadError !== null && (
        <Alert
          type="error"
          showIcon
          title={`${t('dataImport.uploadFailed')}：${messageOf(imp.uploadError, i18n.language)}`}
        />
      )}

      <ImportProgressCard
        uploading={imp.uploading}
        job={j}
        running={imp.running}
        step={imp.step}
        stepStatus={imp.stepStatus}
        percent={imp.percent}
        cancel={imp.cancel}
        confirm={imp.confirm}
        again={imp.again}
        zh={zh}
      />

      <ImportHistory runs={runs.data?.runs ?? []} />

      <Collapse
        items={[
          {
            key: 'formats',
            label: t('dataImport.formats'),
            children: <FormatHelp kind={kind} />,
          },
        ]}
      />
    </Space>
  );
}
