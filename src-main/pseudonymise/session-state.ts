// What one session (window, harness page) holds for pseudonymisation: the
// running detection and the key loaded for this project. The key lives in
// memory only, tied to the open project: another project never sees it, and
// it is gone when the window closes. The passphrase is never kept.
import type { Session } from '../session.ts';
import type { ProjectDb } from '../db/open.ts';
import type { KeyContent } from './key-file.ts';
import { DetectRunner } from './run-worker.ts';

interface State {
  runner: DetectRunner;
  key: { project: ProjectDb; content: KeyContent } | null;
}

const bySession = new WeakMap<Session, State>();

export function pseudonymState(session: Session): State {
  let state = bySession.get(session);
  if (!state) bySession.set(session, (state = { runner: new DetectRunner(), key: null }));
  return state;
}

/** The key loaded for the project open now, if any. */
export function loadedKey(session: Session): KeyContent | null {
  const key = bySession.get(session)?.key;
  return key && key.project === session.project ? key.content : null;
}
