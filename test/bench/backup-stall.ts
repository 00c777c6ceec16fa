/**
 * A database copy (网点管理 → 数据备份) while the branch works: how long it takes, and the longest the server stood
 * still meanwhile (the largest gap between `/api/health` answers polled every 20 ms; the poll itself is ~20 ms).
 *   npx tsx test/bench/backup-stall.ts --data DIR [--runs 3]
 * DIR is a branch data folder (e.g. `npm run seed -- --customers 1000000 --data /tmp/big`); the copies go to
 * DIR/backups and the newest 7 are kept, so run it on a scratch folder. Needs `npm run build`.
 */
import { loginToken, startServerProc } from './server-proc';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const dataDir = arg('data');
if (!dataDir) throw new Error('--data DIR is required');
const runs = Number(arg('runs') ?? 3);

interface Status {
  running: unknown;
  lastDone: { name: string; seconds: number; bytes: number } | null;
  lastError: { message: string } | null;
}

const server = await startServerProc(dataDir);
try {
  const token = await loginToken(server.url, 'manager1');
  const auth = { authorization: `Bearer ${token}` };
  for (let run = 1; run <= runs; run++) {
    let last = performance.now();
    let worst = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        await fetch(`${server.url}/api/health`);
        const t = performance.now();
        worst = Math.max(worst, t - last);
        last = t;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    worst = 0;
    const t0 = performance.now();
    const started = await fetch(`${server.url}/api/backups`, { method: 'POST', headers: auth });
    if (started.status !== 202) throw new Error(`start: ${started.status} ${await started.text()}`);
    let st: Status;
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      st = (await (await fetch(`${server.url}/api/backups`, { headers: auth })).json()) as Status;
      if (!st.running) break;
    }
    const seconds = (performance.now() - t0) / 1000;
    polling = false;
    await poll;
    if (st.lastError) throw new Error(`backup failed: ${st.lastError.message}`);
    console.log(
      JSON.stringify({
        run,
        copy: st.lastDone?.name,
        mb: Math.round((st.lastDone?.bytes ?? 0) / 2 ** 20),
        seconds: Number(seconds.toFixed(1)),
        longest_gap_ms: Number(worst.toFixed(1)),
      }),
    );
  }
} finally {
  await server.stop();
}
