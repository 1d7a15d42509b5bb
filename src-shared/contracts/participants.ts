import { z } from 'zod';
import { channel } from './channel.ts';
import { PERSPECTIVES, type Perspective } from '../domain/perspectives.ts';
import { speakerTargetSchema } from './import.ts';
import { ATTRIBUTE_TYPES } from './constants.ts';

export { ATTRIBUTE_TYPES };

export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeDef {
  id: number;
  key: string | null;
  name: string;
  type: AttributeType;
  choices: string[];
}

/** An attribute as the management UI shows it: how often it is filled in, per choice too. */
export interface AttributeView extends AttributeDef {
  /** Known to the app (e.g. the learning region): its name and type are fixed, its choices editable. */
  builtin: boolean;
  /** Participants with a value. */
  used: number;
  /** Participants per choice value (type 'choice'). */
  choiceUses: Record<string, number>;
}

export interface ParticipantRow {
  id: number;
  guid: string;
  name: string;
  perspective: Perspective | null;
  role: string;
  /** attribute id → canonical value text */
  values: Record<number, string>;
  sources: number;
  /** Speech turns (stage-direction notes are not anyone's words). */
  turns: number;
}

/** What merging one participant into another moves (shown before the user confirms). */
export interface ParticipantMergeImpact {
  turns: number;
  sources: number;
  mappings: number;
  memos: number;
  /** Attribute values (and perspective or role) the kept participant lacks and takes over. */
  takenOver: number;
}

/** What deleting a participant changes (shown before the user confirms). */
export interface ParticipantDeleteImpact {
  /** Speech turns that become unassigned (kept, with their speaker label, for review). */
  turns: number;
  sources: number;
  /** Coded segments in those turns: they stop counting for a perspective until the turns are assigned again. */
  codings: number;
  mappings: number;
  memos: number;
}

/** Unassigned speech turns of one speaker label in one transcript. */
export interface UnassignedGroup {
  sourceId: number;
  sourceName: string;
  speakerLabel: string;
  turns: number;
  /** The first such turn, to open the transcript there. */
  first: { turnId: number; start: number; end: number };
}

export interface UnassignedTurns {
  total: number;
  groups: UnassignedGroup[];
}

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(200);
/** A typed attribute value as the UI sends it; null (or an empty text) clears it. */
const attributeValue = z.union([z.string().max(2000), z.number(), z.boolean()]).nullable();
const choiceValue = z.string().trim().min(1).max(200);

export const participantsChannels = {
  'participants.list': channel(z.object({}).strict()).returns<ParticipantRow[]>(),
  'participants.update': channel(
    z.object({
      id,
      name: name.optional(),
      perspective: z.enum(PERSPECTIVES).nullable().optional(),
      role: z.string().trim().max(200).optional(),
      /** attribute id (as a string key) → new value; null clears it. */
      values: z.record(z.string().regex(/^\d+$/), attributeValue).optional(),
    }).strict(),
  ).returns<null>(),
  'participants.mergeImpact': channel(z.object({ fromId: id, intoId: id }).strict()).returns<ParticipantMergeImpact>(),
  'participants.merge': channel(z.object({ fromId: id, intoId: id }).strict()).returns<ParticipantMergeImpact>(),
  'participants.deleteImpact': channel(z.object({ id }).strict()).returns<ParticipantDeleteImpact>(),
  'participants.delete': channel(z.object({ id }).strict()).returns<ParticipantDeleteImpact>(),
  'participants.unassigned': channel(z.object({}).strict()).returns<UnassignedTurns>(),
  /**
   * Gives one turn, or every turn with that turn's speaker label in its
   * transcript, another speaker: an existing participant, a new one, or the interviewer.
   */
  'participants.reassignSpeaker': channel(
    z.object({ turnId: id, scope: z.enum(['turn', 'label']), target: speakerTargetSchema }).strict(),
  ).returns<{ turns: number; participantId: number | null }>(),
  'attributes.list': channel(z.object({}).strict()).returns<AttributeView[]>(),
  'attributes.create': channel(
    z.object({ name, type: z.enum(ATTRIBUTE_TYPES), choices: z.array(choiceValue).max(500).optional() }).strict(),
  ).returns<number>(),
  'attributes.update': channel(z.object({ id, name: name.optional(), type: z.enum(ATTRIBUTE_TYPES).optional() }).strict()).returns<null>(),
  'attributes.addChoice': channel(z.object({ id, value: choiceValue }).strict()).returns<null>(),
  'attributes.renameChoice': channel(z.object({ id, from: z.string(), to: choiceValue }).strict()).returns<{ values: number }>(),
  /**
   * Removes a choice. When participants still have it, `replaceWith` says what
   * they get instead: another choice, or null to clear; without it the removal is refused.
   */
  'attributes.removeChoice': channel(
    z.object({ id, value: z.string(), replaceWith: z.string().nullable().optional() }).strict(),
  ).returns<{ values: number }>(),
  'attributes.delete': channel(z.object({ id }).strict()).returns<{ values: number }>(),
};
