/** `npm run seed -- --customers 1000000 --data DIR`: a deterministic demo branch of any size, for benchmarks. */
import { join } from 'node:path';
import { defaultRulesConfig } from '@shared/config/schema';
import { readServeConfig } from '../server/config';
import { hashPassword } from '../app/password';
import { DEMO_SEED } from '../server/start';
import { openStore } from '../db/connection';
import { DEMO_PASSWORD, seedBranch, seedCustomers } from '../db/demo/seed';
import { loadOrCreateKeys, Pii } from '../db/pii';
import { StaffRepo } from '../db/repos/staff';

const argv = process.argv.slice(2);
const countArg = argv[argv.indexOf('--customers') + 1];
const count = argv.includes('--customers') ? Number(countArg) : 2000;
if (!Number.isSafeInteger(count) || count < 0) {
  console.error(`--customers must be a whole number, got ${countArg}`);
  process.exit(2);
}
const cfg = readServeConfig(
  argv.filter((a, i) => a !== '--customers' && argv[i - 1] !== '--customers'),
  process.env,
  process.cwd(),
);
const store = await openStore(join(cfg.dataDir, 'branch.db'));
if (new StaffRepo(store).count() > 0) {
  console.error(`${cfg.dataDir} already holds a branch; seed into an empty data dir.`);
  process.exit(2);
}
const pii = new Pii(loadOrCreateKeys(cfg.keyFile ?? `${cfg.dataDir}.keys/pii.key`));
const now = Date.now();
const started = Date.now();
seedBranch(store, defaultRulesConfig, await hashPassword(DEMO_PASSWORD), now);
const step = Math.max(10_000, Math.floor(count / 20));
let next = step;
seedCustomers(store, pii, defaultRulesConfig, {
  count,
  seed: DEMO_SEED,
  now,
  onProgress: (done) => {
    if (done >= next || done === count) {
      const s = (Date.now() - started) / 1000;
      process.stdout.write(
        `\r  ${done.toLocaleString()} / ${count.toLocaleString()} customers  (${s.toFixed(1)} s)`,
      );
      next += step;
    }
  },
});
store.sqlite.pragma('optimize');
store.close();
console.log(
  `\nSeeded ${count.toLocaleString()} customers into ${cfg.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
