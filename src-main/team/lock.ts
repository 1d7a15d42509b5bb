// The codebook lock of a coder copy (issue 15 §1, the rule MAXQDA teams use):
// the coder may code and write memos, but not restructure the codebook.
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';

/** Refuses a codebook change in a coder copy whose codebook the lead locked. */
export function refuseLockedCodebook(db: ProjectDb): void {
  const restrictions = db.sqlite.prepare('SELECT restrictions FROM team_copy WHERE id = 1').pluck().get() as string | undefined;
  if (restrictions === undefined) return;
  const parsed = JSON.parse(restrictions) as { lockCodebook?: boolean };
  if (parsed.lockCodebook) throw new DomainError('team.codebook_locked');
}
