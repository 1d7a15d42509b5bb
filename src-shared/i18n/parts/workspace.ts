// Product text of the coding workspace's flow (issue 11): palette, pinned
// quick keys, pane moves, recoding; merged into nl.ts / en.ts.
import type { Widen } from '../catalog.ts';

export const nl = {
  workspace: {
    palette: {
      newCode: 'Nieuwe code “{{name}}” …',
      newCodeDone: 'Code "{{name}}" gemaakt en toegepast.',
      topLevel: 'hoofdniveau',
      recodeTitle: 'Hercoderen naar een andere code',
      recodeTarget_one: 'Doel: {{count}} codering van “{{code}}”',
      recodeTarget_other: 'Doel: {{count}} coderingen van “{{code}}”',
    },
    quick: {
      pinned: 'Vastgezet (1–9)',
      recent: 'Recent',
      pin: 'Vastzetten op een toets',
      unpin: 'Losmaken van toets {{key}}',
      pinnedDone: '“{{code}}” staat nu op toets {{key}}.',
      full: 'Alle toetsen 1–9 zijn bezet; maak er eerst een los.',
      unpinnedDone: '“{{code}}” is losgemaakt.',
      pinHint: 'Zet een code vast op 1–9 met het menu van de code in het codeboek.',
    },
    recode: {
      menu: 'Hercoderen…',
      done_one: 'Codering verplaatst naar “{{code}}”.',
      done_other: '{{count}} coderingen verplaatst naar “{{code}}”.',
      dropHint: 'Sleep een codeerbalk op een code in het codeboek om te hercoderen.',
    },
    history: {
      recoded_one: 'Codering verplaatst naar "{{code}}"',
      recoded_other: '{{count}} coderingen verplaatst naar "{{code}}"',
    },
    log: {
      passage: '— in “{{source}}”, beurt {{turn}}',
    },
    marks: {
      keyQuote: 'citaat',
      memo: 'met memo',
    },
    panes: {
      navigator: 'Navigator',
      resizeNavigator: 'Breedte van de navigator',
      resizeInspector: 'Breedte van de inspector',
    },
  },
};

export const en: Widen<typeof nl> = {
  workspace: {
    palette: {
      newCode: 'New code “{{name}}” …',
      newCodeDone: 'Code "{{name}}" created and applied.',
      topLevel: 'top level',
      recodeTitle: 'Recode to another code',
      recodeTarget_one: 'Target: {{count}} coding of “{{code}}”',
      recodeTarget_other: 'Target: {{count}} codings of “{{code}}”',
    },
    quick: {
      pinned: 'Pinned (1–9)',
      recent: 'Recent',
      pin: 'Pin to a key',
      unpin: 'Unpin from key {{key}}',
      pinnedDone: '“{{code}}” is now on key {{key}}.',
      full: 'All keys 1–9 are taken; unpin one first.',
      unpinnedDone: '“{{code}}” unpinned.',
      pinHint: 'Pin a code to 1–9 from the code’s menu in the codebook.',
    },
    recode: {
      menu: 'Recode…',
      done_one: 'Coding moved to “{{code}}”.',
      done_other: '{{count}} codings moved to “{{code}}”.',
      dropHint: 'Drag a coding bar onto a code in the codebook to recode it.',
    },
    history: {
      recoded_one: 'Moved a coding to "{{code}}"',
      recoded_other: 'Moved {{count}} codings to "{{code}}"',
    },
    log: {
      passage: '— in “{{source}}”, turn {{turn}}',
    },
    marks: {
      keyQuote: 'key quote',
      memo: 'with memo',
    },
    panes: {
      navigator: 'Navigator',
      resizeNavigator: 'Width of the navigator',
      resizeInspector: 'Width of the inspector',
    },
  },
};
