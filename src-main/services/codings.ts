import { randomUUID } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';

export interface NewCoding {
  sourceId: number;
  codeId: number;
  start: number;
  end: number;
  coderId: number;
  isKeyQuote?: boolean;
  memo?: string | null;
}

/** Prepared once per project: used on hot paths (bench, autocoding). */
export function codingInserter(db: ProjectDb) {
  const textOf = db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  const insert = db.sqlite.prepare(
    `INSERT INTO codings (guid, source_id, code_id, start, "end", coder_id, memo, is_key_quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const cache = new Map<number, string>();
  return (c: NewCoding): number => {
    let text = cache.get(c.sourceId);
    if (text === undefined) {
      text = textOf.get(c.sourceId) as string | undefined;
      if (text === undefined) throw new DomainError('entity.not_found', { entity: 'source', id: c.sourceId });
      cache.set(c.sourceId, text);
    }
    if (!isValidRange(text, c.start, c.end)) {
      throw new DomainError('invalid_input', { channel: 'codings.add', detail: `range ${c.start}-${c.end}` });
    }
    return Number(
      insert.run(randomUUID(), c.sourceId, c.codeId, c.start, c.end, c.coderId, c.memo ?? null, c.isKeyQuote ? 1 : 0)
        .lastInsertRowid,
    );
  };
}

export function addCoding(db: ProjectDb, c: NewCoding): number {
  return codingInserter(db)(c);
}
