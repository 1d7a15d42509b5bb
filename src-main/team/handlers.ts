// Handlers of the team-coding channels (issue 15): thin glue to the services.
import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import type { HandlerMap } from '../ipc/handlers.ts';
import type { MergeReport, teamChannels } from '../../src-shared/contracts/team.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { withCoder } from '../services/users.ts';
import { makeCoderCopy, type Restrictions } from './copy.ts';
import { deriveChangeSet, writeChangeSetFile } from './change-set.ts';
import { loadChangeSet } from './load.ts';
import { mergeChangeSet } from './merge.ts';

class NothingMerged extends Error {}

export const teamHandlers: HandlerMap<keyof typeof teamChannels> = {
  'team.status': (_input, { session }) => {
    const db = session.requireProject();
    // Not teamCopyOf: that reads the (large) base snapshot too.
    const row = db.sqlite.prepare('SELECT coder, restrictions FROM team_copy WHERE id = 1').get() as { coder: string; restrictions: string } | undefined;
    if (!row) return { copy: null };
    const restrictions = JSON.parse(row.restrictions) as Restrictions;
    return { copy: { coder: row.coder, lockCodebook: restrictions.lockCodebook === true, sources: restrictions.sources?.length ?? null } };
  },
  'team.makeCopy': ({ path, coder, sources, lockCodebook }, { session }) => {
    const db = session.requireProject();
    if (existsSync(path)) throw new DomainError('project.exists', { file: basename(path) });
    const made = makeCoderCopy(db, path, { coder, ...(sources ? { sources } : {}), lockCodebook });
    return { path, ...made };
  },
  'team.writeChanges': ({ path }, { session }) => {
    const cs = deriveChangeSet(session.requireProject());
    writeChangeSetFile(path, cs);
    const added = (entries: { base?: unknown }[]) => entries.filter((e) => e.base === undefined).length;
    return { path, coder: cs.coder, added: { codings: added(cs.codings), codes: added(cs.codes), memos: added(cs.memos) } };
  },
  'team.merge': ({ paths, auto, resolutions, dryRun }, { session }) => {
    const db = session.requireProject();
    const run = (authorId: number | null) => paths.map((path) => {
      const file = basename(path);
      const report = mergeChangeSet(db, loadChangeSet(path), { file, ...(auto ? { auto } : {}), resolutions, dryRun, authorId });
      return { file, report };
    });
    // All files in one transaction: a bad file among them leaves the project as
    // it was; when nothing was merged (all undecided or merged before), not
    // even the lead's user row stays.
    let out: { file: string; report: MergeReport }[] = [];
    if (dryRun) out = run(null);
    else {
      try {
        withCoder(db, session.coder, (authorId) => {
          out = run(authorId);
          if (!out.some((o) => o.report.merged)) throw new NothingMerged();
        });
      } catch (err) {
        if (!(err instanceof NothingMerged)) throw err;
      }
    }
    if (out.some((o) => o.report.merged)) session.changed(['codes', 'codings', 'memos', 'sources', 'participants', 'users']);
    return out;
  },
};
