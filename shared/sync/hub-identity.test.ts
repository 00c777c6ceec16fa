import { describe, expect, it } from 'vitest';
import { hubIdentityStep } from './hub-identity';

const DAY = 86_400_000;
const hub = (epoch: string, copiedAt: number | null = null, copySeq: number | null = null) => ({
  epoch,
  copiedAt,
  copySeq,
});

describe('hubIdentityStep', () => {
  it('does nothing while the hub runs on the database it knew, or does not say', () => {
    expect(hubIdentityStep('e1', hub('e1'), 500, DAY)).toEqual({ kind: 'same' });
    expect(hubIdentityStep('e1', undefined, 500, DAY)).toEqual({ kind: 'same' });
    expect(hubIdentityStep(null, undefined, 500, DAY)).toEqual({ kind: 'same' });
  });

  it('remembers the first identity it hears', () => {
    expect(hubIdentityStep(null, hub('e1', 1000, 3), 500, DAY)).toEqual({ kind: 'adopt', epoch: 'e1' });
  });

  it('after a restore: resends from a margin before the copy, pulls again from the copy’s last position', () => {
    const copiedAt = 10 * DAY;
    expect(hubIdentityStep('e1', hub('e2', copiedAt, 120), 500, DAY)).toEqual({
      kind: 'restored',
      epoch: 'e2',
      resendFrom: 9 * DAY,
      pullFrom: 120,
      copiedAt,
    });
    // A terminal that had not pulled as far as the copy goes on from its own cursor.
    expect(hubIdentityStep('e1', hub('e2', copiedAt, 120), 80, DAY)).toMatchObject({ pullFrom: 80 });
  });

  it('a copy that does not say when it was made means everything again', () => {
    expect(hubIdentityStep('e1', hub('e2'), 500, DAY)).toMatchObject({ resendFrom: 0, pullFrom: 0 });
  });
});
