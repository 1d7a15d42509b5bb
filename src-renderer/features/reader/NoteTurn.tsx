// A stage direction ([lacht], MUZIEK) between a speaker's turns (ADR 0016):
// a quiet italic line without a speaker label. It is no one's words, so it has
// no speaker, perspective or coding margin; it keeps the turn's index (arrow
// keys step over it like any turn) and its text offsets (a selection may run
// through it).
import { useTranslation } from 'react-i18next';
import type { TurnView } from '../../../src-shared/contracts/index.ts';
import './note-turn.css';

export function NoteTurn({ turn, index, text, active }: { turn: TurnView; index: number; text: string; active: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="note" aria-label={t('noteTurn.label')} tabIndex={active ? 0 : -1} data-turn-index={index} className="turn-note">
      <p className="turn-note__text" data-turn-start={turn.start} data-turn-length={turn.end - turn.start}>
        {text.slice(turn.start, turn.end)}
      </p>
    </div>
  );
}
