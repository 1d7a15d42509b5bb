// Product text of team coding (issue 15): coder copies, change sets, merging. Dutch first; merged into nl.ts / en.ts.
import type { Widen } from '../catalog.ts';

export const nl = {
  team: {
    history: {
      merged: 'Wijzigingen van {{coder}} samengevoegd ({{codings}} coderingen, {{review}} ter controle)',
    },
    conflict: {
      'code.renamed': 'Code op beide plaatsen anders hernoemd',
      'code.changed': 'Code op beide plaatsen anders gewijzigd',
      'code.deleted_used': 'Code aan de ene kant verwijderd, aan de andere kant gebruikt',
      'coding.resized': 'Codering op beide plaatsen anders vergroot of verkleind',
      'coding.changed': 'Codering op beide plaatsen anders gewijzigd',
      'memo.edited': 'Memo op beide plaatsen anders bewerkt',
      'participant.changed': 'Deelnemer op beide plaatsen anders gewijzigd',
      'participant.mapped': 'Sprekers op beide plaatsen aan verschillende deelnemers gekoppeld',
      'attribute.value': 'Kenmerk op beide plaatsen een andere waarde gegeven',
      'source.corrected_both': 'Transcript op beide plaatsen anders gecorrigeerd',
    },
    cli: {
      copyMade: 'Werkkopie voor {{coder}} gemaakt: {{file}} ({{sources}} transcripten{{locked}}).',
      locked: ', codeboek vergrendeld',
      changesWritten: 'Wijzigingen van {{coder}} opgeslagen in {{file}}: {{codings}} coderingen, {{codes}} codes, {{memos}} memo’s.',
      merged: '{{file}} samengevoegd: {{codings}} coderingen, {{codes}} codes, {{memos}} memo’s toegevoegd; {{reanchored}} coderingen meegeschoven met een correctie; {{review}} ter controle.',
      alreadyMerged: '{{file}} is al eerder samengevoegd; er is niets gewijzigd.',
      undecided: '{{file}}: {{count}} conflicten wachten op een beslissing; er is niets samengevoegd. Kies met --auto theirs, --auto ours of --auto review.',
      conflictLine: '  conflict: {{kind}} ({{guid}})',
      badAuto: 'Onbekende waarde voor --auto: {{value}} (kies theirs, ours of review).',
    },
  },
};

export const en: Widen<typeof nl> = {
  team: {
    history: {
      merged: 'Merged the changes of {{coder}} ({{codings}} codings, {{review}} to review)',
    },
    conflict: {
      'code.renamed': 'Code renamed differently on both sides',
      'code.changed': 'Code changed differently on both sides',
      'code.deleted_used': 'Code deleted on one side, used on the other',
      'coding.resized': 'Coding resized differently on both sides',
      'coding.changed': 'Coding changed differently on both sides',
      'memo.edited': 'Memo edited differently on both sides',
      'participant.changed': 'Participant changed differently on both sides',
      'participant.mapped': 'Speakers mapped to different participants on both sides',
      'attribute.value': 'Attribute given different values on both sides',
      'source.corrected_both': 'Transcript corrected differently on both sides',
    },
    cli: {
      copyMade: 'Made a coder copy for {{coder}}: {{file}} ({{sources}} transcripts{{locked}}).',
      locked: ', codebook locked',
      changesWritten: 'Saved the changes of {{coder}} to {{file}}: {{codings}} codings, {{codes}} codes, {{memos}} memos.',
      merged: 'Merged {{file}}: added {{codings}} codings, {{codes}} codes, {{memos}} memos; {{reanchored}} codings moved with a correction; {{review}} to review.',
      alreadyMerged: '{{file}} was merged before; nothing was changed.',
      undecided: '{{file}}: {{count}} conflicts wait for a decision; nothing was merged. Choose with --auto theirs, --auto ours or --auto review.',
      conflictLine: '  conflict: {{kind}} ({{guid}})',
      badAuto: 'Unknown value for --auto: {{value}} (choose theirs, ours or review).',
    },
  },
};
