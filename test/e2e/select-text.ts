// Selecting text in the page the way a mouse drag would, shared by the e2e tests.
import { expect } from 'vitest';
import type { Harness } from '../harness/harness.ts';

/** Selects `phrase` inside the first element matching `selector` whose text contains it. */
export async function selectIn(h: Harness, selector: string, phrase: string): Promise<void> {
  await h.page.evaluate(
    ([sel, needle]) => {
      const host = [...document.querySelectorAll<HTMLElement>(sel!)].find((el) => el.textContent?.includes(needle!));
      if (!host) throw new Error(`"${needle}" not found`);
      const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const at = nodes.map((n) => n.data).join('').indexOf(needle!);
      const locate = (offset: number): [Text, number] => {
        for (const n of nodes) {
          if (offset <= n.data.length) return [n, offset];
          offset -= n.data.length;
        }
        return [nodes.at(-1)!, nodes.at(-1)!.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + needle!.length));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [selector, phrase],
  );
}

/** Selects `phrase` in the first transcript turn containing it, and waits until the reader holds the selection. */
export async function selectText(h: Harness, phrase: string): Promise<void> {
  const body = h.page.locator('.reader__body');
  const before = await body.getAttribute('data-selection');
  await selectIn(h, '[data-turn-start]', phrase);
  // selectionchange is delivered asynchronously.
  await expect.poll(() => body.getAttribute('data-selection')).not.toBe(before);
}

interface LexicalView {
  /** The editor's whole text as its state holds it. */
  text: string;
  /** The text of the editor's own selection (what a key command acts on). */
  selected: string;
}

/**
 * What Lexical's state holds for the editor whose root matches `selector`.
 * Lexical takes DOM selection changes and typing over asynchronously; a test
 * waits on this (polling) instead of sleeping before the next key. Reads the
 * editor through the `__lexicalEditor` property Lexical puts on its root element.
 */
export async function lexicalView(h: Harness, selector: string): Promise<LexicalView | null> {
  return h.page.evaluate((sel) => {
    interface State { _selection: { getTextContent(): string } | null; _nodeMap: Map<string, { getTextContent(): string }>; read(fn: () => void): void }
    const root = document.querySelector(sel) as (HTMLElement & { __lexicalEditor?: { getEditorState(): State } }) | null;
    const editor = root?.__lexicalEditor;
    if (!editor) return null;
    const state = editor.getEditorState();
    const out = { text: '', selected: '' };
    state.read(() => {
      out.text = state._nodeMap.get('root')?.getTextContent() ?? '';
      out.selected = state._selection?.getTextContent() ?? '';
    });
    return out;
  }, selector);
}

/** Waits until the editor's own selection holds exactly `text`. */
export async function editorSelects(h: Harness, selector: string, text: string): Promise<void> {
  await expect.poll(async () => (await lexicalView(h, selector))?.selected).toBe(text);
}

/** Waits until the editor's state ends with `text` (typing has been taken in). */
export async function editorTextEndsWith(h: Harness, selector: string, text: string): Promise<void> {
  await expect.poll(async () => (await lexicalView(h, selector))?.text.endsWith(text)).toBe(true);
}
