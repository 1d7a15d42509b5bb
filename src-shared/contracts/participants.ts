import { z } from 'zod';
import { channel } from './channel.ts';
import type { Perspective } from '../domain/perspectives.ts';

export type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'choice';

export interface AttributeDef {
  id: number;
  key: string | null;
  name: string;
  type: AttributeType;
  choices: string[];
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
  turns: number;
}

export const participantsChannels = {
  'participants.list': channel(z.object({}).strict()).returns<ParticipantRow[]>(),
  'attributes.list': channel(z.object({}).strict()).returns<AttributeDef[]>(),
};
