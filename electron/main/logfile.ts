import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

export interface RotatingFile {
  write(line: string): void;
  close(): void;
}

/**
 * A pino destination that rotates by size: `app.log` → `app.log.1` → … → `app.log.<keep>`.
 * Writes are synchronous so the line that explains a crash is on disk before the process dies.
 * One process per file: the server process and the main process each get their own.
 */
export function rotatingFile(path: string, opts: { maxBytes: number; keep: number }): RotatingFile {
  mkdirSync(dirname(path), { recursive: true });
  let fd = openSync(path, 'a');
  let size = fstatSync(fd).size;
  let closed = false;

  const rotate = () => {
    closeSync(fd);
    rmSync(`${path}.${opts.keep}`, { force: true });
    for (let i = opts.keep - 1; i >= 1; i--) {
      if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
    }
    if (opts.keep > 0) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
    fd = openSync(path, 'a');
    size = 0;
  };

  return {
    write(line) {
      // A line logged after close (an event firing while the app exits) must not throw EBADF.
      if (closed) return;
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > opts.maxBytes) rotate();
      writeSync(fd, line);
      size += bytes;
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}

/** 5 MB × (1 + 4) files: weeks of info-level lines for a branch, a few MB on a counter PC. */
export const LOG_ROTATION = { maxBytes: 5 * 1024 * 1024, keep: 4 };
