// Bold, italic and bullet list for the memo editor. The buttons mirror the
// formatting at the caret (aria-pressed) and hand focus back to the text, so a
// keyboard user can toggle a format and keep typing.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToggleButton, Toolbar } from 'react-aria-components';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND } from 'lexical';
import { $isListNode, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $getNearestNodeOfType } from '@lexical/utils';

interface Formats {
  bold: boolean;
  italic: boolean;
  bullets: boolean;
}

export function FormatToolbar() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [formats, setFormats] = useState<Formats>({ bold: false, italic: false, bullets: false });

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        editorState.read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return;
          const list = $getNearestNodeOfType(selection.anchor.getNode(), ListNode);
          setFormats({
            bold: selection.hasFormat('bold'),
            italic: selection.hasFormat('italic'),
            bullets: $isListNode(list) && list.getListType() === 'bullet',
          });
        });
      }),
    [editor],
  );

  const then = (run: () => void) => {
    run();
    editor.focus();
  };

  return (
    <Toolbar aria-label={t('memos.format')} className="memo-toolbar">
      <ToggleButton className="tool tool--small memo-toolbar__bold" isSelected={formats.bold} onChange={() => then(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'))}>
        {t('memos.bold')}
      </ToggleButton>
      <ToggleButton className="tool tool--small memo-toolbar__italic" isSelected={formats.italic} onChange={() => then(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'))}>
        {t('memos.italic')}
      </ToggleButton>
      <ToggleButton
        className="tool tool--small"
        isSelected={formats.bullets}
        onChange={(on) => then(() => (on ? editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined) : editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)))}
      >
        {t('memos.bullets')}
      </ToggleButton>
    </Toolbar>
  );
}
