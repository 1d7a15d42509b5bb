// drizzle schema: the single source of truth for the project file (one SQLite
// file per project). `npm run db:generate` turns changes into SQL migrations.
// Offsets are UTF-16 code units into the normalised source text, half-open
// [start, end) — see docs/adr/0003-text-and-offsets.md.
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const guid = () => text('guid').notNull().unique();
const timestamp = (name: string) => text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const createdAt = () => timestamp('created_at');

/** One row: the project itself. */
export const project = sqliteTable('project', {
  id: integer('id').primaryKey(),
  guid: guid(),
  name: text('name').notNull(),
  template: text('template').notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at'),
}, (t) => [check('project_singleton', sql`${t.id} = 1`)]);

/** Coders. Every coding records who made it. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  guid: guid(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const codes = sqliteTable('codes', {
  id: integer('id').primaryKey(),
  guid: guid(),
  parentId: integer('parent_id').references((): AnySQLiteColumn => codes.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** 'building_block' | 'theme_group' | 'code' — building blocks are the deductive top level. */
  role: text('role', { enum: ['building_block', 'theme_group', 'code'] }).notNull().default('code'),
  color: text('color').notNull(),
  definition: text('definition').notNull().default(''),
  includeCriteria: text('include_criteria').notNull().default(''),
  excludeCriteria: text('exclude_criteria').notNull().default(''),
  example: text('example').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [
  index('codes_parent').on(t.parentId, t.sortOrder),
  check('codes_color', sql`${t.color} GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'`),
]);

export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey(),
  guid: guid(),
  name: text('name').notNull(),
  /** Normalised plain text: NFC, '\n' line endings, no BOM. Speaker labels live in `turns`. */
  text: text('text').notNull(),
  /** sha256 hex of `text`. */
  textHash: text('text_hash').notNull(),
  originalFormat: text('original_format').notNull(),
  originalFileName: text('original_file_name'),
  /** JSON object: file size, original hash, detected encoding, … */
  metadata: text('metadata').notNull().default('{}'),
  createdAt: createdAt(),
}, (t) => [index('sources_hash').on(t.textHash)]);

/** Participant- and source-level variables ("attributes" in the UI). */
export const attributes = sqliteTable('attributes', {
  id: integer('id').primaryKey(),
  guid: guid(),
  /** Stable key for attributes the app itself knows (e.g. 'region'); null for user-made ones. */
  key: text('key').unique(),
  name: text('name').notNull(),
  type: text('type', { enum: ['text', 'number', 'date', 'boolean', 'choice'] }).notNull(),
  /** JSON array of strings for type 'choice'. */
  choices: text('choices').notNull().default('[]'),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
});

/** Participants ("deelnemers", cases in REFI-QDA terms). */
export const participants = sqliteTable('participants', {
  id: integer('id').primaryKey(),
  guid: guid(),
  /** A pseudonym or name; hidden in anonymised display and reports. */
  name: text('name').notNull(),
  perspective: text('perspective', { enum: ['inwoner', 'zorgprofessional', 'bestuurder', 'regulerende_partij'] }),
  role: text('role').notNull().default(''),
  createdAt: createdAt(),
}, (t) => [
  check('participants_perspective', sql`${t.perspective} IS NULL OR ${t.perspective} IN ('inwoner','zorgprofessional','bestuurder','regulerende_partij')`),
]);

/** Typed attribute values, stored as canonical text (validated per type by the service). */
export const participantValues = sqliteTable('participant_values', {
  participantId: integer('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
  attributeId: integer('attribute_id').notNull().references(() => attributes.id, { onDelete: 'cascade' }),
  value: text('value').notNull(),
}, (t) => [uniqueIndex('participant_values_pk').on(t.participantId, t.attributeId)]);

/** Speaker turns: structure on top of the source text. */
export const turns = sqliteTable('turns', {
  id: integer('id').primaryKey(),
  sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
  start: integer('start').notNull(),
  end: integer('end').notNull(),
  speakerLabel: text('speaker_label').notNull(),
  participantId: integer('participant_id').references(() => participants.id, { onDelete: 'set null' }),
  isInterviewer: integer('is_interviewer', { mode: 'boolean' }).notNull().default(false),
  /** Milliseconds from the start of the recording, when the transcript says. */
  timestampMs: integer('timestamp_ms'),
  /**
   * 'speech': words of the speaker. 'note': a non-speech line inside a turn
   * (a stage direction such as "[lacht]" or "MUZIEK" in a subtitle-style
   * transcript): shown in the reader, but never quoted or counted as anyone's words.
   */
  kind: text('kind', { enum: ['speech', 'note'] }).notNull().default('speech'),
}, (t) => [
  index('turns_source').on(t.sourceId, t.start),
  index('turns_participant').on(t.participantId),
  check('turns_range', sql`${t.start} >= 0 AND ${t.end} >= ${t.start}`),
  check('turns_speaker', sql`NOT (${t.isInterviewer} AND ${t.participantId} IS NOT NULL)`),
]);

export const codings = sqliteTable('codings', {
  id: integer('id').primaryKey(),
  guid: guid(),
  sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
  codeId: integer('code_id').notNull().references(() => codes.id, { onDelete: 'cascade' }),
  start: integer('start').notNull(),
  end: integer('end').notNull(),
  coderId: integer('coder_id').notNull().references(() => users.id),
  createdAt: createdAt(),
  memo: text('memo'),
  isKeyQuote: integer('is_key_quote', { mode: 'boolean' }).notNull().default(false),
}, (t) => [
  index('codings_source').on(t.sourceId, t.start),
  index('codings_code').on(t.codeId),
  check('codings_range', sql`${t.start} >= 0 AND ${t.end} > ${t.start}`),
]);

export const memos = sqliteTable('memos', {
  id: integer('id').primaryKey(),
  guid: guid(),
  /** What the memo is attached to. */
  targetKind: text('target_kind', { enum: ['project', 'source', 'participant', 'code', 'coding'] }).notNull(),
  /**
   * The target's GUID; null for the project journal. A GUID, not the row id:
   * SQLite reuses integer ids after deletes, and a memo of a deleted coding
   * must stay detached instead of attaching to whatever gets that id next.
   */
  targetGuid: text('target_guid'),
  title: text('title').notNull().default(''),
  /** Lexical editor state as JSON; `plain` mirrors it for search. */
  body: text('body').notNull().default(''),
  plain: text('plain').notNull().default(''),
  authorId: integer('author_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at'),
}, (t) => [index('memos_target_guid').on(t.targetGuid)]);


/**
 * Remembered speaker mappings: a transcript label (case-folded) maps to a
 * participant or to the interviewer, so the next import of the same person is one click.
 */
export const speakerMappings = sqliteTable('speaker_mappings', {
  labelKey: text('label_key').primaryKey(),
  participantId: integer('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
  isInterviewer: integer('is_interviewer', { mode: 'boolean' }).notNull().default(false),
  updatedAt: timestamp('updated_at'),
}, (t) => [check('speaker_mappings_target', sql`${t.isInterviewer} OR ${t.participantId} IS NOT NULL`)]);

/**
 * Undo history: one row per user action. Its inverse statements live in
 * `undo_log`, written by triggers (migrations/0004_history_triggers.sql) while
 * `history_capture` names the action being recorded — see docs/adr/0007.
 */
export const history = sqliteTable('history', {
  id: integer('id').primaryKey(),
  /** i18n key under `history.` describing the action. */
  label: text('label').notNull(),
  /** JSON params for the label (code names, counts — never transcript text). */
  params: text('params').notNull().default('{}'),
  authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  undone: integer('undone', { mode: 'boolean' }).notNull().default(false),
  /**
   * The step can no longer be undone or redone: its undo-log statements were
   * removed (the user cleared the history, or a schema upgrade made them
   * invalid). It stays in the change log as a record of what happened.
   */
  retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
}, (t) => [index('history_undone').on(t.undone, t.id)]);

export const undoLog = sqliteTable('undo_log', {
  seq: integer('seq').primaryKey(),
  actionId: integer('action_id').notNull().references(() => history.id, { onDelete: 'cascade' }),
  /** 'undo' statements revert the action; 'redo' statements (recorded while undoing) re-apply it. */
  phase: text('phase', { enum: ['undo', 'redo'] }).notNull(),
  tbl: text('tbl').notNull(),
  rowId: integer('row_id').notNull(),
  stmt: text('stmt').notNull(),
}, (t) => [index('undo_log_action').on(t.actionId, t.phase, t.seq)]);

/** Single row: which action (and phase) the triggers are recording into; null = not recording. */
export const historyCapture = sqliteTable('history_capture', {
  id: integer('id').primaryKey(),
  actionId: integer('action_id'),
  phase: text('phase', { enum: ['undo', 'redo'] }),
}, (t) => [check('history_capture_singleton', sql`${t.id} = 1`)]);

/**
 * Perspective comparison (issue 5): a reviewer tags a segment of a code, or a
 * pair of segments from two perspectives, as agreeing or contradicting, with
 * an optional note. Deleting a coding removes its tags.
 */
export const comparisonTags = sqliteTable('comparison_tags', {
  id: integer('id').primaryKey(),
  guid: guid(),
  codeId: integer('code_id').notNull().references(() => codes.id, { onDelete: 'cascade' }),
  codingId: integer('coding_id').notNull().references(() => codings.id, { onDelete: 'cascade' }),
  /** The other segment of a pair; null when the tag is on one segment. */
  otherCodingId: integer('other_coding_id').references(() => codings.id, { onDelete: 'cascade' }),
  tag: text('tag', { enum: ['agrees', 'contradicts'] }).notNull(),
  note: text('note').notNull().default(''),
  authorId: integer('author_id').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [
  index('comparison_tags_code').on(t.codeId),
  check('comparison_tags_tag', sql`${t.tag} IN ('agrees','contradicts')`),
  check('comparison_tags_pair', sql`${t.otherCodingId} IS NULL OR ${t.otherCodingId} <> ${t.codingId}`),
]);

/**
 * Codings whose text a text correction deleted entirely (DESIGN.md §3): the
 * coding row goes and a review row comes in the same undoable action, so
 * nothing vanishes silently. The reviewer re-places it at a new selection or
 * dismisses it. The coding's own id and guid are kept so re-placing it gives
 * back its identity (memos attached to it, the REFI-QDA GUID).
 */
export const lostCodings = sqliteTable('lost_codings', {
  id: integer('id').primaryKey(),
  codingId: integer('coding_id').notNull(),
  codingGuid: text('coding_guid').notNull(),
  sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
  codeId: integer('code_id').notNull().references(() => codes.id, { onDelete: 'cascade' }),
  coderId: integer('coder_id').notNull().references(() => users.id),
  /** Where it was and what it covered, in the text before the correction. */
  oldStart: integer('old_start').notNull(),
  oldEnd: integer('old_end').notNull(),
  oldText: text('old_text').notNull(),
  memo: text('memo'),
  isKeyQuote: integer('is_key_quote', { mode: 'boolean' }).notNull().default(false),
  /** When the coding was made (its created_at). */
  codedAt: text('coded_at').notNull(),
  lostAt: timestamp('lost_at'),
}, (t) => [index('lost_codings_source').on(t.sourceId)]);

/**
 * The report the analyst is building (issue 9 §2): one stored set of choices
 * per project, so preview, every export format and the CLI produce the same
 * report. `options` is JSON (structure, language, labels, thresholds,
 * key-quotes-only, …), validated by the report contract when read.
 */
export const reportSettings = sqliteTable('report_settings', {
  id: integer('id').primaryKey(),
  options: text('options').notNull().default('{}'),
  updatedAt: timestamp('updated_at'),
}, (t) => [check('report_settings_singleton', sql`${t.id} = 1`)]);

/**
 * The analyst's decision about one quote in the report, keyed by the coding's
 * GUID: it survives the coding being deleted and restored, and can never
 * apply to another coding that later gets the same row id.
 */
export const reportQuotes = sqliteTable('report_quotes', {
  codingGuid: text('coding_guid').primaryKey(),
  /** Left out of the report. */
  omitted: integer('omitted', { mode: 'boolean' }).notNull().default(false),
  /** The shortened or substituted quote ("…" cuts, "[rol]" replacements); null = the coded text. */
  editedText: text('edited_text'),
  /** sha256 of the coded text the edit was made on: a later change of the coding makes the edit stale. */
  basedOnHash: text('based_on_hash'),
  updatedAt: timestamp('updated_at'),
});

/**
 * A coder copy ("werkkopie", issue 15): present (one row) only in a project
 * made as a copy for one coder. It records the common base — the main
 * project's identity and its state at the moment of copying, by GUID — so the
 * copy's change set can be derived from state and base (ADR 0019). Not part
 * of the undo history: it is written once, when the copy is made.
 */
export const teamCopy = sqliteTable('team_copy', {
  id: integer('id').primaryKey(),
  /** This copy's identity (a change set names the copy it came from). */
  guid: text('guid').notNull(),
  /** project.guid of the project the copy was made from. */
  baseProjectGuid: text('base_project_guid').notNull(),
  coder: text('coder').notNull(),
  /** JSON: { sources?: string[] (source GUIDs), lockCodebook?: boolean }. */
  restrictions: text('restrictions').notNull().default('{}'),
  /** The base state, by GUID (gzip-compressed JSON; format in ADR 0019). */
  base: blob('base', { mode: 'buffer' }).notNull(),
  createdAt: createdAt(),
}, (t) => [check('team_copy_singleton', sql`${t.id} = 1`)]);

/**
 * Change sets merged into this project (issue 15): merging the same one again
 * changes nothing, and the merge report stays readable in the change log.
 * Part of the undo history: undoing a merge forgets it was merged.
 */
export const mergedChangeSets = sqliteTable('merged_change_sets', {
  id: integer('id').primaryKey(),
  /** The change set's own GUID. */
  changeSetGuid: text('change_set_guid').notNull().unique(),
  /** team_copy.guid of the copy it came from. */
  copyGuid: text('copy_guid').notNull(),
  coder: text('coder').notNull(),
  /** JSON merge report: where every incoming item went (kept, re-anchored, needs review). */
  report: text('report').notNull().default('{}'),
  mergedAt: timestamp('merged_at'),
});

/**
 * The audit trail of pseudonymisation (issue 16 §6): when, by whom, which
 * categories and how many replacements per transcript — never the original
 * values, which live only in the separate, encrypted key file.
 */
export const pseudonymRuns = sqliteTable('pseudonym_runs', {
  id: integer('id').primaryKey(),
  guid: guid(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  /** JSON array of the categories replaced (e.g. ["person","place","phone"]). */
  categories: text('categories').notNull().default('[]'),
  /** JSON object: source GUID → number of replacements. */
  counts: text('counts').notNull().default('{}'),
  /** sha256 fingerprint of the key file written (not the key), to match a key to its run. */
  keyFingerprint: text('key_fingerprint'),
  createdAt: createdAt(),
});
