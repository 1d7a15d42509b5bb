// Saves a chart the renderer drew (SVG text or PNG bytes) to a path the user
// chose. The renderer cannot write files; main checks what it gets.
import { basename } from 'node:path';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { assertWritableTarget } from '../files/write-target.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function saveChart(_db: ProjectDb, path: string, format: 'svg' | 'png', data: string): void {
  assertWritableTarget(path);
  let bytes: Uint8Array | string;
  if (format === 'svg') {
    if (!/^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data)) throw new DomainError('analysis.bad_chart', { file: basename(path) });
    bytes = data.startsWith('<?xml') ? data : `<?xml version="1.0" encoding="UTF-8"?>\n${data}`;
  } else {
    const png = Buffer.from(data, 'base64');
    if (!PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new DomainError('analysis.bad_chart', { file: basename(path) });
    bytes = png;
  }
  try {
    writeFileAtomic(path, bytes);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('analysis.write_failed', { file: basename(path), detail: err instanceof Error && 'code' in err ? String(err.code) : 'io' });
  }
}
