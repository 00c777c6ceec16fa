import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransferContext } from '@shared/api/queue';
import type { IntentsInfo } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';
import { formatTime } from '../../lib/branchTime';
import './transfer-text';

/** On the receiving counter: where a transferred customer comes from, who sent them and why. */
export function TransferNote({ transfer, info }: { transfer: TransferContext; info: IntentsInfo }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const queue = info.queues.find((q) => q.key === transfer.fromQueue);
  const who = [transfer.byName, transfer.fromCounterName].filter((x): x is string => !!x).join(' · ');
  return (
    <Alert
      type="info"
      showIcon
      className="counter-transfer"
      data-testid="transfer-note"
      title={
        <span>
          <strong>{t('transferCtx.title')}</strong>
          {' · '}
          <span data-testid="transfer-from">
            {t('transferCtx.from', { queue: queue ? bi(queue) : transfer.fromQueue })}
          </span>
          {' · '}
          {formatTime(transfer.at)}
        </span>
      }
      description={
        <>
          <div data-testid="transfer-reason-shown">
            {transfer.reason
              ? t('transferCtx.reason', { reason: transfer.reason })
              : t('transferCtx.noReason')}
          </div>
          {who && <div data-testid="transfer-by">{t('transferCtx.by', { name: who })}</div>}
        </>
      }
    />
  );
}
