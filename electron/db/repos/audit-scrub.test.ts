import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, Store } from '../connection';
import { AuditRepo } from './settings';

describe('audit rows keep typed-in numbers masked', () => {
  it('masks phone and ID numbers in the reason and in text details, and leaves numbers alone', async () => {
    const store = new Store(new Database(':memory:'));
    await migrateToLatest(store);
    const audit = new AuditRepo(store);
    audit.append({
      at: 1_764_400_000_000,
      staffId: null,
      action: 'reveal.phone',
      reason: '客户13812345678要求核对，证件110101199003071234',
      detail: { note: ['回电 13912345678'], until: 1_764_400_060_000, sha256: 'ab1234567890123456cd' },
    });
    const row = store.sqlite.prepare('SELECT reason, detail FROM audit_log').get() as {
      reason: string;
      detail: string;
    };
    expect(row.reason).not.toMatch(/13812345678|110101199003071234/);
    expect(row.reason).toContain('138****5678');
    const detail = JSON.parse(row.detail) as { note: string[]; until: number; sha256: string };
    expect(detail.sha256).toBe('ab1234567890123456cd');
    expect(detail.note[0]).toBe('回电 139****5678');
    expect(detail.until).toBe(1_764_400_060_000);
  });
});
