// Gestures on a whole turn: select it, code it, code every turn of its speaker.
import type { TurnView } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';
import { cachedSource, codeTarget } from '../coding/actions.ts';

/** Makes [start, end) the text selection; the reader mirrors it in the DOM. */
export function selectPassage(sourceId: number, start: number, end: number): void {
  const ui = useUi.getState();
  ui.selectCodings([]);
  ui.setTextSelection({ sourceId, start, end });
}

export function selectTurn(turn: TurnView): void {
  const sourceId = useUi.getState().sourceId;
  if (sourceId !== null) selectPassage(sourceId, turn.start, turn.end);
}

const sameSpeaker = (a: TurnView, b: TurnView) =>
  a.participant && b.participant ? a.participant.id === b.participant.id : a.isInterviewer === b.isInterviewer && a.speakerLabel === b.speakerLabel;

export function codeTurn(turn: TurnView, speaker: string): void {
  const sourceId = useUi.getState().sourceId;
  if (sourceId !== null) codeTarget({ kind: 'turn', sourceId, speaker, ranges: [{ start: turn.start, end: turn.end }] });
}

export function codeSpeakerTurns(turn: TurnView, speaker: string): void {
  const sourceId = useUi.getState().sourceId;
  const source = sourceId === null ? undefined : cachedSource(sourceId);
  if (sourceId === null || !source) return;
  const ranges = source.turns.filter((t) => sameSpeaker(t, turn) && t.end > t.start).map((t) => ({ start: t.start, end: t.end }));
  codeTarget({ kind: 'speaker', sourceId, speaker, ranges });
}
