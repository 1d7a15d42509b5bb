// Correcting the text of a transcript after coding (DESIGN.md §3): one turn at
// a time; every coding is re-anchored through the edit, and a coding whose
// text was deleted entirely is kept for review (lost codings).
import { z } from 'zod';
import { channel } from './channel.ts';

const id = z.number().int().positive();
const offset = z.number().int().min(0);

/** Longest turn text the editor sends (a whole 300,000-character transcript in one turn still fits). */
export const TURN_TEXT_LIMIT = 2_000_000;

export interface TurnEditResult {
  /** False when the new text equals the old one after normalisation: nothing was written. */
  changed: boolean;
  /** The turn's new text as stored (normalised: NFC, \n, no trailing spaces). */
  text: string;
  /** Codings that kept their place and text. */
  kept: number;
  /** Codings whose offsets moved (shifted, grown or shrunk) but still cover their words. */
  moved: number;
  /** Codings whose text was deleted entirely: now in the review list. */
  lost: number;
  /** Length change of the source text in UTF-16 code units. */
  delta: number;
}

export interface LostCodingView {
  id: number;
  codeId: number;
  codeName: string;
  color: string;
  coder: string;
  /** The text it covered before the correction (shown for review). */
  oldText: string;
  oldStart: number;
  oldEnd: number;
  isKeyQuote: boolean;
  hasMemo: boolean;
  lostAt: string;
}

export const textEditChannels = {
  /**
   * Replaces the text of one turn. `expectedText` is the turn's text the editor
   * started from: when the turn has changed since, nothing is written
   * (textEdit.stale) so a stale editor can never clobber a newer text.
   */
  'transcript.editTurn': channel(
    z.object({ sourceId: id, turnId: id, expectedText: z.string().max(TURN_TEXT_LIMIT), text: z.string().max(TURN_TEXT_LIMIT) }).strict(),
  ).returns<TurnEditResult>(),
  /** Codings of a transcript whose text a correction deleted, newest first. */
  'transcript.lostList': channel(z.object({ sourceId: id }).strict()).returns<LostCodingView[]>(),
  /** Puts a lost coding back at [start, end) of its transcript's current text; returns the coding id. */
  'transcript.lostReplace': channel(z.object({ id, start: offset, end: offset }).strict()).returns<number>(),
  /** Removes a lost coding from the review list for good (undoable). */
  'transcript.lostDismiss': channel(z.object({ id }).strict()).returns<null>(),
};
