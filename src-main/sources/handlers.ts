// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { sourcesChannels } from '../../src-shared/contracts/sources.ts';
import { withCoder } from '../services/users.ts';
import { getSource, listSources, sourceCodings } from './sources.ts';
import { deleteSource, renameSource, sourceDeleteImpact } from './manage.ts';

export const sourcesHandlers: HandlerMap<keyof typeof sourcesChannels> = {
  'sources.list': (_input, { session }) => listSources(session.requireProject()),
  'sources.get': ({ id }, { session }) => getSource(session.requireProject(), id),
  'sources.codings': ({ id }, { session }) => sourceCodings(session.requireProject(), id),
  'sources.rename': ({ id, name }, { session }) => {
    const db = session.requireProject();
    withCoder(db, session.coder, (author) => renameSource(db, id, name, author));
    session.changed(['sources']);
    return null;
  },
  'sources.deleteImpact': ({ id }, { session }) => sourceDeleteImpact(session.requireProject(), id),
  'sources.delete': ({ id }, { session }) => {
    const db = session.requireProject();
    const impact = withCoder(db, session.coder, (author) => deleteSource(db, id, author));
    // Codings and turns went too: codebook counts, participants' counts and memos refresh.
    session.changed(['sources', 'codings', 'participants', 'memos']);
    return impact;
  },
};
