import { describe, expect, it } from 'vitest';
import { isPerspective, PERSPECTIVES } from '../../src-shared/domain/perspectives.ts';

describe('perspectives', () => {
  it('are the four JZOJP perspectives, in this order', () => {
    expect(PERSPECTIVES).toEqual(['inwoner', 'zorgprofessional', 'bestuurder', 'regulerende_partij']);
  });

  it('isPerspective recognises exactly those keys', () => {
    for (const p of PERSPECTIVES) expect(isPerspective(p)).toBe(true);
    for (const v of ['Inwoner', 'burger', '', null, undefined, 1, {}]) expect(isPerspective(v)).toBe(false);
  });
});
