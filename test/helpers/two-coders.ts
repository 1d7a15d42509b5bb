// Two coders, Anna and Bram, who code the same passage of each transcript, Bram
// starting i characters later in the i-th: the disagreement that agreement tests
// (and the bundled agreement worker's test) compare.
import type { ProjectDb } from '../../src-main/db/open.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { ensureUser } from '../../src-main/services/users.ts';

export function codeByAnnaAndBram(db: ProjectDb, sources: readonly number[], codeId: number, start: number, length: number): { anna: number; bram: number } {
  const anna = ensureUser(db, 'Anna');
  const bram = ensureUser(db, 'Bram');
  sources.forEach((sourceId, i) => {
    applyCoding(db, { sourceId, codeId, ranges: [{ start, end: start + length }], coderId: anna });
    applyCoding(db, { sourceId, codeId, ranges: [{ start: start + i, end: start + length }], coderId: bram });
  });
  return { anna, bram };
}
