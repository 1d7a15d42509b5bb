// A margin bar can be dragged onto a code in the codebook to recode its coding
// (issue 11 §10). The drag carries the coding ids under this type.
export const CODING_DRAG_TYPE = 'application/x-duiding-coding';
