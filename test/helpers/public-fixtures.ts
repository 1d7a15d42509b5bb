import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shared public fixtures, beside the repository (never copied into it).
 * A git worktree one level deeper (…/wt/<name>) finds them one folder further up.
 */
const CANDIDATES = [
  resolve(import.meta.dirname, '../../../shared/fixtures/public'),
  resolve(import.meta.dirname, '../../../../shared/fixtures/public'),
];
export const PUBLIC_FIXTURES = CANDIDATES.find((p) => existsSync(p)) ?? CANDIDATES[0]!;
