// Handlers of this feature's channels: thin glue from a validated payload to its service.
// Every write says what it changed, so the navigator, reader, matrix, retrieval
// and codebook counts refresh: a participant's perspective and turns drive them all.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { participantsChannels } from '../../src-shared/contracts/participants.ts';
import type { Session } from '../session.ts';
import { ensureUser } from '../services/users.ts';
import { listParticipants } from './participants.ts';
import { updateParticipant } from './edit.ts';
import { mergeParticipants, participantMergeImpact } from './merge.ts';
import { deleteParticipant, participantDeleteImpact } from './remove.ts';
import { listUnassigned, reassignSpeaker } from './speakers.ts';
import { addChoice, createAttribute, deleteAttribute, listAttributeViews, removeChoice, renameChoice, updateAttribute } from './attributes.ts';

/** The open project and the current coder as the author of a write. */
function writer(session: Session) {
  const db = session.requireProject();
  return { db, author: ensureUser(db, session.coder) };
}

export const participantsHandlers: HandlerMap<keyof typeof participantsChannels> = {
  'participants.list': (_input, { session }) => listParticipants(session.requireProject()),
  'participants.update': ({ id, values, ...patch }, { session }) => {
    const { db, author } = writer(session);
    const byId = values && Object.fromEntries(Object.entries(values).map(([k, v]) => [Number(k), v]));
    updateParticipant(db, id, { ...patch, values: byId }, author);
    session.changed(['participants']);
    return null;
  },
  'participants.mergeImpact': ({ fromId, intoId }, { session }) => participantMergeImpact(session.requireProject(), fromId, intoId),
  'participants.merge': ({ fromId, intoId }, { session }) => {
    const { db, author } = writer(session);
    const impact = mergeParticipants(db, fromId, intoId, author);
    session.changed(['participants', 'memos']);
    return impact;
  },
  'participants.deleteImpact': ({ id }, { session }) => participantDeleteImpact(session.requireProject(), id),
  'participants.delete': ({ id }, { session }) => {
    const { db, author } = writer(session);
    const impact = deleteParticipant(db, id, author);
    session.changed(['participants', 'memos']);
    return impact;
  },
  'participants.unassigned': (_input, { session }) => listUnassigned(session.requireProject()),
  'participants.reassignSpeaker': (input, { session }) => {
    const { db, author } = writer(session);
    const result = reassignSpeaker(db, input, author);
    session.changed(['participants']);
    return result;
  },
  'attributes.list': (_input, { session }) => listAttributeViews(session.requireProject()),
  'attributes.create': (input, { session }) => {
    const { db, author } = writer(session);
    const id = createAttribute(db, input, author);
    session.changed(['participants']);
    return id;
  },
  'attributes.update': ({ id, ...patch }, { session }) => {
    const { db, author } = writer(session);
    updateAttribute(db, id, patch, author);
    session.changed(['participants']);
    return null;
  },
  'attributes.addChoice': ({ id, value }, { session }) => {
    const { db, author } = writer(session);
    addChoice(db, id, value, author);
    session.changed(['participants']);
    return null;
  },
  'attributes.renameChoice': ({ id, from, to }, { session }) => {
    const { db, author } = writer(session);
    const result = renameChoice(db, id, from, to, author);
    session.changed(['participants']);
    return result;
  },
  'attributes.removeChoice': ({ id, value, replaceWith }, { session }) => {
    const { db, author } = writer(session);
    const result = removeChoice(db, id, value, replaceWith, author);
    session.changed(['participants']);
    return result;
  },
  'attributes.delete': ({ id }, { session }) => {
    const { db, author } = writer(session);
    const result = deleteAttribute(db, id, author);
    session.changed(['participants']);
    return result;
  },
};
