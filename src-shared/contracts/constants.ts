// Constants of the contracts that the renderer needs as values (choices in
// menus, default limits). They live here, without zod, so that importing one
// does not pull zod and the schemas into the renderer's first chunk (issue 12
// §7, ADR 0022). The contract files re-export them beside their schemas.

// agreement.ts
export const CONSENSUS_CODER = 'consensus';
// participants.ts
export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'choice'] as const;
// search.ts
export const SEARCH_DEFAULT_LIMIT = 1000;
// search.ts
export const AUTOCODE_EXTENTS = ['match', 'sentence', 'turn'] as const;
// codings.ts
export const SEGMENT_MODES = ['or', 'and', 'overlap'] as const;
// import.ts
export const ENCODING_CHOICES = ['utf-8', 'windows-1252', 'iso-8859-15', 'utf-16le', 'utf-16be', 'macintosh'] as const;
// analysis.ts
export const MATRIX_COUNTS = ['segments', 'participants', 'sources'] as const;
// analysis.ts
export const COOCCURRENCE_MODES = ['overlap', 'turn'] as const;
// analysis.ts
export const REPORT_FORMATS = ['docx', 'html', 'md', 'pdf', 'xlsx', 'csv'] as const;

/**
 * The context the search view asks for (issue 11 §4): the match's sentence and one either
 * side, within the turn; a very long sentence is cut at a word after 240 characters each side.
 */
export const SEARCH_CONTEXT = { sentences: 1, context: 240 } as const;
