import { describe, expect, it } from 'vitest';
import { maskedSample } from '../../../shared/roster/masked-sample';

describe('the import shows identity numbers and phones masked', () => {
  it('masks a column imported as 身份证号码 or 手机, and no other', () => {
    expect(maskedSample('idNumber', '330411197307212702')).toBe('330411********2702');
    expect(maskedSample('phone', '138 6091 3909')).toBe('138****3909');
    expect(maskedSample('name', '韦丽')).toBe('韦丽');
    expect(maskedSample(null, '330411197307212702')).toBe('330411197307212702');
  });
});
