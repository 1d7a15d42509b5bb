// Product text of transcript management (rename, delete), Dutch first; merged into nl.ts / en.ts.
import type { Widen } from '../catalog.ts';

export const nl = {
  sources: {
    name: 'Naam van het transcript',
    renamed: 'Transcript hernoemd naar "{{name}}".',
    changeSpeaker: 'Wijzigen…',
    changeSpeakerLabel: 'Spreker "{{speaker}}" wijzigen',
    delete: {
      button: 'Transcript verwijderen…',
      title: 'Transcript "{{name}}" verwijderen',
      loading: 'Tellen wat er meegaat…',
      turns_one: '{{count}} beurt',
      turns_other: '{{count}} beurten',
      codings_one: '{{count}} codering',
      codings_other: '{{count}} coderingen',
      memos_one: '{{count}} memo (bij het transcript of een codering)',
      memos_other: '{{count}} memo’s (bij het transcript of een codering)',
      lost_one: '{{count}} codering ter controle',
      lost_other: '{{count}} coderingen ter controle',
      goes: 'Met het transcript worden verwijderd:',
      participants_one: '{{count}} deelnemer komt alleen in dit transcript voor; die blijft in het project, zonder beurten.',
      participants_other: '{{count}} deelnemers komen alleen in dit transcript voor; zij blijven in het project, zonder beurten.',
      undo: 'Ongedaan maken (Ctrl+Z) zet alles terug.',
      cancel: 'Annuleren',
      confirm: 'Verwijderen',
      done: 'Transcript "{{name}}" verwijderd.',
    },
    history: {
      renamed: 'Transcript "{{old}}" hernoemd naar "{{name}}"',
      deleted: 'Transcript "{{name}}" verwijderd (met {{codings}} coderingen)',
    },
  },
};

export const en: Widen<typeof nl> = {
  sources: {
    name: 'Transcript name',
    renamed: 'Renamed the transcript to "{{name}}".',
    changeSpeaker: 'Change…',
    changeSpeakerLabel: 'Change speaker "{{speaker}}"',
    delete: {
      button: 'Delete transcript…',
      title: 'Delete transcript "{{name}}"',
      loading: 'Counting what goes with it…',
      turns_one: '{{count}} turn',
      turns_other: '{{count}} turns',
      codings_one: '{{count}} coding',
      codings_other: '{{count}} codings',
      memos_one: '{{count}} memo (on the transcript or a coding)',
      memos_other: '{{count}} memos (on the transcript or a coding)',
      lost_one: '{{count}} coding to review',
      lost_other: '{{count}} codings to review',
      goes: 'Deleted along with the transcript:',
      participants_one: '{{count}} participant appears only in this transcript; they stay in the project, without turns.',
      participants_other: '{{count}} participants appear only in this transcript; they stay in the project, without turns.',
      undo: 'Undo (Ctrl+Z) puts everything back.',
      cancel: 'Cancel',
      confirm: 'Delete',
      done: 'Deleted transcript "{{name}}".',
    },
    history: {
      renamed: 'Renamed transcript "{{old}}" to "{{name}}"',
      deleted: 'Deleted transcript "{{name}}" (with {{codings}} codings)',
    },
  },
};
