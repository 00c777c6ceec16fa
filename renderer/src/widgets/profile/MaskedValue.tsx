import { App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { useRevealProspect } from '../../api/prospects';
import { useReveal } from '../../api/visit';
import { useDialogOpen } from './dialogScope';
import { RevealCountdown } from './RevealCountdown';
import { RevealDialog } from './RevealDialog';

/** How long a revealed number stays on screen before it is masked again. */
export const REVEAL_SECONDS = 20;

interface Props {
  customerId: string;
  field: 'id' | 'phone';
  label: string;
  masked: string | null;
  /** Roles the server lets reveal (teller, rm, manager). */
  canReveal: boolean;
  /** A walk-in prospect's phone (Step 15): `customerId` is then the prospect's id, revealed the same audited way. */
  prospect?: boolean;
}

/**
 * A masked ID or phone number with 显示: reason → audit row → the full value for a few seconds.
 * Render it with `key={customerId}` so a revealed value never carries over to the next customer.
 */
export function MaskedValue({ customerId, field, label, masked, canReveal, prospect = false }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const customerReveal = useReveal();
  const prospectReveal = useRevealProspect();
  const reveal = prospect ? prospectReveal : customerReveal;
  const [asking, setAsking] = useState(false);
  const [shown, setShown] = useState<{ value: string; until: number } | null>(null);
  useDialogOpen(asking);

  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), Math.max(0, shown.until - Date.now()));
    return () => clearTimeout(timer);
  }, [shown]);

  if (!masked) return <span>—</span>;
  return (
    <span className="masked" data-testid={`${field}-value`}>
      <span data-testid={shown ? `${field}-revealed` : `${field}-masked`} className="masked__value">
        {shown ? shown.value : masked}
      </span>
      {shown ? (
        <>
          <RevealCountdown until={shown.until} />
          <Button size="small" type="link" onClick={() => setShown(null)} data-testid={`${field}-hide`}>
            {t('profile.hide')}
          </Button>
        </>
      ) : (
        canReveal && (
          <Button size="small" type="link" onClick={() => setAsking(true)} data-testid={`${field}-reveal`}>
            {t('profile.reveal')}
          </Button>
        )
      )}
      {asking && (
        <RevealDialog
          fieldLabel={label}
          busy={reveal.isPending}
          onCancel={() => setAsking(false)}
          onConfirm={(reason) =>
            void (
              prospect
                ? prospectReveal.mutateAsync({ id: customerId, reason })
                : customerReveal.mutateAsync({ customerId, field, reason })
            ).then(
              (r) => {
                setAsking(false);
                setShown({ value: r.value, until: Date.now() + REVEAL_SECONDS * 1000 });
              },
              (e: unknown) => void message.error(messageOf(e, i18n.language)),
            )
          }
        />
      )}
    </span>
  );
}
