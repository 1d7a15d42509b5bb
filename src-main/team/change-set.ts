// Change sets (issue 15 §2, ADR 0019): what a coder copy changed since its
// base, by GUID, derived from the copy's state and the base recorded when the
// copy was made — never from the undo log, which is keyed by local row ids and
// loses redo branches. Written as a `.duiding-changes` file: gzip-compressed
// JSON with a format name, a version and a checksum (the format is in ADR 0019).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { teamCopyOf } from './copy.ts';
import { readState, unpackState, type TeamState } from './state.ts';

export const CHANGES_FORMAT = 'duiding-changes';
/** Version 2 added `codeNames`; version-1 files (without them) are still read. */
export const CHANGES_VERSION = 2;
const READABLE_VERSIONS = [1, 2] as const;

const codeState = z.object({
  parent: z.string().nullable(), name: z.string(), role: z.string(), color: z.string(), definition: z.string(),
  includeCriteria: z.string(), excludeCriteria: z.string(), example: z.string(), sortOrder: z.number().int(),
}).strict();
const codingState = z.object({
  source: z.string(), code: z.string(), start: z.number().int().min(0), end: z.number().int().min(0), coder: z.string().min(1),
  memo: z.string().nullable(), key: z.boolean(), createdAt: z.string(),
}).strict();
const memoState = z.object({
  targetKind: z.enum(['project', 'source', 'participant', 'code', 'coding']), targetGuid: z.string().nullable(), title: z.string(),
  body: z.string(), plain: z.string(), author: z.string().nullable(),
}).strict();
const participantState = z.object({
  name: z.string(), perspective: z.enum(['inwoner', 'zorgprofessional', 'bestuurder', 'regulerende_partij']).nullable(), role: z.string(),
}).strict();
const attributeState = z.object({
  key: z.string().nullable(), name: z.string(), type: z.enum(['text', 'number', 'date', 'boolean', 'choice']), choices: z.string(),
  sortOrder: z.number().int(),
}).strict();
const speakerMap = z.array(z.string().nullable());

/** One changed entity: no `base` = created in the copy; no `value` = deleted there; both = changed. */
const entry = <T extends z.ZodType>(state: T) =>
  z.object({ guid: z.string().min(1), base: state.optional(), value: state.optional() }).strict()
    .refine((e) => e.base !== undefined || e.value !== undefined, 'an entry needs base or value');

const addedSource = z.object({
  guid: z.string().min(1), name: z.string(), originalFormat: z.string(), originalFileName: z.string().nullable(), metadata: z.string(),
  turns: z.array(z.object({
    start: z.number().int().min(0), end: z.number().int().min(0), speakerLabel: z.string(), participant: z.string().nullable(),
    isInterviewer: z.boolean(), timestampMs: z.number().int().nullable(), kind: z.enum(['speech', 'note']),
  }).strict()),
}).strict();

export const changeSetSchema = z.object({
  format: z.literal(CHANGES_FORMAT),
  version: z.union(READABLE_VERSIONS.map((v) => z.literal(v)) as [z.ZodLiteral<1>, z.ZodLiteral<2>]),
  /** Derived from the content: the same changes give the same GUID, so merging them twice is recognised. */
  guid: z.string().min(1),
  copy: z.string().min(1),
  project: z.string().min(1),
  coder: z.string().min(1),
  createdAt: z.string(),
  codes: z.array(entry(codeState)),
  codings: z.array(entry(codingState)),
  memos: z.array(entry(memoState)),
  participants: z.array(entry(participantState)),
  attributes: z.array(entry(attributeState)),
  /** Attribute values, keyed `participantGuid/attributeGuid`. */
  values: z.array(entry(z.string())),
  /** Who speaks in each turn, per source GUID. */
  speakers: z.array(entry(speakerMap)),
  /**
   * Version 2: name, parent GUID and parent path (names, top first) in the
   * copy of every code that new or changed codings use — so a code the main
   * project deleted meanwhile, which the copy only used, can still be named.
   */
  codeNames: z.record(z.string().min(1), z.object({ name: z.string(), parent: z.string().nullable(), path: z.array(z.string()) }).strict()).optional(),
  sources: z.object({
    added: z.array(addedSource),
    /** Text corrections: the copy's text (in `texts`) replaces the base text with hash `baseHash`. */
    corrected: z.array(z.object({ guid: z.string(), baseHash: z.string(), turns: z.array(z.tuple([z.number().int(), z.number().int()])) }).strict()),
    /** The copy's text of every source the changes refer to by offset: what incoming offsets mean. */
    texts: z.record(z.string(), z.string()),
  }).strict(),
}).strict();

export type ChangeSet = z.infer<typeof changeSetSchema>;
export type Entry<T> = { guid: string; base?: T; value?: T };

function diff<T>(base: Record<string, T>, now: Record<string, T>, skipRemoved: (guid: string, b: T) => boolean = () => false): Entry<T>[] {
  const out: Entry<T>[] = [];
  for (const [guid, value] of Object.entries(now)) {
    const b = base[guid];
    if (b === undefined) out.push({ guid, value });
    else if (JSON.stringify(b) !== JSON.stringify(value)) out.push({ guid, base: b, value });
  }
  for (const [guid, b] of Object.entries(base)) if (!(guid in now) && !skipRemoved(guid, b)) out.push({ guid, base: b });
  return out;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A GUID-shaped name for a digest, so equal change sets get equal GUIDs. */
function digestGuid(digest: string): string {
  return `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
}

/** The change set of a coder copy: its state now against its base, by GUID. */
export function deriveChangeSet(copy: ProjectDb): ChangeSet {
  const team = teamCopyOf(copy);
  if (!team) throw new DomainError('team.not_copy', { file: basename(copy.path) });
  const base: TeamState = unpackState(team.base);
  const now = readState(copy);
  // Codings a text correction in the copy sent to review: the merge replays
  // the correction and re-anchors the main project's own rows the same way.
  const lost = new Set(copy.sqlite.prepare('SELECT coding_guid FROM lost_codings').pluck().all() as string[]);
  const codings = diff(base.codings, now.codings, (guid) => lost.has(guid));
  const textOf = copy.sqlite.prepare('SELECT text, text_hash AS hash FROM sources WHERE guid = ?');
  const texts: Record<string, string> = {};
  const textHashes: Record<string, string> = {};
  const need = (guid: string) => {
    if (!(guid in texts)) {
      const t = textOf.get(guid) as { text: string; hash: string } | undefined;
      if (t !== undefined) {
        texts[guid] = t.text;
        textHashes[guid] = t.hash;
      }
    }
  };
  const addedGuids = Object.keys(now.sources).filter((g) => !(g in base.sources));
  const added = addedGuids.map((guid) => {
    need(guid);
    const s = copy.sqlite.prepare('SELECT id, name, original_format AS originalFormat, original_file_name AS originalFileName, metadata FROM sources WHERE guid = ?')
      .get(guid) as { id: number; name: string; originalFormat: string; originalFileName: string | null; metadata: string };
    const turns = (copy.sqlite.prepare(
      `SELECT t.start, t."end" AS "end", t.speaker_label AS speakerLabel, p.guid AS participant, t.is_interviewer AS isInterviewer,
         t.timestamp_ms AS timestampMs, t.kind FROM turns t LEFT JOIN participants p ON p.id = t.participant_id
       WHERE t.source_id = ? ORDER BY t.start, t.id`,
    ).all(s.id) as { start: number; end: number; speakerLabel: string; participant: string | null; isInterviewer: number; timestampMs: number | null; kind: 'speech' | 'note' }[])
      .map((t) => ({ ...t, isInterviewer: t.isInterviewer === 1 }));
    return { guid, name: s.name, originalFormat: s.originalFormat, originalFileName: s.originalFileName, metadata: s.metadata, turns };
  });
  const corrected = Object.entries(now.sources)
    .filter(([guid, s]) => base.sources[guid] !== undefined && base.sources[guid].hash !== s.hash)
    .map(([guid]) => {
      need(guid);
      const turns = copy.sqlite.prepare(`SELECT t.start, t."end" FROM turns t JOIN sources s ON s.id = t.source_id WHERE s.guid = ? ORDER BY t.start, t.id`)
        .raw().all(guid) as [number, number][];
      return { guid, baseHash: base.sources[guid]!.hash, turns };
    });
  for (const c of codings) if (c.value) need(c.value.source);
  const codeNames: NonNullable<ChangeSet['codeNames']> = {};
  for (const c of codings) {
    const code = c.value?.code;
    const own = code === undefined ? undefined : now.codes[code];
    if (code === undefined || !own || code in codeNames) continue;
    const path: string[] = [];
    // Walk up to the top; the guard stops a (never expected) parent cycle.
    for (let p = own.parent, n = 0; p !== null && now.codes[p] && n < 100; p = now.codes[p]!.parent, n++) path.unshift(now.codes[p]!.name);
    codeNames[code] = { name: own.name, parent: own.parent, path };
  }
  const body = {
    copy: team.guid,
    project: team.baseProjectGuid,
    coder: team.coder,
    codes: diff(base.codes, now.codes),
    codings,
    memos: diff(base.memos, now.memos),
    participants: diff(base.participants, now.participants),
    attributes: diff(base.attributes, now.attributes),
    values: diff(base.values, now.values),
    speakers: diff(base.speakers, now.speakers, () => true),
    codeNames,
    sources: { added, corrected, texts },
  };
  // The texts enter the digest by their stored hash: the same identity, without
  // serialising and hashing megabytes of transcript text on every preview.
  const guid = digestGuid(sha256(JSON.stringify({ ...body, sources: { added, corrected, texts: textHashes } })));
  const { copy: copyGuid, project, coder, ...rest } = body;
  // The state's strings are the schema's enums (the database's check constraints hold them).
  return { format: CHANGES_FORMAT, version: CHANGES_VERSION, guid, copy: copyGuid, project, coder, createdAt: new Date().toISOString(), ...rest } as ChangeSet;
}

/** Writes a change set file atomically: gzip of the JSON with a checksum of everything else. */
export function writeChangeSetFile(path: string, cs: ChangeSet): void {
  const json = JSON.stringify(cs);
  const file = JSON.stringify({ ...cs, checksum: sha256(json) });
  try {
    // Level 1: texts shrink ~3× at a fraction of the default level's time (as the QDPX export does).
    writeFileAtomic(path, gzipSync(file, { level: 1 }));
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('team.write_failed', { file: basename(path), detail: err instanceof Error && 'code' in err ? String(err.code) : 'unknown' });
  }
}

/**
 * Reads and checks a change set file. Every kind of bad input ends in one
 * DomainError naming the file: not readable, truncated, not a change set, of
 * a newer format, edited by hand (checksum), malformed.
 */
export function readChangeSetFile(path: string): ChangeSet {
  const file = basename(path);
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch {
    throw new DomainError('team.unreadable', { file });
  }
  let text: string;
  try {
    text = gunzipSync(raw).toString('utf8');
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    // A gzip stream cut short: the file was truncated on the way.
    if (code === 'Z_BUF_ERROR' || (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b)) throw new DomainError('team.truncated', { file });
    throw new DomainError('team.not_changes', { file });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DomainError('team.not_changes', { file });
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== CHANGES_FORMAT) {
    throw new DomainError('team.not_changes', { file });
  }
  const { checksum, ...rest } = parsed as { checksum?: unknown; version?: unknown };
  if (typeof rest.version === 'number' && rest.version > CHANGES_VERSION) {
    throw new DomainError('team.newer_format', { file, version: rest.version });
  }
  if (typeof checksum !== 'string' || sha256(JSON.stringify(rest)) !== checksum) throw new DomainError('team.edited', { file });
  const result = changeSetSchema.safeParse(rest);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DomainError('team.malformed', { file, detail: issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown' });
  }
  return result.data;
}
