// What a test's `inEngine` function may call inside the engine thread: the
// services tests compare the UI with, passed in as `lib` because a function
// sent as source text cannot reach the test file's own imports.
export { listCodes } from '../../src-main/services/codebook.ts';
export { listSegments } from '../../src-main/services/segments.ts';
export { applyCoding, updateCoding } from '../../src-main/services/coding-edit.ts';
export { ensureUser } from '../../src-main/services/users.ts';
export { codingInserter } from '../../src-main/services/codings.ts';
export { buildMatrix } from '../../src-main/analysis/matrix.ts';
export { cooccurrence } from '../../src-main/analysis/cooccurrence.ts';
export { searchText } from '../../src-main/search/search.ts';
export { autocodePreview } from '../../src-main/search/autocode.ts';
export { createDispatcher } from '../../src-main/ipc/dispatch.ts';
export { resolveCode } from '../../src-main/cli/resolve.ts';
