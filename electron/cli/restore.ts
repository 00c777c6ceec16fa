/**
 * `npm run restore -- --from FILE [--data DIR]`: puts a database copy made by the branch server's backups
 * (网点管理 → 数据备份) in place of the branch database. Stop the server first; the database it replaces is kept
 * beside it. Exit code 0 = restored, 1 = refused (the server is running, the copy is damaged), 2 = usage.
 */
import { resolve } from 'node:path';
import { restoreDatabase } from '../db/restore';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const from = flag('--from');
if (!from) {
  console.error('usage: npm run restore -- --from FILE [--data DIR]');
  process.exit(2);
}
const dataDir = resolve(flag('--data') ?? process.env.DATA_DIR ?? 'data');
const r = restoreDatabase(dataDir, resolve(from));
if (!r.ok) {
  console.error(`not restored: ${r.message}`);
  process.exit(1);
}
console.log(`restored ${from} into ${dataDir}/branch.db`);
if (r.keptAs) console.log(`the database it replaced is kept as ${r.keptAs}`);
console.log(
  'Start the server with the same PII key file as before (the copy holds numbers encrypted under it). ' +
    'Changes made at this server after the copy are not in it. Counter terminals notice the restore by themselves: ' +
    'each sends again what it did since the copy and takes the restored data; one enrolled after the copy was made ' +
    'must be enrolled again.',
);
