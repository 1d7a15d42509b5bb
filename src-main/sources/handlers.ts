// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { sourcesChannels } from '../../src-shared/contracts/sources.ts';
import { ensureUser } from '../services/users.ts';
import { getSource, listSources } from './sources.ts';
import { deleteSource, renameSource, sourceDeleteImpact } from './manage.ts';

export const sourcesHandlers: HandlerMap<keyof typeof sourcesChannels> = {
  'sources.list': (_input, { session }) => listSources(session.requireProject()),
  'sources.get': ({ id }, { session }) => getSource(session.requireProject(), id),
  'sources.rename': ({ id, name }, { session }) => {
    const db = session.requireProject();
    renameSource(db, id, name, ensureUser(db, session.coder));
    session.changed(['sources']);
    return null;
  },
  'sources.deleteImpact': ({ id }, { session }) => sourceDeleteImpact(session.requireProject(), id),
  'sources.delete': ({ id }, { session }) => {
    const db = session.requireProject();
    const impact = deleteSource(db, id, ensureUser(db, session.coder));
    // Codings and turns went too: codebook counts, participants' counts and memos refresh.
    session.changed(['sources', 'codings', 'participants', 'memos']);
    return impact;
  },
};
