import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeRow, CodingView, TurnView } from '../../../src-shared/contracts/index.ts';
import { splitIntoPieces } from '../../../src-shared/domain/pieces.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { useUi } from '../../state/ui-store.ts';
import { TurnEditor } from '../text-edit/TurnEditor.tsx';

function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

interface Props {
  turn: TurnView;
  text: string;
  codings: readonly CodingView[];
  codeById: ReadonlyMap<number, CodeRow>;
}

export const Turn = memo(function Turn({ turn, text, codings, codeById }: Props) {
  const { t } = useTranslation();
  const speaker = turn.isInterviewer ? t('shell.interviewer') : turn.participant?.name ?? turn.speakerLabel;
  const pieces = splitIntoPieces(turn.start, turn.end, codings);
  const byId = new Map(codings.map((c) => [c.id, c]));
  const editing = useUi((s) => s.editingTurnId === turn.id);
  return (
    <section className={`turn${turn.isInterviewer ? ' turn--interviewer' : ''}`} aria-label={speaker}>
      <header className="turn__head">
        <span className="turn__speaker">{speaker}</span>
        {!turn.isInterviewer && turn.participant && <PerspectiveBadge perspective={turn.participant.perspective} />}
        {!turn.isInterviewer && !turn.participant && <span className="badge badge--none">{t('shell.unmappedSpeaker')}</span>}
        {turn.timestampMs !== null && (
          <time className="turn__time" aria-label={t('shell.timestamp')}>{formatTimestamp(turn.timestampMs)}</time>
        )}
      </header>
      {editing ? <TurnEditor turn={turn} text={text} /> : <p className="turn__text" data-turn-start={turn.start}>
        {pieces.map((piece) => {
          const slice = text.slice(piece.start, piece.end);
          if (piece.ids.length === 0) return <span key={piece.start}>{slice}</span>;
          const codes = piece.ids.map((id) => codeById.get(byId.get(id)!.codeId)).filter((c) => c !== undefined);
          const first = codes[0];
          return (
            <mark
              key={piece.start}
              data-codings={piece.ids.join(' ')}
              onClick={() => {
                // A click (not the end of a drag) picks the codings under it.
                if (window.getSelection()?.isCollapsed !== false) useUi.getState().selectCodings(piece.ids);
              }}
              className={`coding${codes.length > 1 ? ' coding--overlap' : ''}`}
              style={{ '--code-color': first?.color ?? '#999999' } as React.CSSProperties}
              title={codes.map((c) => c.name).join(' · ')}
            >
              {slice}
            </mark>
          );
        })}
      </p>}
    </section>
  );
});
