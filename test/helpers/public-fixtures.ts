// The shared public fixtures (real-world files from public sources), kept
// beside the repository in ../shared/fixtures/public and never copied into it.
// A test that needs one asks publicFixture() for it: when the fixtures are not
// there it fails with a message naming the missing path and what to do, not a
// bare ENOENT from somewhere inside a parser.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the fixtures are: DUIDING_PUBLIC_FIXTURES, or ../shared/fixtures/public beside the repository. */
export const PUBLIC_FIXTURES = process.env.DUIDING_PUBLIC_FIXTURES
  ? resolve(process.env.DUIDING_PUBLIC_FIXTURES)
  : resolve(import.meta.dirname, '../../../shared/fixtures/public');

/** The path of a public fixture (file or folder) inside PUBLIC_FIXTURES; throws a clear error when it is missing. */
export function publicFixture(...parts: string[]): string {
  const path = join(PUBLIC_FIXTURES, ...parts);
  if (!existsSync(path)) {
    const where = existsSync(PUBLIC_FIXTURES) ? `${PUBLIC_FIXTURES} has no ${join(...parts)}` : `the folder ${PUBLIC_FIXTURES} does not exist`;
    throw new Error(
      `Missing public test fixture ${path}: ${where}. The public fixtures are kept beside the repository in ` +
      '../shared/fixtures/public (not in git); put them there, or set DUIDING_PUBLIC_FIXTURES to the folder that holds them.',
    );
  }
  return path;
}
