// Ctrl+Enter saves and Escape cancels inside the turn editor; plain Enter
// stays a line break (the plain-text plugin's own behaviour).
import { useEffect, type RefObject } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND, KEY_ESCAPE_COMMAND, type LexicalEditor } from 'lexical';
import { mergeRegister } from '@lexical/utils';

interface Props {
  editorRef: RefObject<LexicalEditor | null>;
  onSave: () => void;
  onCancel: () => void;
}

export function EditorKeysPlugin({ editorRef, onSave, onCancel }: Props) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editorRef.current = editor;
    return mergeRegister(
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (!event || !(event.ctrlKey || event.metaKey)) return false;
          event.preventDefault();
          onSave();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (event) => {
          event.preventDefault();
          onCancel();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, editorRef, onSave, onCancel]);
  return null;
}
