// Product text of the change log's history management (retired steps, clearing
// the history), copies of a project and read-only viewing; merged into nl.ts / en.ts.
import type { Widen } from '../catalog.ts';

export const nl = {
  changeLog: {
    history: {
      cleared_one: 'Geschiedenis gewist: {{count}} eerdere stap kan niet meer ongedaan worden gemaakt',
      cleared_other: 'Geschiedenis gewist: {{count}} eerdere stappen kunnen niet meer ongedaan worden gemaakt',
    },
    retired: 'niet meer ongedaan te maken',
    retiredWhy: {
      upgrade: 'Vastgelegd met een oudere versie van Duiding; na de update van het projectbestand kan deze stap niet meer ongedaan worden gemaakt. De wijziging zelf blijft staan.',
      failed: 'Ongedaan maken lukte niet meer (de stap past niet meer bij het project). De wijziging zelf blijft staan.',
      cleared: 'De geschiedenis tot hier is gewist.',
    },
    clear: {
      button: 'Geschiedenis wissen…',
      title: 'Geschiedenis wissen tot nu?',
      lead: 'Het project blijft precies zoals het nu is. Wat verdwijnt:',
      undo: 'Alle stappen tot nu kunnen niet meer ongedaan of opnieuw gedaan worden.',
      log: 'De wijzigingslog wordt leeggemaakt; er blijft één regel staan dat de geschiedenis is gewist.',
      removed: 'Tekst die je hebt weggehaald — een naam die je in een transcript hebt vervangen, een verwijderde memo, een ongedaan gemaakte import — wordt ook uit het projectbestand zelf gewist en is daarna niet meer terug te halen, ook niet met andere programma’s.',
      when: 'Doe dit bijvoorbeeld voordat je het projectbestand met anderen deelt.',
      backups: 'Reservekopieën die Duiding bij een update naast het bestand maakte (…duiding.backup-…) houden hun eigen geschiedenis; verwijder die zelf als dat nodig is.',
      confirm: 'Geschiedenis wissen',
      cancel: 'Annuleren',
      done_one: 'Geschiedenis gewist ({{count}} stap).',
      done_other: 'Geschiedenis gewist ({{count}} stappen).',
      nothing: 'Er was geen geschiedenis om te wissen.',
    },
  },
  projectCopy: {
    saveAsTitle: 'Opslaan als…',
    shareTitle: 'Kopie om te delen',
    saveAsIntro: 'Duiding maakt een kopie van het project en werkt daarna in de kopie verder.',
    shareIntro: 'Duiding maakt een kopie van het project om aan iemand anders te geven; je werkt zelf verder in dit project.',
    history: 'Geschiedenis meenemen (ongedaan maken en wijzigingslog)',
    historyHint: 'Zonder geschiedenis bevat de kopie geen oude versies van teksten: geen namen die je hebt vervangen, geen verwijderde memo’s, geen ongedaan gemaakte imports.',
    choose: 'Kies een plek…',
    cancel: 'Annuleren',
    saved: 'Opgeslagen als {{file}}.',
    shared: 'Kopie opgeslagen: {{file}}.',
  },
  readOnly: {
    banner: '{{file}} staat op een plek waar Duiding niet kan schrijven. Je kunt alles bekijken en exporteren, maar niets wijzigen.',
    copy: 'Kopie opslaan om te bewerken…',
    openReadOnly: 'Alleen-lezen openen',
    badge: 'alleen-lezen',
  },
};

export const en: Widen<typeof nl> = {
  changeLog: {
    history: {
      cleared_one: 'History cleared: {{count}} earlier step can no longer be undone',
      cleared_other: 'History cleared: {{count}} earlier steps can no longer be undone',
    },
    retired: 'can no longer be undone',
    retiredWhy: {
      upgrade: 'Recorded by an older version of Duiding; since the project file was upgraded, this step can no longer be undone. The change itself stays.',
      failed: 'Undoing this step no longer worked (it no longer fits the project). The change itself stays.',
      cleared: 'The history up to here was cleared.',
    },
    clear: {
      button: 'Clear history…',
      title: 'Clear the history up to now?',
      lead: 'The project stays exactly as it is now. What goes:',
      undo: 'No step up to now can be undone or redone any more.',
      log: 'The change log is emptied; one line remains saying the history was cleared.',
      removed: 'Text you removed — a name you replaced in a transcript, a deleted memo, an undone import — is also wiped from the project file itself and cannot be recovered afterwards, not even with other programs.',
      when: 'Do this, for example, before you share the project file with others.',
      backups: 'Backups Duiding made next to the file when it upgraded it (…duiding.backup-…) keep their own history; delete them yourself if needed.',
      confirm: 'Clear history',
      cancel: 'Cancel',
      done_one: 'History cleared ({{count}} step).',
      done_other: 'History cleared ({{count}} steps).',
      nothing: 'There was no history to clear.',
    },
  },
  projectCopy: {
    saveAsTitle: 'Save as…',
    shareTitle: 'Copy to share',
    saveAsIntro: 'Duiding makes a copy of the project and continues working in the copy.',
    shareIntro: 'Duiding makes a copy of the project to give to someone else; you keep working in this project.',
    history: 'Include the history (undo and change log)',
    historyHint: 'Without the history the copy holds no old versions of texts: no names you replaced, no deleted memos, no undone imports.',
    choose: 'Choose a place…',
    cancel: 'Cancel',
    saved: 'Saved as {{file}}.',
    shared: 'Copy saved: {{file}}.',
  },
  readOnly: {
    banner: '{{file}} is in a place where Duiding cannot write. You can view and export everything, but change nothing.',
    copy: 'Save a copy to edit…',
    openReadOnly: 'Open read-only',
    badge: 'read-only',
  },
};
