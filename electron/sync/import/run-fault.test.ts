import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataHash } from '../../../test/support/import';
import { CUSTOMERS_EN, dir, file, run, store, useBranchStore } from '../../../test/support/import-run';

useBranchStore();

describe('an import that faults', () => {
  // A fault (I/O, a bug) skips the report; the staging file holds the file's hashes and ciphertexts and must not stay.
  it.each(['reading', 'checking', 'applying'] as const)(
    'during %s: throws, writes nothing and leaves no staging file behind',
    async (phase) => {
      const before = dataHash(store);
      const workDir = join(dir, `fault-${phase}`);
      const f = file(CUSTOMERS_EN);
      await expect(
        run('customers', f, {
          workDir,
          onProgress: (p) => {
            if (p.phase === phase) throw new Error(`disk gone while ${phase}`);
          },
        }),
      ).rejects.toThrow(`disk gone while ${phase}`);
      expect(dataHash(store)).toBe(before);
      expect(existsSync(join(workDir, 'stage.db'))).toBe(false);
      expect(readdirSync(workDir)).toEqual([]);
      // The branch takes the same file afterwards: nothing of the failed run is in its way.
      const r = await run('customers', f);
      expect(r.status).toBe('applied');
    },
  );
});
