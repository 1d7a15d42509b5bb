// Product text of pseudonymisation (issue 16), Dutch first; merged into nl.ts / en.ts.
import type { Widen } from '../catalog.ts';

export const nl = {
  pseudonymise: {
    history: {
      applied: 'Pseudonimisering toegepast ({{groups}} vondsten)',
    },
    cli: {
      detected_one: '{{count}} vondst in {{sources}} transcripten:',
      detected_other: '{{count}} vondsten in {{sources}} transcripten:',
      group: '  {{mark}} {{category}}  "{{text}}" ×{{count}} → {{replacement}}',
      confirmedMark: '[x]',
      openMark: '[ ]',
      reviewHint: 'Met --json krijgt u dit als bestand: zet "confirmed" op true of false, pas "replacement" aan, en geef het aan --apply.',
      applied: 'Vervangen: {{replacements}} keer in {{sources}} transcripten; {{codings}} coderingen behouden, {{lost}} ter controle.',
      purged: 'Originelen gewist uit geschiedenis, zoekindex en vrije ruimte; ongedaan maken tot hier is niet meer mogelijk.',
      keyWritten: 'Sleutelbestand geschreven: {{file}} (vingerafdruk {{fingerprint}}). Bewaar het en het wachtwoord apart van het project.',
      noPassphrase: 'Geef een wachtwoord voor het sleutelbestand met --passphrase-file BESTAND (of via de invoer).',
      shortPassphrase: 'Het wachtwoord voor het sleutelbestand moet minstens 8 tekens hebben.',
      leakFound: '{{file}}: "{{text}}" ({{why}}) ×{{count}} in {{where}}',
      leakNone: '{{file}}: geen originele namen of gegevens gevonden.',
      leakUnreadable: '{{file}}: kan niet gelezen worden ({{detail}}).',
      whyKey: 'origineel uit de sleutel, {{category}}',
      whyKnown: 'naam bekend in het project',
      leaks_one: '{{count}} lek gevonden.',
      leaks_other: '{{count}} lekken gevonden.',
    },
    category: {
      person: 'persoon',
      place: 'plaats',
      organisation: 'organisatie',
      date: 'datum',
      age: 'leeftijd',
      phone: 'telefoon',
      email: 'e-mail',
      postcode: 'postcode',
      bsn: 'BSN',
      iban: 'IBAN',
      url: 'website',
    },
  },
};

export const en: Widen<typeof nl> = {
  pseudonymise: {
    history: {
      applied: 'Pseudonymisation applied ({{groups}} findings)',
    },
    cli: {
      detected_one: '{{count}} finding in {{sources}} transcripts:',
      detected_other: '{{count}} findings in {{sources}} transcripts:',
      group: '  {{mark}} {{category}}  "{{text}}" ×{{count}} → {{replacement}}',
      confirmedMark: '[x]',
      openMark: '[ ]',
      reviewHint: 'With --json you get this as a file: set "confirmed" to true or false, edit "replacement", and pass it to --apply.',
      applied: 'Replaced: {{replacements}} times in {{sources}} transcripts; {{codings}} codings kept, {{lost}} for review.',
      purged: 'Originals wiped from history, search index and free space; undo across this point is no longer possible.',
      keyWritten: 'Key file written: {{file}} (fingerprint {{fingerprint}}). Keep it and its passphrase apart from the project.',
      noPassphrase: 'Give a passphrase for the key file with --passphrase-file FILE (or on standard input).',
      shortPassphrase: 'The key file passphrase must have at least 8 characters.',
      leakFound: '{{file}}: "{{text}}" ({{why}}) ×{{count}} in {{where}}',
      leakNone: '{{file}}: no original names or data found.',
      leakUnreadable: '{{file}}: cannot be read ({{detail}}).',
      whyKey: 'original from the key, {{category}}',
      whyKnown: 'name known in the project',
      leaks_one: '{{count}} leak found.',
      leaks_other: '{{count}} leaks found.',
    },
    category: {
      person: 'person',
      place: 'place',
      organisation: 'organisation',
      date: 'date',
      age: 'age',
      phone: 'phone',
      email: 'e-mail',
      postcode: 'postcode',
      bsn: 'BSN',
      iban: 'IBAN',
      url: 'website',
    },
  },
};
