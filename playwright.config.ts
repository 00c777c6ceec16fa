import { defineConfig } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A fresh data dir per run: the server seeds the demo branch into it, exactly as `npm run serve` does. The run that
// made it removes it when it exits (~130 MB a run: a CI box that runs the suite all day filled /tmp); a failed run
// keeps it for a look and says where. Workers inherit E2E_DATA_DIR, so only the runner makes and removes it.
const ownDataDir = !process.env.E2E_DATA_DIR;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'triage-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
if (ownDataDir) {
  process.on('exit', (code) => {
    if (code === 0) rmSync(dataDir, { recursive: true, force: true });
    else process.stderr.write(`The e2e server's data is kept in ${dataDir}\n`);
  });
}
const port = Number(process.env.E2E_PORT ?? 5791);
// Specs that start servers of their own (the offline terminal) find the hub here.
process.env.E2E_PORT = String(port);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test/output/playwright',
  // Generous for a busy 2-core machine (a CI box beside other jobs): a multi-step spec that takes 20 s on a quiet
  // machine took over 30 s at load 16. Each limit is at least 3x the slowest run of its test beside a CPU hog (a
  // spec with more screens sets its own): at 90 s one took 84 s there, and two specs timed out when a second
  // suite ran beside it. Passing specs are not slowed by a higher limit.
  timeout: 180_000,
  // A screen's first load in a new context is a chain (session, the screen's code, its queues, the ticket, the
  // profile), each step a render of its own; beside a CPU hog the VIP screen took 9–11 s from navigation to the
  // profile's tabs (2026-12-06), and a 10 s limit failed there. Twice the slowest such load; waits that bound a
  // promise of the product (a banner within so many seconds) set their own.
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node dist/server/cli.js --port ${port} --data ${join(dataDir, 'data')} --log-level warn --no-backup-schedule`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
