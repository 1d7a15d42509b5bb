// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { memosChannels } from '../../src-shared/contracts/memos.ts';
import { withCoder } from '../services/users.ts';
import { createMemo, deleteMemo, listMemos, updateMemo } from './service.ts';

export const memosHandlers: HandlerMap<keyof typeof memosChannels> = {
  'memos.list': ({ target, query }, { session }) => listMemos(session.requireProject(), { target, query }),
  'memos.create': (input, { session }) => {
    const db = session.requireProject();
    const memo = withCoder(db, session.coder, (coderId) => createMemo(db, input, coderId));
    session.changed(['memos']);
    return memo;
  },
  'memos.update': ({ id, title, body }, { session }) => {
    const db = session.requireProject();
    const memo = withCoder(db, session.coder, (coderId) => updateMemo(db, id, { title, body }, coderId));
    session.changed(['memos']);
    return memo;
  },
  'memos.delete': ({ id }, { session }) => {
    const db = session.requireProject();
    withCoder(db, session.coder, (coderId) => deleteMemo(db, id, coderId));
    session.changed(['memos']);
    return null;
  },
};
