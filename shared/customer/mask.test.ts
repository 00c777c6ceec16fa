import { describe, expect, it } from 'vitest';
import { maskCard, maskMobile, maskResidentId, scrubPii } from './mask';

describe('masking', () => {
  it('masks the documented shapes', () => {
    expect(maskResidentId('110101199003071234')).toBe('110101********1234');
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskCard('6222021001123456789')).toBe('622202*********6789');
  });
  it('scrubs IDs, cards and phones out of free text', () => {
    const s = scrubPii('q=11010519491231002X card 4111111111111111 tel 13812345678 amount 12000');
    expect(s).toBe('q=110105********002X card 411111******1111 tel 138****5678 amount 12000');
  });
  it('scrubs full-width digits as digits', () => {
    expect(scrubPii('客户电话１３８５８１０６６８８，证件１１０１０１１９９００３０７１２３ｘ')).toBe(
      '客户电话138****6688，证件110101********123X',
    );
  });
});
