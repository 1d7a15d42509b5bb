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
  },
};
