import { Alert, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where a new display token can be opened. This page may itself be on 127.0.0.1, which a TV on the branch LAN
 * cannot reach: in LAN mode each of the hub's LAN addresses is shown with a QR code for a tablet to scan.
 */
export function DisplayAddresses({ here, lan, lanUrls }: { here: string; lan: boolean; lanUrls: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon title={t('displays.once')} style={{ marginBottom: 12 }} />
      {!lan ? (
        <Alert
          type="info"
          showIcon
          title={t('displays.noLan')}
          style={{ marginBottom: 12 }}
          data-testid="display-no-lan"
        />
      ) : lanUrls.length === 0 ? (
        <Alert type="error" showIcon title={t('displays.noAddress')} style={{ marginBottom: 12 }} />
      ) : (
        <>
          <Typography.Paragraph>{t('displays.lanAddresses')}</Typography.Paragraph>
          {lanUrls.map((u) => (
            <div
              key={u}
              style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 12 }}
              data-testid="display-lan-url"
            >
              <QrImage text={u} label={t('displays.scan')} />
              <Typography.Paragraph
                copyable={{ text: u }}
                code
                style={{ minWidth: 0, wordBreak: 'break-all', marginBottom: 0 }}
              >
                {u}
              </Typography.Paragraph>
            </div>
          ))}
        </>
      )}
      <Typography.Text type="secondary">{t('displays.thisPc')}</Typography.Text>
      <Typography.Paragraph copyable={{ text: here }} code data-testid="display-url">
        {here}
      </Typography.Paragraph>
    </>
  );
}

function QrImage({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 1, width: 144, errorCorrectionLevel: 'M' })
      .then((d) => live && setSrc(d))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  if (!src) return <div style={{ width: 144, height: 144 }} />;
  return (
    <img
      src={src}
      width={144}
      height={144}
      alt={label}
      title={label}
      data-testid="display-qr"
      data-text={text}
    />
  );
}
