// Correcting one turn's text in place: a Lexical plain-text editor with its
// own undo (HistoryPlugin); Ctrl+Enter saves through transcript.editTurn, Escape
// cancels. The database stays the truth: the reader re-renders the saved text
// and the re-anchored codings from the query cache (DESIGN.md §3).
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import type { TurnView } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';
import { saveTurn } from './actions.ts';
import { EditorKeysPlugin } from './EditorKeysPlugin.tsx';
import './text-edit.css';

interface Props {
  turn: TurnView;
  text: string;
}

/** One paragraph with line breaks, so the editor's text content is exactly the turn's text. */
function initialState(text: string): () => void {
  return () => {
    const paragraph = $createParagraphNode();
    text.split('\n').forEach((line, i) => {
      if (i > 0) paragraph.append($createLineBreakNode());
      if (line) paragraph.append($createTextNode(line));
    });
    $getRoot().append(paragraph);
  };
}

/** Keys the editor owns while typing (its own undo, Ctrl+K, F2 …), not the app's shortcuts. */
function keepKeys(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.key === 'F2' || /^[1-9]$/.test(event.key)) event.stopPropagation();
}

export function TurnEditor({ turn, text }: Props) {
  const { t } = useTranslation();
  const original = text.slice(turn.start, turn.end);
  const editorRef = useRef<LexicalEditor | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [busy, setBusy] = useState(false);
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `turn-${turn.id}`,
      editorState: initialState(original),
      onError: (error) => useUi.getState().setNotice(t('errors.internal', { detail: error.message })),
    }),
    // Created once per editing session; a changed text underneath is caught on save (textEdit.stale).
    [turn.id],
  );

  /** Back to reading, with focus on this turn so the keyboard user stays in place. */
  const close = () => {
    const row = boxRef.current?.closest<HTMLElement>('[data-turn-index]');
    useUi.getState().setEditingTurn(null);
    requestAnimationFrame(() => row?.focus());
  };
  const save = async () => {
    const editor = editorRef.current;
    const sourceId = useUi.getState().sourceId;
    if (!editor || busy || sourceId === null) return;
    const next = editor.getEditorState().read(() => $getRoot().getTextContent());
    setBusy(true);
    const ok = await saveTurn(sourceId, turn, original, next);
    setBusy(false);
    if (ok) close();
  };

  const hintId = `turn-edit-hint-${turn.id}`;
  return (
    <div className="turn-editor" ref={boxRef} onKeyDown={keepKeys}>
      <LexicalComposer initialConfig={initialConfig}>
        <PlainTextPlugin
          contentEditable={
            <ContentEditable
              className="turn-editor__input"
              aria-label={t('textEdit.editorLabel')}
              aria-describedby={hintId}
              aria-multiline="true"
              role="textbox"
              spellCheck
              lang="nl"
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <AutoFocusPlugin defaultSelection="rootEnd" />
        <EditorKeysPlugin editorRef={editorRef} onSave={() => void save()} onCancel={close} />
      </LexicalComposer>
      <div className="turn-editor__bar">
        <p id={hintId} className="turn-editor__hint">{t('textEdit.hint')}</p>
        <Button className="tool tool--small" onPress={close} isDisabled={busy}>{t('textEdit.cancel')}</Button>
        <Button className="button button--primary turn-editor__save" onPress={() => void save()} isDisabled={busy}>
          {busy ? t('textEdit.saving') : t('textEdit.save')}
        </Button>
      </div>
    </div>
  );
}
