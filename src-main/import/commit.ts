// Writes one parsed file into the project: participants it needs, remembered
// speaker mappings, the source with its turns and its search index — all in
// one transaction, so a failure leaves nothing behind.
import { basename, extname } from 'node:path';
import type { ProjectDb } from '../db/open.ts';
import type { SpeakerTarget } from '../../src-shared/contracts/import.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { addSource, type NewTurn } from '../sources/sources.ts';
import { addParticipant, attributeIdByKey, setParticipantValue } from '../participants/participants.ts';
import { REGION_KEY } from '../templates/index.ts';
import type { ParsedFile } from './parse-file.ts';
import { findDuplicate, labelKey, suggestTarget } from './preview.ts';
import { recordAction } from '../history/record.ts';

export interface CommitOptions {
  name?: string;
  speakers: { label: string; target: SpeakerTarget }[];
  allowDuplicate?: boolean;
  /** New participants created earlier in the same batch, by "name|perspective", so two files can share one. */
  created?: Map<string, number>;
}

function resolveTarget(db: ProjectDb, target: SpeakerTarget, created: Map<string, number>): { participantId: number | null; isInterviewer: boolean } {
  switch (target.kind) {
    case 'interviewer':
      return { participantId: null, isInterviewer: true };
    case 'participant': {
      const exists = db.sqlite.prepare('SELECT 1 FROM participants WHERE id = ?').get(target.participantId);
      if (!exists) throw new DomainError('entity.not_found', { entity: 'participant', id: target.participantId });
      return { participantId: target.participantId, isInterviewer: false };
    }
    case 'new': {
      const key = `${target.name.toLowerCase()}|${target.perspective ?? ''}`;
      let id = created.get(key);
      if (id === undefined) {
        id = addParticipant(db, { name: target.name, perspective: target.perspective, role: target.role ?? '' });
        const regionId = target.region ? attributeIdByKey(db, REGION_KEY) : null;
        if (regionId !== null && target.region) setParticipantValue(db, id, regionId, target.region);
        created.set(key, id);
      }
      return { participantId: id, isInterviewer: false };
    }
  }
}

export function commitParsed(db: ProjectDb, parsed: ParsedFile, options: CommitOptions): number {
  const duplicate = findDuplicate(db, parsed.textHash);
  if (duplicate && !options.allowDuplicate) {
    throw new DomainError('import.duplicate', { file: parsed.fileName, existing: duplicate.name });
  }
  const created = options.created ?? new Map<string, number>();
  const chosen = new Map(options.speakers.map((s) => [labelKey(s.label), s.target]));
  const name = options.name ?? basename(parsed.fileName, extname(parsed.fileName));
  return recordAction(db, { label: 'sourceImported', params: { name } }, () => {
    const bySpeaker = new Map<string, { participantId: number | null; isInterviewer: boolean }>();
    const remember = db.sqlite.prepare(
      `INSERT INTO speaker_mappings (label_key, participant_id, is_interviewer, updated_at)
       VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
       ON CONFLICT (label_key) DO UPDATE SET participant_id = excluded.participant_id,
         is_interviewer = excluded.is_interviewer, updated_at = excluded.updated_at`,
    );
    for (const speaker of parsed.speakers) {
      const key = labelKey(speaker.label);
      const target = chosen.get(key) ?? suggestTarget(db, speaker.label).target;
      const resolved = resolveTarget(db, target, created);
      bySpeaker.set(key, resolved);
      remember.run(key, resolved.participantId, resolved.isInterviewer ? 1 : 0);
    }
    const turns: NewTurn[] = parsed.turns.map((t) => {
      const who = t.label === null ? undefined : bySpeaker.get(labelKey(t.label));
      return {
        start: t.start, end: t.end, speakerLabel: t.label ?? '', timestampMs: t.timestampMs,
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
      },
      turns,
      chunks: parsed.chunks,
    });
  });
}
