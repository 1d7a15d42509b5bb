import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeRow, CodingView, TurnView } from '../../../src-shared/contracts/index.ts';
import { splitIntoPieces } from '../../../src-shared/domain/pieces.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { useUi } from '../../state/ui-store.ts';
import { lazyView } from '../../components/lazy-view.tsx';
import { EditTurnButton } from '../text-edit/EditTurnButton.tsx';
import { CodingMargin } from './CodingMargin.tsx';
import { TurnMenu } from './TurnMenu.tsx';
import { startBoundaryDrag } from './boundary-drag.ts';
import { NoteTurn } from './NoteTurn.tsx';

// Lexical loads with the first turn that is edited.
const TurnEditor = lazyView(() => import('../text-edit/TurnEditor.tsx').then((m) => m.TurnEditor));

function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

interface Props {
  turn: TurnView;
  index: number;
  /** The full source text; a string compares by value, so memo holds while it is unchanged. */
  text: string;
  /** Only the codings that overlap this turn (stable identity while unchanged). */
  codings: readonly CodingView[];
  codeById: ReadonlyMap<number, CodeRow>;
  /** Space-separated ids of the selected codings in this turn (a primitive, for memo). */
  selected: string;
  /** The turn that holds the transcript's one tab stop. */
  active: boolean;
}

function Handle({ edge, codingId, label }: { edge: 'start' | 'end'; codingId: number; label: string }) {
  return (
    <span
      className={`coding-handle coding-handle--${edge}`}
      aria-hidden="true"
      // Decoration inside the text (NOT_TEXT_ATTRIBUTE): a selection that ends on it maps around it.
      data-not-text=""
      title={label}
      onPointerDown={(e) => startBoundaryDrag(e, codingId, edge)}
    />
  );
}

/**
 * Key quotes and memos as marks in the text (issue 11 §2): a star where a key
 * quote starts in this turn, a note where a coding with a memo ends. Drawn by
 * CSS (no characters in the text, so offsets and selections are untouched).
 */
function pieceMarks(piece: { start: number; end: number }, under: readonly CodingView[], turn: TurnView) {
  return {
    key: under.some((c) => c.isKeyQuote),
    memo: under.some((c) => c.hasMemo),
    keyStart: under.some((c) => c.isKeyQuote && Math.max(c.start, turn.start) === piece.start),
    memoEnd: under.some((c) => c.hasMemo && Math.min(c.end, turn.end) === piece.end),
  };
}

export const Turn = memo(function Turn(props: Props) {
  return props.turn.kind === 'note'
    ? <NoteTurn turn={props.turn} index={props.index} text={props.text} active={props.active} />
    : <SpeechTurn {...props} />;
});

function SpeechTurn({ turn, index, text, codings, codeById, selected, active }: Props) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLParagraphElement | null>(null);
  const speaker = turn.isInterviewer ? t('shell.interviewer') : turn.participant?.name ?? turn.speakerLabel;
  const editing = useUi((s) => s.editingTurnId === turn.id);
  const pieces = splitIntoPieces(turn.start, turn.end, codings);
  const byId = new Map(codings.map((c) => [c.id, c]));
  const selectedIds = selected ? selected.split(' ').map(Number) : [];
  // Drag handles belong to the one selected coding, at its ends inside this turn.
  const handled = selectedIds.length === 1 ? byId.get(selectedIds[0]!) : undefined;
  const headId = `turn-head-${turn.id}`;
  return (
    // A group, not a region landmark: a transcript has hundreds of turns.
    <section
      role="group"
      aria-labelledby={headId}
      tabIndex={active ? 0 : -1}
      data-turn-index={index}
      className={`turn${turn.isInterviewer ? ' turn--interviewer' : ''}`}
    >
      <div className="turn__main">
        <header className="turn__head">
          <span className="turn__speaker" id={headId}>{speaker}</span>
          {!turn.isInterviewer && turn.participant && <PerspectiveBadge perspective={turn.participant.perspective} />}
          {!turn.isInterviewer && !turn.participant && <span className="badge badge--none">{t('shell.unmappedSpeaker')}</span>}
          <span className="turn__spacer" />
          {turn.timestampMs !== null && (
            <time className="turn__time" aria-label={t('shell.timestamp')}>{formatTimestamp(turn.timestampMs)}</time>
          )}
          <EditTurnButton turn={turn} speaker={speaker} active={active} />
          <TurnMenu turn={turn} speaker={speaker} active={active} />
        </header>
        {editing ? <TurnEditor turn={turn} text={text} /> : (
          <p className="turn__text" ref={textRef} data-turn-start={turn.start} data-turn-length={turn.end - turn.start}>
            {pieces.map((piece) => {
              const slice = text.slice(piece.start, piece.end);
              const startHandle = handled && handled.start === piece.start ? <Handle edge="start" codingId={handled.id} label={t('reader.handleStart')} /> : null;
              const endHandle = handled && handled.end === piece.end ? <Handle edge="end" codingId={handled.id} label={t('reader.handleEnd')} /> : null;
              if (piece.ids.length === 0) return <span key={piece.start}>{startHandle}{slice}{endHandle}</span>;
              const codes = piece.ids.map((id) => codeById.get(byId.get(id)!.codeId)).filter((c) => c !== undefined);
              const first = codes[0];
              const isSelected = piece.ids.some((id) => selectedIds.includes(id));
              const marks = pieceMarks(piece, piece.ids.map((id) => byId.get(id)!), turn);
              return (
                <mark
                  key={piece.start}
                  data-codings={piece.ids.join(' ')}
                  onClick={() => {
                    // A click (not the end of a drag) picks the codings under it.
                    if (window.getSelection()?.isCollapsed !== false) useUi.getState().selectCodings(piece.ids);
                  }}
                  className={`coding${codes.length > 1 ? ' coding--overlap' : ''}${isSelected ? ' coding--selected' : ''}${marks.keyStart ? ' coding--key-start' : ''}${marks.memoEnd ? ' coding--memo-end' : ''}`}
                  style={{ '--code-color': first?.color ?? '#999999' } as React.CSSProperties}
                  title={[codes.map((c) => c.name).join(' · '), marks.key ? t('workspace.marks.keyQuote') : null, marks.memo ? t('workspace.marks.memo') : null].filter(Boolean).join(' — ')}
                >
                  {startHandle}{slice}{endHandle}
                </mark>
              );
            })}
          </p>
        )}
      </div>
      <CodingMargin textRef={textRef} codings={codings} codeById={codeById} selected={selected} active={active} />
    </section>
  );
}
