import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import { call } from '../../api/client';
import './text';

/**
 * The slip's QR: a signed, short-lived link to the web survey of this visit, for a customer who leaves before the
 * pad asks. Nothing is shown when the branch has the pad switched off (or the link cannot be had).
 */
export function SurveyQr({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const link = useQuery({
    queryKey: ['survey-link', ticketId],
    queryFn: () => call(routes.feedback.surveyLink, { params: { id: ticketId } }),
    retry: false,
    staleTime: Infinity,
  });
  const [src, setSrc] = useState<string | null>(null);
  const path = link.data?.path ?? null;
  useEffect(() => {
    if (!path) return;
    let live = true;
    QRCode.toDataURL(`${window.location.origin}${path}`, { margin: 1, width: 128, errorCorrectionLevel: 'M' })
      .then((d) => live && setSrc(d))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [path]);
  if (!src) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 8 }} data-testid="survey-qr">
      <img src={src} alt="" width={112} height={112} />
      <div style={{ fontSize: 12 }}>{t('feedback.survey.scan')}</div>
    </div>
  );
}
