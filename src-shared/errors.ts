// Errors that cross process boundaries as data: a stable code plus parameters.
// The message is produced by i18n in the user's language at the boundary
// (dispatch, CLI), because thrown errors lose their type across IPC.
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'unsupported',
  'no_project',
  'internal',
  'engine.stopped',
  'engine.closed',
  'analysis.no_needs_group',
  'analysis.bad_chart',
  'analysis.bad_quote_edit',
  'analysis.write_failed',
  'analysis.pdf_unavailable',
  'analysis.export_failed',
  'exports.write_failed',
  'exports.too_many',
  'files.project_target',
  'files.not_chosen',
  'project.not_found',
  'project.not_sqlite',
  'project.not_duiding',
  'project.corrupt',
  'project.newer_schema',
  'project.locked',
  'project.exists',
  'project.unwritable',
  'entity.not_found',
  'coding.bad_range',
  'search.stale_hit',
  'project.migration_failed',
  'project.read_only',
  'project.read_only_mode',
  'project.disk_full',
  'history.step_retired',
  'import.empty',
  'import.binary',
  'import.corrupt_archive',
  'import.external_entities',
  'import.zip_bomb',
  'import.path_traversal',
  'import.pdf_no_text',
  'import.pdf_encrypted',
  'import.unknown_format',
  'import.too_large',
  'import.unreadable',
  'import.bad_pattern',
  'import.pattern_no_label',
  'import.pattern_unsupported',
  'import.cancelled',
  'import.duplicate',
  'import.expired',
  'import.too_many_files',
  'import.too_complex',
  'import.too_slow',
  'import.too_many_pages',
  'import.too_many_parts',
  'import.too_deep',
  'memos.too_large',
  'codebook.split_mixed',
  'textEdit.stale',
  'pseudonymise.bad_findings',
  'pseudonymise.stale',
  'pseudonymise.key_passphrase',
  'pseudonymise.key_corrupt',
  'pseudonymise.key_inside_project',
  'pseudonymise.key_write_failed',
  'pseudonymise.cancelled',
  'pseudonymise.leaks',
  'textEdit.empty_turn',
  'exchange.malformed',
  'exchange.not_refi',
  'exchange.corrupt',
  'exchange.no_qde',
  'exchange.bad_position',
  'exchange.position_out_of_range',
  'exchange.missing_code',
  'exchange.cancelled',
  'exchange.expired',
  'exchange.write_failed',
  'exchange.empty_codebook',
  'exchange.sheet_format',
  'exchange.sheet_unreadable',
  'exchange.sheet_empty',
  'exchange.sheet_no_key',
  'participants.merge_self',
  'participants.bad_value',
  'attributes.duplicate_name',
  'attributes.duplicate_choice',
  'team.codebook_locked',
  'team.unknown_source',
  'team.copy_of_copy',
  'team.not_copy',
  'team.unreadable',
  'team.truncated',
  'team.not_changes',
  'team.newer_format',
  'team.edited',
  'team.malformed',
  'team.other_project',
  'team.merge_into_copy',
  'team.write_failed',
  'team.undecided',

  'attributes.builtin',
  'attributes.choice_in_use',
  'attributes.not_a_choice',
  'attributes.type_conflict',
  'sources.name_taken',
  'agreement.too_few_coders',
  'agreement.unknown_coder',
  'agreement.nothing_to_compare',
  'agreement.bad_range',
  'agreement.write_failed',
  'agreement.cancelled',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export interface ErrorEnvelope {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorEnvelope };
