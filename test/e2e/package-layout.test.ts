// The packaged layout, checked offline from the built out/ and the production
// dependency tree (issue 12 §9; scripts/check-package.ts says what it can and
// cannot see without an Electron distribution). Lives with the e2e tests
// because it needs `npm run build`.
import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../scripts/check-package.ts';

describe('packaged layout', () => {
  it('has the app files, native module unpacked, no renderer libraries or test files, notices and icons', async () => {
    expect(await checkPackage(process.cwd())).toEqual([]);
  });
});
