// Handlers of the pseudonymisation channels (issue 16 §9): thin glue from a
// validated payload to the services. Detection runs in a worker; apply writes
// the key file where the user chose (never in the project folder) before the
// purge, and undoes its one step if that fails. Passphrases are passed on to
// the key-file service and dropped; nothing logs them.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { pseudonymiseChannels } from '../../src-shared/contracts/pseudonymise.ts';
import { ENTITY_TAGS } from '../../src-shared/contracts/index.ts';
import { applyFindings } from './apply.ts';
import { occurrencesOf, respan } from './manual.ts';
import { assertKeyOutsideProject, encryptKey, readKeyFile, writeKeyFile } from './key-file.ts';
import { purgeOriginals, listRuns } from './purge.ts';
import { exportText, findLeaks, leakNeedles } from './leakcheck.ts';
import { loadedKey, pseudonymState } from './session-state.ts';
import { ensureUser } from '../services/users.ts';
import { undo } from '../history/record.ts';
import { basename } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';

/** An export's text; a file that cannot be read is said as such, naming it (never "something unexpected"). */
async function readExport(path: string) {
  try {
    return await exportText(path);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('import.unreadable', { file: basename(path), detail: (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.name : 'error') });
  }
}

/** Everything in the project may have changed, but it is the same project (the tag 'project' would reset the window). */
const CONTENT_TAGS = ENTITY_TAGS.filter((t) => t !== 'project');

export const pseudonymiseHandlers: HandlerMap<keyof typeof pseudonymiseChannels> = {
  'pseudonymise.detect': ({ categories }, { session }) => {
    const db = session.requireProject();
    const key = loadedKey(session);
    return pseudonymState(session).runner.run(
      db,
      { ...(categories ? { categories } : {}), ...(key ? { key } : {}) },
      (done, total) => session.emit('pseudonymise.progress', { done, total }),
    );
  },
  'pseudonymise.cancel': (_input, { session }) => {
    pseudonymState(session).runner.cancel();
    return null;
  },
  'pseudonymise.apply': ({ findings, keyPath, passphrase, memos, backupPath }, { session }) => {
    const db = session.requireProject();
    // Refused before anything is touched: the key never goes where the project goes.
    assertKeyOutsideProject(keyPath, db.path);
    // The backup holds the originals; made only when the user asked for it.
    if (backupPath) session.copyTo(backupPath, { history: true });
    const userId = ensureUser(db, session.coder);
    const result = applyFindings(db, findings, { memos, authorId: userId });
    const projectGuid = db.sqlite.prepare('SELECT guid FROM project WHERE id = 1').pluck().get() as string;
    const key = { project: projectGuid, createdAt: new Date().toISOString(), entries: result.key };
    let fingerprint: string;
    try {
      fingerprint = writeKeyFile(keyPath, encryptKey(key, passphrase));
    } catch (err) {
      // The key could not be written: take the replacement back, so no original is lost for good.
      undo(db);
      session.changed(CONTENT_TAGS);
      throw err;
    }
    purgeOriginals(db, { categories: result.categories, counts: result.counts, keyFingerprint: fingerprint, userId });
    // The key just written stays loaded, so exports are checked for its originals.
    pseudonymState(session).key = { project: db, content: key };
    session.changed(CONTENT_TAGS);
    return {
      replacements: Object.values(result.counts).reduce((a, b) => a + b, 0),
      sources: Object.keys(result.counts).length,
      codings: result.codings,
      fingerprint: fingerprint.slice(0, 16),
    };
  },
  'pseudonymise.loadKey': ({ path, passphrase }, { session }) => {
    const db = session.requireProject();
    const content = readKeyFile(path, passphrase);
    pseudonymState(session).key = { project: db, content };
    return { entries: content.entries.length };
  },
  'pseudonymise.unloadKey': (_input, { session }) => {
    pseudonymState(session).key = null;
    return null;
  },
  'pseudonymise.leakCheck': async ({ paths }, { session }) => {
    const needles = leakNeedles(session.requireProject(), loadedKey(session));
    const out = [];
    for (const path of paths) out.push(...findLeaks(path, await readExport(path), needles));
    return out.map(({ file: _file, ...leak }) => leak);
  },
  'pseudonymise.occurrences': ({ text }, { session }) => occurrencesOf(session.requireProject(), text),
  'pseudonymise.respan': (at, { session }) => respan(session.requireProject(), at),
  'pseudonymise.status': (_input, { session }) => ({
    runs: listRuns(session.requireProject()).map((r) => ({
      createdAt: r.createdAt, userName: r.userName, categories: r.categories, replacements: Object.values(r.counts).reduce((a, b) => a + b, 0),
    })),
    keyLoaded: loadedKey(session) !== null,
  }),
};
