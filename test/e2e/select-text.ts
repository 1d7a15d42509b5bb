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
