// What a read REFI-QDA file becomes in Duiding (docs/adr/0018): coders,
// codes, attributes, participants (from Cases), sources with turns, codings,
// memos (from Notes), key quotes and comparison tags (from Duiding's own
// notes) — and, for everything else, a loss or change entry. Pure and cheap:
// it runs on the main thread for every preview and again for the import.
import type { ChangeKind, ExchangeCounts, LossKind, QdpxPreview } from '../../src-shared/contracts/exchange.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { PERSPECTIVES, type Perspective } from '../../src-shared/domain/perspectives.ts';
import { canonicalValue } from '../../src-shared/domain/attribute-values.ts';
import { nl } from '../../src-shared/i18n/nl.ts';
import { en } from '../../src-shared/i18n/en.ts';
import type { AttributeType } from '../../src-shared/contracts/participants.ts';
import { fold } from '../memos/plain.ts';
import { LossLog } from './loss.ts';
import { readMark, type Mark } from './marks.ts';
import { countCodes, planCodebook, previewTree, type PlanCode } from './plan-codes.ts';
import type { QdeValue } from './qde-read.ts';
import { caseInfo, caseName, type PlanTurn } from './turns-plan.ts';
import type { ReadQdpx } from './qdpx-read.ts';

export interface PlanUser { key: string; fileGuid: string; name: string }
export interface PlanAttribute {
  key: string;
  fileGuid: string;
  name: string;
  type: AttributeType;
  choices: string[];
  /** Duiding's stable key ('region' for the learning region). */
  attrKey: string | null;
}
export interface PlanParticipant {
  key: string;
  fileGuid: string;
  name: string;
  perspective: Perspective | null;
  role: string;
  /** attribute key → canonical value */
  values: Map<string, string>;
}
export interface PlanCoding {
  key: string;
  fileGuid: string;
  codeKey: string;
  userKey: string;
  created: string;
  start: number;
  end: number;
  memo: string | null;
  keyQuote: boolean;
}
export interface PlanSource {
  key: string;
  fileGuid: string;
  name: string;
  text: string;
  format: string;
  turns: PlanTurn[];
  chunks: { start: number; end: number; stems: string }[];
  codings: PlanCoding[];
}
export type PlanTarget =
  | { kind: 'project' }
  | { kind: 'source' | 'participant' | 'code' | 'coding'; key: string };
export interface PlanMemo {
  fileGuid: string;
  title: string;
  plain: string;
  target: PlanTarget;
  userKey: string;
  created: string;
  modified: string;
}
export interface PlanComparison {
  fileGuid: string;
  tag: 'agrees' | 'contradicts';
  codeKey: string;
  codingKeys: string[];
  note: string;
  userKey: string;
}
export interface Plan {
  fileName: string;
  projectName: string;
  origin: string;
  users: PlanUser[];
  /** Who codings without a known coder are attributed to: a user key, or '' for a made "unknown coder". */
  fallbackUserKey: string | null;
  codes: PlanCode[];
  attributes: PlanAttribute[];
  participants: PlanParticipant[];
  sources: PlanSource[];
  memos: PlanMemo[];
  comparisons: PlanComparison[];
  lost: LossLog<LossKind>;
  changes: LossLog<ChangeKind>;
  namesHoldHierarchy: boolean;
  hierarchyFromNames: boolean;
  preview: Omit<QdpxPreview, 'token'>;
}

/** The user key a made "unknown coder" gets. */
export const UNKNOWN_USER = '\u0000unknown';


/** Perspective from a key or its Dutch or English label, ignoring case and accents. */
const PERSPECTIVE_BY_NAME = new Map<string, Perspective>(
  PERSPECTIVES.flatMap((p) => [[fold(p), p], [fold(nl.perspective[p]), p], [fold(en.perspective[p]), p], [fold(p.replace('_', ' ')), p]] as const),
);
export function perspectiveOf(value: string): Perspective | null {
  return PERSPECTIVE_BY_NAME.get(fold(value.trim())) ?? null;
}

const PERSPECTIVE_NAMES = new Set(['perspectief', 'perspective']);
const ROLE_NAMES = new Set(['rol', 'role', 'functie']);
const REGION_NAMES = new Set(['leerregio', 'learning region', 'regio', 'region']);

function typeOf(fileType: string): AttributeType | 'datetime' | null {
  switch (fileType.trim().toLowerCase()) {
    case 'text': return 'text';
    case 'boolean': return 'boolean';
    case 'integer': case 'float': return 'number';
    case 'date': return 'date';
    case 'datetime': return 'datetime';
    default: return null;
  }
}

/** A file value in the canonical text form of `type` (numbers and booleans as the schema writes them). */
function valueFor(attr: Pick<PlanAttribute, 'type' | 'choices'>, v: QdeValue): string | null {
  const raw = v.value.trim();
  if (attr.type === 'boolean') return canonicalValue(attr, raw === '1' ? 'true' : raw === '0' ? 'false' : raw.toLowerCase());
  if (attr.type === 'date') return canonicalValue(attr, raw.slice(0, 10));
  if (attr.type === 'text') return v.value;
  return canonicalValue(attr, raw);
}

interface VariableRole {
  kind: 'perspective' | 'role' | 'interviewer' | 'attribute' | 'sourceOnly' | 'lost';
  attribute?: PlanAttribute;
}

function planVariables(read: ReadQdpx, lost: LossLog<LossKind>, changes: LossLog<ChangeKind>): Map<string, VariableRole> {
  const { qde } = read;
  const onCases = new Map<string, QdeValue[]>();
  for (const c of qde.cases) for (const v of c.values) onCases.set(v.variable, [...(onCases.get(v.variable) ?? []), v]);
  const roles = new Map<string, VariableRole>();
  let regionTaken = false;
  for (const variable of qde.variables) {
    if (roles.has(variable.key)) continue;
    const { mark } = readMark(variable.description);
    const values = onCases.get(variable.key) ?? [];
    const name = variable.name.trim() || '—';
    const folded = fold(name);
    if (mark?.kind === 'perspective' || mark?.kind === 'role' || mark?.kind === 'interviewer') {
      roles.set(variable.key, { kind: mark.kind });
      continue;
    }
    if (!mark && PERSPECTIVE_NAMES.has(folded) && values.length > 0 && values.every((v) => perspectiveOf(v.value) !== null)) {
      roles.set(variable.key, { kind: 'perspective' });
      continue;
    }
    if (!mark && ROLE_NAMES.has(folded) && typeOf(variable.type) === 'text') {
      roles.set(variable.key, { kind: 'role' });
      continue;
    }
    if (values.length === 0 && qde.texts.some((t) => t.values.some((v) => v.variable === variable.key))) {
      roles.set(variable.key, { kind: 'sourceOnly' });
      continue;
    }
    const fileType = typeOf(variable.type);
    const attrMark = mark?.kind === 'attribute' ? mark : null;
    if (!attrMark && fileType === null) {
      lost.add('variableType', 1, `${name} (${variable.type || '?'})`);
      roles.set(variable.key, { kind: 'lost' });
      continue;
    }
    if (fileType === 'datetime' && !attrMark) changes.add('dateTimeAsText', 1, name);
    let type: AttributeType = attrMark?.type ?? (fileType === 'datetime' || fileType === null ? 'text' : fileType);
    let attrKey = attrMark?.key ?? null;
    if (!attrMark && !regionTaken && REGION_NAMES.has(folded) && type === 'text') {
      attrKey = 'region';
      type = 'choice';
    }
    if (attrKey === 'region') regionTaken = true;
    let choices = attrMark?.choices ?? [];
    if (type === 'choice') {
      // Every value the file uses must be a choice, whatever the mark listed.
      const seen = new Set(choices);
      for (const v of values) if (v.value.trim() && !seen.has(v.value.trim())) seen.add(v.value.trim());
      choices = [...seen];
    }
    roles.set(variable.key, { kind: 'attribute', attribute: { key: variable.key, fileGuid: variable.guid, name, type, choices, attrKey } });
  }
  return roles;
}

export interface PlanOptions {
  hierarchyFromNames: boolean;
}

export function planImport(read: ReadQdpx, options: PlanOptions): Plan {
  const { qde, fileName } = read;
  const lost = new LossLog<LossKind>();
  const changes = new LossLog<ChangeKind>();

  // --- Codebook -----------------------------------------------------------
  const codebook = planCodebook(qde.codes, qde.sets, options.hierarchyFromNames);
  if (options.hierarchyFromNames && codebook.namesHoldHierarchy) changes.add('hierarchyFromNames', 1);
  for (const name of codebook.notCodable) lost.add('notCodable', 1, name);
  for (const set of codebook.otherSets) {
    lost.add('set', 1, set.name || set.key);
  }

  // --- Users ----------------------------------------------------------------
  const toolName = qde.origin.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const users: PlanUser[] = [];
  const userNames = new Set<string>();
  const keptUsers = new Set<string>();
  for (const [i, u] of qde.users.entries()) {
    if (keptUsers.has(u.key)) continue;
    // ATLAS.ti lists itself as a user; it is no coder.
    if (toolName && u.name.trim().toLowerCase() === toolName && /^[a-z]/.test(toolName) && qde.users.length > 1) {
      changes.add('pseudoUser', 1, u.name);
      continue;
    }
    let name = u.name.trim() || u.id.trim() || `#${i + 1}`;
    for (let n = 2; userNames.has(name.toLowerCase()); n++) name = `${u.name.trim() || u.id.trim() || `#${i + 1}`} (${n})`;
    userNames.add(name.toLowerCase());
    keptUsers.add(u.key);
    users.push({ key: u.key, fileGuid: u.key, name });
  }
  let needsUnknown = false;
  const fallback = keptUsers.has(qde.creatingUser) ? qde.creatingUser : users.length === 1 ? users[0]!.key : null;
  const userOf = (...candidates: string[]): string => {
    for (const c of candidates) if (c && keptUsers.has(c)) return c;
    if (fallback) return fallback;
    needsUnknown = true;
    return UNKNOWN_USER;
  };

  // --- Variables and cases --------------------------------------------------
  const roles = planVariables(read, lost, changes);
  const attributes = [...roles.values()].flatMap((r) => (r.attribute ? [r.attribute] : []));
  const participants: PlanParticipant[] = [];
  const cases = caseInfo(qde);
  const memos: PlanMemo[] = [];
  for (const [i, c] of qde.cases.entries()) {
    const name = caseName(qde, i);
    if (cases.interviewers.has(c.key)) continue;
    if (c.codeRefs > 0) lost.add('caseCoding', c.codeRefs, name);
    const p: PlanParticipant = { key: c.key, fileGuid: c.guid, name, perspective: null, role: '', values: new Map() };
    for (const v of c.values) {
      const role = roles.get(v.variable);
      if (!role) continue;
      if (role.kind === 'perspective') p.perspective = perspectiveOf(v.value);
      else if (role.kind === 'role') p.role = v.value.trim();
      else if (role.kind === 'attribute' && role.attribute) {
        const value = valueFor(role.attribute, v);
        if (value === null) lost.add('attributeValue', 1, `${name}: ${role.attribute.name} = ${v.value}`);
        else p.values.set(role.attribute.key, value);
      }
    }
    if (c.description.trim()) {
      memos.push({ fileGuid: '', title: '', plain: c.description.trim(), target: { kind: 'participant', key: c.key }, userKey: '', created: '', modified: '' });
      changes.add('descriptionMemo', 1, name);
    }
    participants.push(p);
  }
  for (const t of qde.texts) {
    const onSource = t.values.length;
    if (onSource > 0) lost.add('sourceVariable', onSource, t.name || t.key);
  }

  // --- Notes with Duiding's own marks ---------------------------------------
  const noteMarks = new Map<string, Mark>();
  for (const n of qde.notes) {
    const { mark } = readMark(n.description);
    if (mark && (mark.kind === 'keyQuotes' || mark.kind === 'comparison')) noteMarks.set(n.key, mark);
  }
  const keyQuoteNotes = new Set([...noteMarks].filter(([, m]) => m.kind === 'keyQuotes').map(([k]) => k));

  // --- Sources, turns, codings -----------------------------------------------
  const noteTargets = new Map<string, PlanTarget[]>();
  const target = (note: string, t: PlanTarget) => {
    if (noteMarks.has(note)) return;
    noteTargets.set(note, [...(noteTargets.get(note) ?? []), t]);
  };
  for (const n of qde.projectNoteRefs) target(n, { kind: 'project' });
  const sources: PlanSource[] = [];
  const codingKeys = new Set<string>();
  const sourcePreviews: QdpxPreview['sources'] = [];
  let codingCount = 0;
  for (const [ti, t] of qde.texts.entries()) {
    const converted = read.texts[ti]!;
    const name = t.name.trim() || t.plainTextPath.replace(/^internal:\/\//i, '') || t.key;
    if (t.richTextPath) lost.add('richText', 1, name);
    const allCodings = t.selections.reduce((n, s) => n + s.codings.length, 0);
    for (const c of [...t.codings, ...t.selections.flatMap((s) => s.codings)]) {
      if (!codebook.byKey.has(c.code)) {
        throw new DomainError('exchange.missing_code', { file: fileName, code: c.code || '–', source: name });
      }
    }
    if (t.codings.length > 0) lost.add('sourceCoding', t.codings.length, name);
    if (converted.text === null) {
      lost.add('missingSourceText', 1, name);
      lost.add('codingOnMissingText', allCodings, name);
      sourcePreviews.push({ name, characters: 0, codings: 0, unit: converted.unit, checked: 0, matched: 0, missing: true });
      continue;
    }
    const text = converted.text;
    if (converted.unitChosenBy === 'content') changes.add('positions', 1, `${name}: ${converted.unit}`);
    for (const n of t.noteRefs) target(n, { kind: 'source', key: t.key });
    if (t.description.trim()) {
      memos.push({ fileGuid: '', title: '', plain: t.description.trim(), target: { kind: 'source', key: t.key }, userKey: '', created: '', modified: '' });
      changes.add('descriptionMemo', 1, name);
    }

    const planned = converted.planned!;
    const codings: PlanCoding[] = [];
    t.selections.forEach((sel, si) => {
      const range = converted.selections[si]!;
      if (!range.exact) changes.add('adjustedSelection', 1, name);
      if (sel.codings.length === 0) return;
      if (range.end <= range.start) {
        lost.add('emptySelection', sel.codings.length, name);
        return;
      }
      const { readable } = readMark(sel.description);
      for (const c of sel.codings) {
        const keyQuote = c.noteRefs.some((n) => keyQuoteNotes.has(n));
        const key = c.key && !codingKeys.has(c.key) ? c.key : `${t.key}:${si}:${codings.length}`;
        codingKeys.add(key);
        codings.push({
          key, fileGuid: c.guid, codeKey: c.code, userKey: userOf(c.user, sel.user), created: c.created || sel.created,
          start: range.start, end: range.end, memo: readable.trim() ? readable : null, keyQuote,
        });
        for (const n of c.noteRefs) target(n, { kind: 'coding', key });
        for (const n of sel.noteRefs) target(n, { kind: 'coding', key });
      }
    });
    lost.add('selectionWithoutCode', planned.uncoded, name);
    lost.add('overlappingPassage', planned.overlapping, name);
    if (planned.plain) changes.add('plainTurns', 1, name);
    const turns = planned.turns;
    codingCount += codings.length;
    sources.push({ key: t.key, fileGuid: t.guid, name, text, format: t.kind === 'pdf' ? 'pdf' : 'txt', turns, chunks: planned.chunks, codings });
    sourcePreviews.push({
      name, characters: text.length, codings: codings.length, unit: converted.unit, checked: converted.checked,
      matched: converted.matched, missing: false,
    });
    if (converted.checked > converted.matched) changes.add('mismatchedSelection', converted.checked - converted.matched, name);
    changes.add('offBoundarySelection', converted.offBoundary, name);
  }

  // --- Code notes, links, and the notes themselves ----------------------------
  const walk = (list: readonly PlanCode[]) => {
    for (const c of list) {
      for (const n of c.noteRefs) target(n, { kind: 'code', key: c.key });
      walk(c.children);
    }
  };
  walk(codebook.roots);
  const participantKeys = new Set(participants.map((p) => p.key));
  const sourceKeys = new Set(sources.map((s) => s.key));
  const noteKeys = new Set(qde.notes.map((n) => n.key));
  const targetOf = (key: string): PlanTarget | null => {
    if (participantKeys.has(key)) return { kind: 'participant', key };
    if (sourceKeys.has(key)) return { kind: 'source', key };
    if (codebook.byKey.has(key)) return { kind: 'code', key };
    if (codingKeys.has(key)) return { kind: 'coding', key };
    return null;
  };
  for (const link of qde.links) {
    const fromNote = noteKeys.has(link.origin) ? targetOf(link.target) : null;
    const toNote = noteKeys.has(link.target) ? targetOf(link.origin) : null;
    if (fromNote) target(link.origin, fromNote);
    else if (toNote) target(link.target, toNote);
    else lost.add('link', 1, link.name || link.key);
  }
  for (const n of qde.notes) {
    if (noteMarks.has(n.key)) continue;
    const { readable } = readMark(n.description);
    const body = n.content ?? read.noteTexts[n.key] ?? '';
    const plain = [readable.trim(), body.trim()].filter(Boolean).join('\n\n');
    const targets = noteTargets.get(n.key) ?? [{ kind: 'project' as const }];
    if (targets.length > 1) changes.add('noteCopies', targets.length - 1, n.name || n.key);
    for (const [i, t] of targets.entries()) {
      memos.push({ fileGuid: i === 0 ? n.guid : '', title: n.name.trim(), plain, target: t, userKey: keptUsers.has(n.user) ? n.user : '', created: n.created, modified: n.modified });
    }
  }
  if (qde.description.trim()) {
    memos.push({ fileGuid: '', title: qde.name, plain: qde.description.trim(), target: { kind: 'project' }, userKey: '', created: '', modified: '' });
    changes.add('descriptionMemo', 1, qde.name);
  }

  // --- Comparison tags ------------------------------------------------------
  const comparisons: PlanComparison[] = [];
  for (const n of qde.notes) {
    const mark = noteMarks.get(n.key);
    if (mark?.kind !== 'comparison') continue;
    const codingsKnown = mark.codings.every((k) => codingKeys.has(k));
    if (!codebook.byKey.has(mark.code) || !codingsKnown) {
      lost.add('comparison', 1, n.name);
      continue;
    }
    comparisons.push({
      fileGuid: n.guid, tag: mark.tag, codeKey: mark.code, codingKeys: mark.codings,
      note: (n.content ?? read.noteTexts[n.key] ?? '').trim(), userKey: keptUsers.has(n.user) ? n.user : '',
    });
  }

  // --- What Duiding has no place for ------------------------------------------
  const o = qde.other;
  for (const name of o.pdfSources) lost.add('pdfSource', 1, name);
  lost.add('pdfSelection', o.pdfSelections);
  for (const name of o.pictureSources) lost.add('pictureSource', 1, name);
  lost.add('pictureSelection', o.pictureSelections);
  for (const name of o.audioSources) lost.add('audioSource', 1, name);
  for (const name of o.videoSources) lost.add('videoSource', 1, name);
  lost.add('mediaSelection', o.mediaSelections);
  lost.add('transcriptSelection', o.transcriptSelections);
  lost.add('otherCoding', o.otherCodings);
  for (const name of o.graphs) lost.add('graph', 1, name);

  if (needsUnknown) changes.add('unknownCoder', 1);
  const counts: ExchangeCounts = {
    codes: countCodes(codebook.roots),
    sources: sources.length,
    codings: codingCount,
    notes: memos.length,
    cases: participants.length,
    users: users.length + (needsUnknown ? 1 : 0),
  };
  const projectName = qde.name.trim() || fileName.replace(/\.(qdpx|qde)$/i, '');
  return {
    fileName, projectName, origin: qde.origin, users, fallbackUserKey: needsUnknown ? UNKNOWN_USER : null,
    codes: codebook.roots, attributes, participants, sources, memos, comparisons, lost, changes,
    namesHoldHierarchy: codebook.namesHoldHierarchy, hierarchyFromNames: options.hierarchyFromNames,
    preview: {
      fileName, projectName, origin: qde.origin, counts,
      coders: users.map((u) => u.name),
      codebook: previewTree(codebook.roots),
      sources: sourcePreviews,
      lost: lost.entries(),
      changes: changes.entries(),
      namesHoldHierarchy: codebook.namesHoldHierarchy,
      hierarchyFromNames: options.hierarchyFromNames,
    },
  };
}
