import { Card, Input, Segmented, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind } from '@shared/import/types';

/** The kind of file, the balance date for holdings, and the drop zone. */
export function ImportPicker({
  kind,
  setKind,
  asOf,
  setAsOf,
  running,
  start,
}: {
  kind: ImportKind;
  setKind: (k: ImportKind) => void;
  asOf: string;
  setAsOf: (d: string) => void;
  running: boolean;
  start: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap size="large">
          <span>{t('dataImport.kind')}</span>
          <Segmented<ImportKind>
            data-testid="import-kind"
            value={kind}
            disabled={running}
            onChange={setKind}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`dataImport.kinds.${k}`) }))}
          />
          {kind === 'holdings' && (
            <Space>
              <span>{t('dataImport.asOf')}</span>
              <Input
                type="date"
                value={asOf}
                disabled={running}
                onChange={(e) => setAsOf(e.target.value)}
                style={{ width: 170 }}
                data-testid="import-as-of"
              />
              <Typography.Text type="secondary">{t('dataImport.asOfHint')}</Typography.Text>
            </Space>
          )}
        </Space>
        <Upload.Dragger
          accept=".csv,.txt,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={running}
          beforeUpload={(file) => {
            start(file);
            return false;
          }}
          data-testid="import-drop"
        >
          <p className="ant-upload-drag-icon" aria-hidden>
            <svg
              viewBox="0 0 24 24"
              width="44"
              height="44"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
            >
              <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
            </svg>
          </p>
          <p className="ant-upload-text">{t('dataImport.drop')}</p>
          <p className="ant-upload-hint">{t('dataImport.dropHint')}</p>
        </Upload.Dragger>
      </Space>
    </Card>
  );
}
