import { spawn } from 'node:child_process';

/**
 * One process spinning on one core, for `npm run bench -- --busy`: a branch PC is rarely idle (antivirus,
 * a browser, the teller's other software), and a figure that only holds on an idle machine misleads.
 * Returns the function that stops it.
 */
export async function startHog(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });
  return async () => {
    child.kill('SIGKILL');
    await exited;
  };
}
