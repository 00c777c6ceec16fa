import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * CSPRNG bytes drawn 64 KB at a time. One `randomBytes` call costs ~6 µs, more than the UUID or
 * the cipher it feeds; a million-row import would spend seconds in it.
 */
export class RandomPool {
  private readonly buf = Buffer.alloc(64 * 1024);
  private off = this.buf.length;

  take(n: number): Buffer {
    if (this.off + n > this.buf.length) {
      randomFillSync(this.buf);
      this.off = 0;
    }
    const out = this.buf.subarray(this.off, this.off + n);
    this.off += n;
    return out;
  }

  /** A UUIDv7 (time-ordered, like `newId()`), its random bits from the pool. */
  uuid(): string {
    return v7({ random: this.take(16) });
  }
}
