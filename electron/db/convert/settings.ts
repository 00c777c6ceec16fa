import type { SettingsVersionInfo } from '@shared/api/security';
import type { SettingsVersionRow } from '../repos/settings';

export function versionInfo(r: SettingsVersionRow): SettingsVersionInfo {
  return {
    version: r.version,
    createdAt: r.created_at,
    effectiveAt: r.effective_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    note: r.note,
    origin: r.origin === 'headoffice' ? 'headoffice' : 'local',
  };
}
