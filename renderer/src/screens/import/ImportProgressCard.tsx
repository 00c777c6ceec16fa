import { Alert, Button, Card, Progress, Space, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobView } from '@shared/import/types';
import { ImportResult } from './ImportResult';
import { PHASES } from './useImport';

/** The file being imported: the steps, the progress bar and counters, then the result. */
export function ImportProgressCard({
  uploading,
  job: j,
  running,
  step,
  stepStatus,
  percent,
  cancel,
  confirm,
  again,
  zh,
}: {
  uploading: { name: string; fraction: number } | null;
  job: ImportJobView | undefined;
  running: boolean;
  step: number;
  stepStatus: 'finish' | 'process' | 'wait' | 'error';
  percent: number;
  cancel: () => void;
  confirm: () => void;
  again: () => void;
  zh: boolean;
}) {
  const { t } = useTranslation();
  const eta = (s: number) =>
    s < 60
      ? t('dataImport.seconds', { count: s })
      : t('dataImport.minutes', { m: Math.floor(s / 60), s: s % 60 });
  if (!uploading && !j) return null;
  return (
    <Card
      title={uploading?.name ?? j?.fileName}
      extra={
        running && (
          <Button
            danger
            onClick={cancel}
            disabled={!uploading && !j?.cancellable}
            data-testid="import-cancel"
          >
            {t('dataImport.cancel')}
          </Button>
        )
      }
      data-testid="import-progress"
    >
      <Steps
        size="small"
        current={step}
        status={stepStatus}
        items={PHASES.map((p) => ({ title: t(`dataImport.phases.${p}`) }))}
        style={{ marginBottom: 16 }}
      />
      {j?.status === 'ready' && j.ready && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-ready"
          title={t('dataImport.readyTitle', { rows: j.ready.rows.toLocaleString() })}
          description={t('dataImport.readyBody', {
            time: eta(Math.max(1, Math.round(j.ready.pauseSeconds))),
          })}
          action={
            <Button type="primary" onClick={confirm} data-testid="import-write-now">
              {t('dataImport.writeNow')}
            </Button>
          }
        />
      )}
      {running && j?.status !== 'ready' && (
        <>
          <Progress
            percent={percent}
            status="active"
            strokeColor="#b8102a"
            data-testid="import-progress-bar"
            format={(p) => `${p ?? 0}%`}
          />
          <Space size="large" className="import-counters">
            <span data-testid="import-rows-read">
              {t('dataImport.rowsRead', {
                count: j?.rowsRead ?? 0,
                n: (j?.rowsRead ?? 0).toLocaleString(),
              })}
            </span>
            <span
              data-testid="import-rows-rejected"
              className={(j?.rejectedRows ?? 0) > 0 ? 'import-bad' : ''}
            >
              {t('dataImport.rejected', {
                count: j?.rejectedRows ?? 0,
                n: (j?.rejectedRows ?? 0).toLocaleString(),
              })}
            </span>
            {j?.phase === 'reading' && (
              <span data-testid="import-eta">
                {j.etaSeconds === null
                  ? t('dataImport.etaUnknown')
                  : t('dataImport.eta', { time: eta(j.etaSeconds) })}
              </span>
            )}
          </Space>
        </>
      )}
      {j && !running && <ImportResult job={j} zh={zh} onAgain={again} />}
    </Card>
  );
}
