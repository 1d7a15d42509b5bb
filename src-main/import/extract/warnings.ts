// Non-fatal notes for the preview. Keys live under `import.warning.` in both
// i18n dictionaries.
import type { DetectedEncoding, Extracted } from '../types.ts';

export type ImportWarning = Extracted['warnings'][number];

export const WARNING = {
  /** The encoding was guessed with little evidence: the user should check the excerpt. {encoding} */
  encodingUnsure: 'import.warning.encodingUnsure',
  /** A .vtt file without a valid WEBVTT header line; its cues were read anyway. */
  vttHeaderMissing: 'import.warning.vttHeaderMissing',
  /** Some PDF pages had no text layer (scanned pages). {count} */
  pdfPagesWithoutText: 'import.warning.pdfPagesWithoutText',
  /** Subtitle cues whose time could not be read (or text outside any cue): kept without a time. {count} */
  subtitleUntimed: 'import.warning.subtitleUntimed',
} as const;

export function encodingWarnings(encoding: DetectedEncoding): ImportWarning[] {
  return encoding.confidence === 'unsure' ? [{ key: WARNING.encodingUnsure, params: { encoding: encoding.name } }] : [];
}
