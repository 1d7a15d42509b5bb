// Brings an edit made elsewhere (global undo/redo) into an open editor. Local
// typing always wins: nothing is replaced while the editor has focus or has
// changes on their way to the project.
import { useEffect, type RefObject } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createParagraphNode, $getRoot, $setSelection, CLEAR_HISTORY_COMMAND, HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG } from 'lexical';

interface Props {
  body: string;
  /** The body the editor shows as far as the project knows (last sent or received). */
  known: RefObject<string>;
  busy: () => boolean;
}

// History-merge keeps the update from echoing back as a save (OnChangePlugin
// skips it); skip-dom-selection keeps it from pulling focus into the editor,
// which would hand the user's next Ctrl+Z to the editor instead of the project.
const TAGS = [HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG];

export function SyncPlugin({ body, known, busy }: Props) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (body === known.current || busy()) return;
    const root = editor.getRootElement();
    if (root && root.contains(document.activeElement)) return;
    known.current = body;
    if (body) {
      // A parsed state carries no selection, so nothing moves the caret or focus.
      editor.setEditorState(editor.parseEditorState(body), { tag: HISTORY_MERGE_TAG });
    } else {
      editor.update(
        () => {
          $getRoot().clear().append($createParagraphNode());
          $setSelection(null);
        },
        { tag: TAGS },
      );
    }
    // The editor's own undo must not bring back text the project just undid.
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  }, [body, known, busy, editor]);
  return null;
}
