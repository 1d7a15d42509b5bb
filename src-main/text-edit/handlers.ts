// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { textEditChannels } from '../../src-shared/contracts/text-edit.ts';
import { ensureUser } from '../services/users.ts';
import { editTurnText } from './edit-turn.ts';
import { dismissLostCoding, listLostCodings, replaceLostCoding } from './lost-codings.ts';

export const textEditHandlers: HandlerMap<keyof typeof textEditChannels> = {
  'transcript.editTurn': (input, { session }) => {
    const db = session.requireProject();
    const result = editTurnText(db, input, ensureUser(db, session.coder));
    if (result.changed) session.changed(['sources', 'codings']);
    return result;
  },
  'transcript.lostList': ({ sourceId }, { session }) => listLostCodings(session.requireProject(), sourceId),
  'transcript.lostReplace': ({ id, start, end }, { session }) => {
    const db = session.requireProject();
    const codingId = replaceLostCoding(db, id, { start, end }, ensureUser(db, session.coder));
    session.changed(['codings']);
    return codingId;
  },
  'transcript.lostDismiss': ({ id }, { session }) => {
    const db = session.requireProject();
    dismissLostCoding(db, id, ensureUser(db, session.coder));
    session.changed(['codings']);
    return null;
  },
};
