// One memo, open for writing: title, rich text (Lexical), who wrote it and
// when, and delete. Text is saved while typing (see useMemoSaver).
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import type { MemoView } from '../../../src-shared/contracts/memos.ts';
import { FormatToolbar } from './FormatToolbar.tsx';
import { SyncPlugin } from './SyncPlugin.tsx';
import { DeleteMemoButton } from './DeleteMemoButton.tsx';
import { useMemoSaver } from './useMemoSaver.ts';
import { deleteMemo, reportError } from './memo-queries.ts';
import { memoDate, memoName } from './memo-format.ts';
import './memos.css';

const THEME = {
  paragraph: 'memo-text__p',
  list: { ul: 'memo-text__ul', ol: 'memo-text__ol', listitem: 'memo-text__li' },
  text: { bold: 'memo-text__bold', italic: 'memo-text__italic', underline: 'memo-text__underline' },
};

/** Keys the editor owns while typing: its own undo/redo and formatting, not the app's (Ctrl+Z, Ctrl+I = import). */
const EDITOR_KEYS = new Set(['z', 'y', 'b', 'i', 'u']);

function keepEditorKeys(event: KeyboardEvent): void {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && EDITOR_KEYS.has(event.key.toLowerCase())) event.stopPropagation();
}

interface Props {
  memo: MemoView;
  autoFocus?: boolean;
  onClose: () => void;
}

export function MemoEditor({ memo, autoFocus = false, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const saver = useMemoSaver(memo.id);
  const known = useRef(memo.body);
  const [title, setTitle] = useState(memo.title);
  const [titleFocused, setTitleFocused] = useState(false);
  // Follow a title changed elsewhere (undo) unless the analyst is typing one.
  const [seenTitle, setSeenTitle] = useState(memo.title);
  if (memo.title !== seenTitle && !titleFocused && !saver.busy()) {
    setSeenTitle(memo.title);
    setTitle(memo.title);
  }

  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `memo-${memo.id}`,
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode],
      theme: THEME,
      editorState: memo.body || undefined,
      onError: (error) => reportError(error),
    }),
    // The editor is created once per memo; later bodies arrive through SyncPlugin.
    [memo.id],
  );

  const name = memoName(t, { title, plain: memo.plain });
  const titleId = `memo-${memo.id}-title`;
  return (
    <section className="memo-editor" aria-labelledby={titleId}>
      <h4 id={titleId} className="visually-hidden">{name}</h4>
      <TextField
        className="field field--compact memo-editor__title"
        value={title}
        onChange={(value) => {
          setTitle(value);
          saver.schedule({ title: value });
        }}
        onFocus={() => setTitleFocused(true)}
        onBlur={() => {
          setTitleFocused(false);
          void saver.flush();
        }}
      >
        <Label className="field__label">{t('memos.titleLabel')}</Label>
        <Input placeholder={t('memos.titlePlaceholder')} maxLength={500} />
      </TextField>
      <LexicalComposer initialConfig={initialConfig}>
        <FormatToolbar />
        <div className="memo-editor__surface" onKeyDown={keepEditorKeys}>
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="memo-editor__text"
                aria-label={t('memos.bodyLabel')}
                aria-multiline
                aria-placeholder={t('memos.placeholder')}
                placeholder={<div className="memo-editor__placeholder">{t('memos.placeholder')}</div>}
                onBlur={() => void saver.flush()}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <OnChangePlugin
          ignoreSelectionChange
          onChange={(state) => {
            const json = JSON.stringify(state.toJSON());
            if (json === known.current) return;
            known.current = json;
            saver.schedule({ body: json });
          }}
        />
        <SyncPlugin body={memo.body} known={known} busy={saver.busy} />
        {autoFocus && <AutoFocusPlugin />}
      </LexicalComposer>
      <div className="memo-editor__meta">
        <span>{t('memos.author', { author: memo.author ?? t('memos.unknownAuthor') })}</span>
        <span>{t('memos.created', { date: memoDate(memo.createdAt, i18n.language) })}</span>
        {memo.updatedAt !== memo.createdAt && <span>{t('memos.updated', { date: memoDate(memo.updatedAt, i18n.language) })}</span>}
        <span className="memo-editor__state" aria-live="polite">
          {saver.state === 'saving' ? t('memos.saving') : saver.state === 'saved' ? t('memos.saved') : ''}
        </span>
      </div>
      <div className="memo-editor__actions">
        <Button className="tool tool--small" onPress={onClose}>{t('memos.close')}</Button>
        <DeleteMemoButton
          name={name}
          onDelete={() => {
            saver.cancel();
            void deleteMemo(memo.id).then((ok) => ok && onClose());
          }}
        />
      </div>
    </section>
  );
}
