// Analyst memos of the example project: a journal entry and memos on three
// building blocks, so the report's narrative and the memo views have content.
// Invented; plain text stored with a minimal Lexical editor state.

export interface ExampleMemo {
  /** null = the project journal; else a path of code names. */
  code: string[] | null;
  title: string;
  paragraphs: string[];
}

export const EXAMPLE_MEMOS: readonly ExampleMemo[] = [
  {
    code: null,
    title: 'Logboek: eerste codeerronde',
    paragraphs: [
      'Drie interviews gecodeerd met het JZOJP-codeboek. Afspraak: een passage over geld dat stopt na een pilot krijgt zowel Structurele inbedding na een pilot als Structurele financiering.',
    ],
  },
  {
    code: ['Bekostiging en financiering'],
    title: 'Analyse bekostiging',
    paragraphs: [
      'Over bekostiging lopen de perspectieven uiteen. Bestuurders en zorgprofessionals ervaren vooral de tijdelijkheid van transformatiegelden als rem; de regulerende partij wijst juist op prikkels in de inkoop per sector en per verrichting.',
      'Opvallend is dat niemand de schotten tussen financieringsstromen als onoverkomelijk ziet, wel als iets dat veel tijd kost.',
    ],
  },
  {
    code: ['Kwetsbare groepen'],
    title: 'Analyse kwetsbare groepen',
    paragraphs: [
      'Inwoners en professionals noemen dezelfde groepen die tussen wal en schip vallen, maar beschrijven het probleem verschillend: de inwoner vanuit overbelaste mantelzorg, de professional vanuit onduidelijke verantwoordelijkheden.',
    ],
  },
  {
    code: ['Inwonerparticipatie'],
    title: 'Analyse inwonerparticipatie',
    paragraphs: [
      'Participatie gaat in deze interviews vooral over informele initiatieven, minder over betrokkenheid bij beleid. De regulerende partij ziet dat ook als opgave voor de inkoop.',
    ],
  },
];

/** A minimal Lexical editor state for plain paragraphs (what the memo editor stores). */
export function lexicalBody(paragraphs: readonly string[]): string {
  return JSON.stringify({
    root: {
      type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
      children: paragraphs.map((text) => ({
        type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '',
        children: [{ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text }],
      })),
    },
  });
}
