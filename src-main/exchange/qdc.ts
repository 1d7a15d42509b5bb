// REFI-QDA codebooks (.qdc): export the project's codebook (valid against
// Codebook.xsd), and merge a file's codebook into the open project — matched
// by GUID first, then by name under the same parent, so importing the same
// codebook twice creates nothing the second time. One undoable step.
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { i18n } from 'i18next';
import type { ProjectDb } from '../db/open.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { recordAction } from '../history/record.ts';
import { refuseLockedCodebook } from '../team/lock.ts';
import { DomainError } from '../../src-shared/errors.ts';
import type { Language } from '../../src-shared/i18n/catalog.ts';
import type { LossKind, QdcExportResult, QdcImportResult, QdcPreview, QdcPreviewCode } from '../../src-shared/contracts/exchange.ts';
import { xmlBytesToText } from '../import/xml-safety.ts';
import { readExportData } from './export-data.ts';
import { guidKey, isUuid } from './ids.ts';
import { LossLog } from './loss.ts';
import { planCodebook, type PlanCode } from './plan-codes.ts';
import { readQdc, type QdeCode, type QdeSet } from './qde-read.ts';
import { CODEBOOK_NS, childrenByParent, duidingOrigin, writeCodes, writeRoleSets } from './qde-write.ts';
import { APP_VERSION } from './qdpx-export.ts';
import { XmlWriter } from './xml-writer.ts';

/** A codebook file is small; anything bigger than this is no codebook. */
const MAX_QDC_BYTES = 50 * 1024 * 1024;

export interface QdcRead {
  fileName: string;
  origin: string;
  codes: QdeCode[];
  sets: QdeSet[];
}

export function writeCodebookQdc(db: ProjectDb, language: Language, t: i18n['t']): { xml: string; codes: number } {
  const data = readExportData(db);
  const w = new XmlWriter();
  w.open('CodeBook', { xmlns: CODEBOOK_NS, origin: duidingOrigin(APP_VERSION) });
  w.open('Codes');
  writeCodes(w, childrenByParent(data.codes), null, language);
  w.close();
  if (data.codes.some((c) => c.role !== 'code')) {
    w.open('Sets');
    writeRoleSets(w, data.codes, data.project.guid, t, 'guid');
    w.close();
  }
  w.close();
  return { xml: w.toString(), codes: data.codes.length };
}

/** @throws DomainError exchange.empty_codebook (the schema needs at least one code), exchange.write_failed */
export function exportQdc(db: ProjectDb, path: string, language: Language, t: i18n['t']): QdcExportResult {
  const { xml, codes } = writeCodebookQdc(db, language, t);
  if (codes === 0) throw new DomainError('exchange.empty_codebook', { file: basename(path) });
  try {
    writeFileAtomic(path, xml);
  } catch (err) {
    throw new DomainError('exchange.write_failed', { file: basename(path), detail: (err as NodeJS.ErrnoException).code ?? 'error' });
  }
  return { path, codes };
}

export function readQdcFile(path: string): QdcRead {
  const fileName = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    throw new DomainError('import.unreadable', { file: fileName, detail: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
  if (size > MAX_QDC_BYTES) throw new DomainError('import.too_large', { file: fileName, size: `${Math.round(size / 1048576)} MB`, limit: '50 MB' });
  const xml = xmlBytesToText(readFileSync(path)).replace(/^\uFEFF/, '');
  const book = readQdc(xml, fileName);
  if (book.codes.length === 0) throw new DomainError('exchange.empty_codebook', { file: fileName });
  return { fileName, ...book };
}

interface Existing { id: number; guid: string; parentId: number | null; name: string }

interface MergeStep {
  code: PlanCode;
  status: QdcPreviewCode['status'];
  /** The existing code it merges into (guid/name), or the parent step/id it is created under (new). */
  existingId: number | null;
  parent: MergeStep | number | null;
  children: MergeStep[];
}

const nameKey = (s: string) => s.trim().toLowerCase();

function mergePlan(db: ProjectDb, read: QdcRead, hierarchyFromNames: boolean) {
  const book = planCodebook(read.codes, read.sets, hierarchyFromNames);
  const existing = db.sqlite.prepare('SELECT id, guid, parent_id AS parentId, name FROM codes').all() as Existing[];
  const byGuid = new Map(existing.map((c) => [c.guid.toLowerCase(), c]));
  const byParentName = new Map(existing.map((c) => [`${c.parentId ?? 0}|${nameKey(c.name)}`, c]));
  const lost = new LossLog<LossKind>();
  for (const name of book.notCodable) lost.add('notCodable', 1, name);
  for (const set of book.otherSets) lost.add('set', 1, set.name || set.key);
  const counts = { created: 0, guid: 0, name: 0 };
  // Codes created under a parent in this import, by name: a file that repeats a name merges it.
  const createdByParent = new Map<MergeStep | number | null, Map<string, MergeStep>>();
  const walk = (list: readonly PlanCode[], parent: MergeStep | number | null): MergeStep[] =>
    list.map((code) => {
      const guid = guidKey(code.fileGuid);
      const parentId = typeof parent === 'number' ? parent : parent === null ? null : parent.existingId;
      const sameGuid = isUuid(guid) ? byGuid.get(guid) : undefined;
      const sameName = parentId !== null || parent === null ? byParentName.get(`${parentId ?? 0}|${nameKey(code.name)}`) : undefined;
      const siblings = createdByParent.get(parent) ?? new Map<string, MergeStep>();
      createdByParent.set(parent, siblings);
      const again = siblings.get(nameKey(code.name));
      let step: MergeStep;
      if (sameGuid) step = { code, status: 'guid', existingId: sameGuid.id, parent, children: [] };
      else if (sameName) step = { code, status: 'name', existingId: sameName.id, parent, children: [] };
      else if (again) step = again;
      else {
        step = { code, status: 'new', existingId: null, parent, children: [] };
        siblings.set(nameKey(code.name), step);
      }
      if (step !== again) counts[step.status === 'new' ? 'created' : step.status]++;
      step.children.push(...walk(code.children, step.status === 'new' ? step : step.existingId));
      return step;
    });
  const steps = walk(book.roots, null);
  const unique = (list: MergeStep[]) => [...new Set(list)];
  const toPreview = (list: MergeStep[]): QdcPreviewCode[] => unique(list).map((s) => ({ name: s.code.name, status: s.status, children: toPreview(s.children) }));
  return { steps: unique(steps), counts, lost, preview: toPreview(steps), namesHoldHierarchy: book.namesHoldHierarchy };
}

export function previewQdc(db: ProjectDb, read: QdcRead, hierarchyFromNames: boolean): Omit<QdcPreview, 'token'> {
  // A codebook import adds codes: in a coder copy with a locked codebook, say so before the preview, not after it.
  refuseLockedCodebook(db);
  const plan = mergePlan(db, read, hierarchyFromNames);
  return {
    fileName: read.fileName, origin: read.origin, created: plan.counts.created, matchedByGuid: plan.counts.guid,
    matchedByName: plan.counts.name, codes: plan.preview, lost: plan.lost.entries(),
    namesHoldHierarchy: plan.namesHoldHierarchy, hierarchyFromNames,
  };
}

export function importQdc(db: ProjectDb, read: QdcRead, hierarchyFromNames: boolean, authorId: number | null): QdcImportResult {
  refuseLockedCodebook(db);
  const plan = mergePlan(db, read, hierarchyFromNames);
  const usedGuids = new Set(db.sqlite.prepare('SELECT guid FROM codes').pluck().all() as string[]);
  const insert = db.sqlite.prepare(
    `INSERT INTO codes (guid, parent_id, name, role, color, definition, include_criteria, exclude_criteria, example, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(sort_order), -1) + 1 FROM codes WHERE parent_id IS ?))`,
  );
  recordAction(db, { label: 'exchange.history.codebookImported', params: { file: read.fileName, count: plan.counts.created }, authorId }, () => {
    const done = new Set<MergeStep>();
    const apply = (list: MergeStep[]) => {
      for (const step of list) {
        if (done.has(step)) continue;
        done.add(step);
        if (step.status === 'new') {
          const parentId = typeof step.parent === 'number' ? step.parent : step.parent === null ? null : step.parent.existingId;
          const guid = guidKey(step.code.fileGuid);
          const own = isUuid(guid) && !usedGuids.has(guid) ? guid : randomUUID();
          usedGuids.add(own);
          const c = step.code;
          step.existingId = Number(insert.run(own, parentId, c.name, c.role, c.color, c.definition, c.includeCriteria, c.excludeCriteria, c.example, parentId).lastInsertRowid);
        }
        apply(step.children);
      }
    };
    apply(plan.steps);
  });
  return { created: plan.counts.created, matched: plan.counts.guid + plan.counts.name };
}
