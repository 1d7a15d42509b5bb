// Product text of thematic analysis (matrix, quantifiers, reports), Dutch first.
import type { Widen } from '../catalog.ts';

export const nl = {
  analysis: {
    none: 'Geen',
    /** {{group}} is a plural group noun, {{one}} its singular ("bestuurders" / "bestuurder"). */
    quantity: {
      none: 'geen {{group}}',
      one: 'één {{one}}',
      few: 'enkele {{group}}',
      several: 'meerdere {{group}}',
      many: 'veel {{group}}',
      majority: 'de meerderheid van de {{group}}',
      all: 'alle {{group}}',
    },
    group: {
      inwoner: { one: 'inwoner', other: 'inwoners' },
      zorgprofessional: { one: 'zorgprofessional', other: 'zorgprofessionals' },
      bestuurder: { one: 'bestuurder', other: 'bestuurders' },
      regulerende_partij: { one: 'regulerende partij', other: 'regulerende partijen' },
      participant: { one: 'deelnemer', other: 'deelnemers' },
    },
    matrixHead: 'Code',
    matrixCount: { segments: 'Fragmenten', participants: 'Deelnemers', sources: 'Transcripten' },
    baseLine: 'deelnemers per kolom: {{counts}}',
    report: {
      title: 'Thematische analyse: {{project}}',
      subtitle: { blocks: 'Per bouwsteen en perspectief', needs: 'Wat is nodig, per perspectief' },
      contents: 'Inhoud',
      methodsHeading: 'Werkwijze',
      appendixHeading: 'Bijlage: aantallen',
      appendix: {
        participants: 'Aantal deelnemers per code en perspectief (code met onderliggende codes)',
        segments: 'Aantal gecodeerde fragmenten per code en perspectief (code met onderliggende codes)',
      },
      methods: 'Deze analyse is gebaseerd op {{sources}} gecodeerde transcripten van interviews met {{participants}} deelnemers ({{perspectives}}). Er is gecodeerd door {{coders}} met een codeboek van {{codes}} codes, geordend naar {{blocks}} bouwstenen. Beurten van interviewers tellen niet mee in de aantallen.',
      attribution: 'Citaten staan op naam van de rol van de spreker, nooit op naam van de persoon.',
      wordsLegend: 'Aantallen staan in woorden, als deel van de deelnemers binnen een perspectief: "enkele" is hoogstens {{few}}%, "meerdere" hoogstens {{several}}%, "veel" hoogstens {{many}}% en "de meerderheid" meer dan {{many}}%. De exacte aantallen staan in de bijlage.',
      groupCount: '{{count}} {{group}}',
      overall: 'In totaal {{segments}} van {{participants}} in {{sources}}.',
      n: {
        segments_one: '{{count}} fragment', segments_other: '{{count}} fragmenten',
        participants_one: '{{count}} deelnemer', participants_other: '{{count}} deelnemers',
        sources_one: '{{count}} transcript', sources_other: '{{count}} transcripten',
        coders_one: 'één codeur', coders_other: '{{count}} codeurs',
      },
      mentionedBy: 'Dit kwam aan bod bij {{quantity}} ({{count}} van {{total}}).',
      mentionedByExact: 'Dit kwam aan bod bij {{count}} van de {{total}} {{group}}.',
      mostMentioned: 'Het vaakst genoemd: {{list}}.',
      subcodeCount: '{{name}} ({{count}})',
      needsFor: 'Wat is nodig volgens {{group}}',
    },
  },
};

export const en: Widen<typeof nl> = {
  analysis: {
    none: 'None',
    quantity: {
      none: 'no {{group}}',
      one: 'one {{one}}',
      few: 'a few {{group}}',
      several: 'several {{group}}',
      many: 'many {{group}}',
      majority: 'the majority of the {{group}}',
      all: 'all {{group}}',
    },
    group: {
      inwoner: { one: 'citizen or patient', other: 'citizens and patients' },
      zorgprofessional: { one: 'care professional', other: 'care professionals' },
      bestuurder: { one: 'executive', other: 'executives' },
      regulerende_partij: { one: 'regulating party', other: 'regulating parties' },
      participant: { one: 'participant', other: 'participants' },
    },
    matrixHead: 'Code',
    matrixCount: { segments: 'Segments', participants: 'Participants', sources: 'Transcripts' },
    baseLine: 'participants per column: {{counts}}',
    report: {
      title: 'Thematic analysis: {{project}}',
      subtitle: { blocks: 'By building block and perspective', needs: 'What is needed, by perspective' },
      contents: 'Contents',
      methodsHeading: 'Method',
      appendixHeading: 'Appendix: counts',
      appendix: {
        participants: 'Participants per code and perspective (code with its sub-codes)',
        segments: 'Coded segments per code and perspective (code with its sub-codes)',
      },
      methods: 'This analysis is based on {{sources}} coded transcripts of interviews with {{participants}} participants ({{perspectives}}). Coding was done by {{coders}} with a codebook of {{codes}} codes, organised in {{blocks}} building blocks. Interviewer turns do not count.',
      attribution: 'Quotes are attributed to the speaker\'s role, never to the person.',
      wordsLegend: 'Counts are given in words, as a share of the participants within a perspective: "a few" is at most {{few}}%, "several" at most {{several}}%, "many" at most {{many}}% and "the majority" more than {{many}}%. The exact numbers are in the appendix.',
      groupCount: '{{count}} {{group}}',
      overall: 'In total {{segments}} from {{participants}} in {{sources}}.',
      n: {
        segments_one: '{{count}} segment', segments_other: '{{count}} segments',
        participants_one: '{{count}} participant', participants_other: '{{count}} participants',
        sources_one: '{{count}} transcript', sources_other: '{{count}} transcripts',
        coders_one: 'one coder', coders_other: '{{count}} coders',
      },
      mentionedBy: 'This came up with {{quantity}} ({{count}} of {{total}}).',
      mentionedByExact: 'This came up with {{count}} of the {{total}} {{group}}.',
      mostMentioned: 'Mentioned most: {{list}}.',
      subcodeCount: '{{name}} ({{count}})',
      needsFor: 'What is needed according to {{group}}',
    },
  },
};
