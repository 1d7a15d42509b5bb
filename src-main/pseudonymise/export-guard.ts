// Automatic leak check before an export is written from the app (issue 16 §7,
// ADR 0025). The export service writes to a hidden temporary file beside the
// target (same folder, so the final rename is atomic; same extension, so the
// service picks the same format); its bytes are read back the way a reader
// would see them and searched for the loaded key's originals and the names
// the project knows. Clean → renamed into place. Leaks → the temporary file
// is removed and the call fails with pseudonymise.leaks naming the places,
// unless the call carries `acceptLeaks: true` (the user chose to continue).
// A refused or failed call leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Session } from '../session.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { LeakPlace } from '../../src-shared/contracts/pseudonymise.ts';
import { exportText, findLeaks, leakNeedles, type TextPart } from './leakcheck.ts';
import { loadedKey } from './session-state.ts';

/** At most this many places travel in the error (the message names the first few). */
const MAX_PLACES = 50;

export async function guardExport<T>(
  session: Session,
  input: { path: string; acceptLeaks?: boolean },
  write: (path: string) => Promise<T> | T,
): Promise<T> {
  const { path, acceptLeaks = false } = input;
  const temp = join(dirname(path), `.duiding-${randomUUID().slice(0, 8)}-${basename(path)}`);
  try {
    const result = await write(temp);
    const needles = leakNeedles(session.requireProject(), loadedKey(session));
    const leaks = findLeaks(basename(path), await readable(temp), needles);
    if (leaks.length > 0 && !acceptLeaks) {
      const places: LeakPlace[] = leaks.slice(0, MAX_PLACES).map(({ file: _file, ...leak }) => leak);
      throw new DomainError('pseudonymise.leaks', {
        file: basename(path),
        count: leaks.length,
        places: leaks.slice(0, 5).map((l) => `"${l.text}" ×${l.count}`).join(', ') + (leaks.length > 5 ? ', …' : ''),
        // The full list for the renderer's dialog (error params carry strings and numbers only).
        leaks: JSON.stringify(places),
      });
    }
    renameSync(temp, path);
    return fixPath(result, temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * The export's text as a reader sees it; if the checker cannot read its own
 * export (a PDF its extractor refuses), the raw bytes are searched instead, so
 * the export is neither refused for the checker's sake nor let through unread.
 */
async function readable(path: string): Promise<TextPart[]> {
  try {
    return await exportText(path);
  } catch {
    const bytes = readFileSync(path);
    return [{ where: 'bytes', text: `${bytes.toString('utf8')}\n${bytes.toString('latin1')}` }];
  }
}

/** The services answer with the path they wrote: the user's path, not the temporary one. */
function fixPath<T>(result: T, temp: string, path: string): T {
  if (result && typeof result === 'object' && (result as { path?: unknown }).path === temp) return { ...result, path };
  return result;
}
