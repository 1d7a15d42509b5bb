// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { textEditChannels } from '../../src-shared/contracts/text-edit.ts';
import { withCoder } from '../services/users.ts';
import { editTurnText } from './edit-turn.ts';
import { dismissLostCoding, listLostCodings, replaceLostCoding } from './lost-codings.ts';

export const textEditHandlers: HandlerMap<keyof typeof textEditChannels> = {
  'transcript.editTurn': (input, { session }) => {
    const db = session.requireProject();
    const result = withCoder(db, session.coder, (coderId) => editTurnText(db, input, coderId));
    if (result.changed) session.changed(['sources', 'codings']);
    return result;
  },
  'transcript.lostList': ({ sourceId }, { session }) => listLostCodings(session.requireProject(), sourceId),
  'transcript.lostReplace': ({ id, start, end }, { session }) => {
    const db = session.requireProject();
    const codingId = withCoder(db, session.coder, (coderId) => replaceLostCoding(db, id, { start, end }, coderId));
    // The review list is the transcript's (a 'sources' query): a coding alone no longer refreshes it.
    session.changed(['sources', 'codings']);
    return codingId;
  },
  'transcript.lostDismiss': ({ id }, { session }) => {
    const db = session.requireProject();
    withCoder(db, session.coder, (coderId) => dismissLostCoding(db, id, coderId));
    session.changed(['sources', 'codings']);
    return null;
  },
};
