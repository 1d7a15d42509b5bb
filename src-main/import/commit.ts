// Writes one parsed file into the project: participants it needs, remembered
// speaker mappings, the source with its turns and its search index — all in
// one transaction, so a failure leaves nothing behind.
import { prepared } from '../db/prepared.ts';
import { basename, extname } from 'node:path';
import type { ProjectDb } from '../db/open.ts';
import type { SpeakerTarget } from '../../src-shared/contracts/import.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { addSource, type NewTurn } from '../sources/sources.ts';
import { addParticipant, attributeIdByKey, setParticipantValue } from '../participants/participants.ts';
import { REGION_KEY } from '../templates/index.ts';
import type { ParsedFile } from './parse-file.ts';
import { findDuplicate, isGenericLabel, labelKey, suggestTarget } from './preview.ts';
import { recordAction } from '../history/record.ts';

export interface CommitOptions {
  name?: string;
  speakers: { label: string; target: SpeakerTarget }[];
  allowDuplicate?: boolean;
  /** New participants created earlier in the same batch (by name, or by the user's distinct key), so files share one. */
  created?: Map<string, number>;
}

/** Who a new participant is within a batch: the user's own key for "a person of their own", else the name. */
function personKey(target: Extract<SpeakerTarget, { kind: 'new' }>): string {
  return target.distinct !== undefined ? `distinct:${target.distinct}` : `name:${labelKey(target.name)}`;
}

function resolveTarget(db: ProjectDb, target: SpeakerTarget, created: Map<string, number>): { participantId: number | null; isInterviewer: boolean } {
  switch (target.kind) {
    case 'interviewer':
      return { participantId: null, isInterviewer: true };
    case 'participant': {
      const exists = prepared(db, 'SELECT 1 FROM participants WHERE id = ?').get(target.participantId);
      if (!exists) throw new DomainError('entity.not_found', { entity: 'participant', id: target.participantId });
      return { participantId: target.participantId, isInterviewer: false };
    }
    case 'new': {
      // The same name is the same person (issue 9 §8: never silently duplicated), in this
      // batch and in the project, unless the user said this one is a person of their own.
      const key = personKey(target);
      let id = created.get(key);
      if (id === undefined && target.distinct === undefined) {
        id = (prepared(db, 'SELECT id FROM participants WHERE lower(trim(name)) = ? ORDER BY id LIMIT 1').get(labelKey(target.name)) as
          | { id: number }
          | undefined)?.id;
      }
      if (id === undefined) {
        id = addParticipant(db, { name: target.name, perspective: target.perspective, role: target.role ?? '' });
        const regionId = target.region ? attributeIdByKey(db, REGION_KEY) : null;
        if (regionId !== null && target.region) setParticipantValue(db, id, regionId, target.region);
      }
      created.set(key, id);
      return { participantId: id, isInterviewer: false };
    }
  }
}

export function commitParsed(db: ProjectDb, parsed: ParsedFile, options: CommitOptions): number {
  const duplicate = findDuplicate(db, parsed.textHash);
  if (duplicate && !options.allowDuplicate) {
    throw new DomainError('import.duplicate', { file: parsed.fileName, existing: duplicate.name });
  }
  // Participants this file creates are kept apart until the file has committed:
  // after a rollback their ids are free again and SQLite hands them to the next
  // file's new participants (issue 10 §4: Anna, bestuurder, became Carl, inwoner).
  const batch = options.created;
  const created = new Map(batch ?? []);
  const chosen = new Map(options.speakers.map((s) => [labelKey(s.label), s.target]));
  const name = options.name ?? basename(parsed.fileName, extname(parsed.fileName));
  const sourceId = recordAction(db, { label: 'sourceImported', params: { name } }, () => {
    const bySpeaker = new Map<string, { participantId: number | null; isInterviewer: boolean }>();
    const remember = prepared(db,
      `INSERT INTO speaker_mappings (label_key, participant_id, is_interviewer, updated_at)
       VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
       ON CONFLICT (label_key) DO UPDATE SET participant_id = excluded.participant_id,
         is_interviewer = excluded.is_interviewer, updated_at = excluded.updated_at`,
    );
    for (const speaker of parsed.speakers) {
      const key = labelKey(speaker.label);
      const target = chosen.get(key) ?? suggestTarget(db, speaker.label, parsed.fileName).target;
      const resolved = resolveTarget(db, target, created);
      bySpeaker.set(key, resolved);
      // A generic label ("R") is someone else in the next file: only the interviewer role is remembered for it.
      if (!isGenericLabel(speaker.label) || resolved.isInterviewer) remember.run(key, resolved.participantId, resolved.isInterviewer ? 1 : 0);
    }
    const turns: NewTurn[] = parsed.turns.map((t) => {
      // A note ([lacht], MUZIEK) belongs to no one: no participant, not the interviewer.
      const who = t.label === null || t.kind === 'note' ? undefined : bySpeaker.get(labelKey(t.label));
      return {
        start: t.start, end: t.end, speakerLabel: t.label ?? '', timestampMs: t.timestampMs, kind: t.kind,
        participantId: who?.participantId ?? null, isInterviewer: who?.isInterviewer ?? false,
      };
    });
    return addSource(db, {
      name,
      text: parsed.text,
      originalFormat: parsed.format,
      originalFileName: parsed.fileName,
      metadata: {
        size: parsed.size, fileHash: parsed.fileHash, encoding: parsed.encoding?.name ?? null,
        encodingConfidence: parsed.encoding?.confidence ?? null, speakerConvention: parsed.convention,
        linesJoined: parsed.lineBreaks?.joined ?? false,
      },
      turns,
      chunks: parsed.chunks,
    });
  });
  if (batch) for (const [key, id] of created) batch.set(key, id);
  return sourceId;
}
