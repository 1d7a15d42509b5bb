// A project's exchange data → project.qde (QDA-XML 1.0, urn:QDA-XML:project:1.0),
// element order as Project.xsd requires. Positions are Unicode code points of
// the stored text (the spec's convention), converted from our UTF-16 offsets
// here and nowhere else. What the schema has no element for is written as
// documented in docs/adr/0018.
import type { i18n } from 'i18next';
import type { Language } from '../../src-shared/i18n/catalog.ts';
import type { ExportData, ExCode, ExCoding, ExTurn } from './export-data.ts';
import { derivedUuid } from './ids.ts';
import { codeDescription, withMark } from './marks.ts';
import { codePointCounter } from './text-map.ts';
import { escapeAttr, XmlWriter } from './xml-writer.ts';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

export function duidingOrigin(version: string): string {
  return `Duiding ${version}`;
}

/** The codes as a tree: children by parent id, in sort order (the query's order). */
export function childrenByParent(codes: readonly ExCode[]): Map<number | null, ExCode[]> {
  const out = new Map<number | null, ExCode[]>();
  for (const c of codes) {
    const list = out.get(c.parentId);
    if (list) list.push(c);
    else out.set(c.parentId, [c]);
  }
  return out;
}

/** Code elements (project or codebook schema: only the project's may carry NoteRefs). */
export function writeCodes(
  w: XmlWriter,
  children: Map<number | null, ExCode[]>,
  parent: number | null,
  language: Language,
  noteRefs: (code: ExCode) => string[] = () => [],
): void {
  for (const c of children.get(parent) ?? []) {
    w.open('Code', { guid: c.guid, name: c.name, isCodable: true, color: c.color });
    const description = codeDescription(c, language);
    if (description) w.text('Description', description);
    for (const ref of noteRefs(c)) w.empty('NoteRef', { targetGUID: ref });
    writeCodes(w, children, c.id, language, noteRefs);
    w.close();
  }
}

/** Duiding's code roles as Sets of codes (Codebook.xsd uses `guid`, Project.xsd `targetGUID` on MemberCode). */
export function writeRoleSets(w: XmlWriter, codes: readonly ExCode[], projectGuid: string, t: i18n['t'], memberAttr: 'guid' | 'targetGUID'): boolean {
  const roles = (['building_block', 'theme_group'] as const).filter((r) => codes.some((c) => c.role === r));
  if (roles.length === 0) return false;
  for (const role of roles) {
    w.open('Set', { guid: derivedUuid(projectGuid, 'role', role), name: t(`exchange.export.roleSet.${role}`) });
    w.text('Description', withMark(t('exchange.export.roleSetNote'), { kind: 'codeRole', role }));
    for (const c of codes) if (c.role === role) w.empty('MemberCode', { [memberAttr]: c.guid });
    w.close();
  }
  return true;
}

/** A short excerpt as the selection's name, as ATLAS.ti does: readable in other tools, checked on import. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= 60 ? flat : `${chars.slice(0, 60).join('')}…`;
}

function decimal(value: string): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return '0';
  const s = String(n);
  return /e/i.test(s) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

export interface QdeOptions {
  language: Language;
  t: i18n['t'];
  version: string;
  /** Called after each source, for progress. */
  onSource?: (done: number) => void;
}

export function writeProjectQde(data: ExportData, options: QdeOptions): Uint8Array {
  const { t, language } = options;
  const pg = data.project.guid;
  const userGuid = new Map(data.users.map((u) => [u.id, u.guid]));
  const codeGuid = new Map(data.codes.map((c) => [c.id, c.guid]));
  const participantIds = new Set(data.participants.map((p) => p.id));
  const allCodings = [...data.codings.values()].flat();
  const codingGuid = new Map(allCodings.map((c) => [c.id, c.guid]));
  const w = new XmlWriter();
  w.open('Project', {
    xmlns: PROJECT_NS,
    name: data.project.name,
    origin: duidingOrigin(options.version),
    creationDateTime: data.project.createdAt,
    modifiedDateTime: new Date().toISOString(),
  });

  // Which notes each element points at.
  const refs = new Map<string, string[]>();
  const addRef = (target: string, note: string) => refs.set(target, [...(refs.get(target) ?? []), note]);
  const projectNotes: string[] = [];
  const participantMemos: { note: string; participant: string }[] = [];
  const targets = new Set<string>([
    ...data.sources.map((s) => s.guid), ...data.codes.map((c) => c.guid), ...allCodings.map((c) => c.guid),
  ]);
  const participantGuids = new Set(data.participants.map((p) => p.guid));
  for (const m of data.memos) {
    if (m.targetKind === 'participant' && m.targetGuid && participantGuids.has(m.targetGuid)) participantMemos.push({ note: m.guid, participant: m.targetGuid });
    else if (m.targetKind !== 'project' && m.targetGuid && targets.has(m.targetGuid)) addRef(m.targetGuid, m.guid);
    else projectNotes.push(m.guid);
  }
  const keyQuoteNote = derivedUuid(pg, 'keyQuotes');
  for (const c of allCodings) if (c.keyQuote) addRef(c.guid, keyQuoteNote);
  for (const tag of data.tags) {
    for (const id of [tag.codingId, tag.otherCodingId]) {
      const g = id === null ? undefined : codingGuid.get(id);
      if (g) addRef(g, tag.guid);
    }
  }

  // Users, codebook.
  if (data.users.length > 0) {
    w.open('Users');
    for (const u of data.users) w.empty('User', { guid: u.guid, name: u.name });
    w.close();
  }
  const children = childrenByParent(data.codes);
  if (data.codes.length > 0) {
    w.open('CodeBook').open('Codes');
    writeCodes(w, children, null, language, (c) => refs.get(c.guid) ?? []);
    w.close().close();
  }

  // Variables: perspective, role, the interviewer flag, then every attribute.
  const allTurns = [...data.turns.values()].flat();
  const hasInterviewer = allTurns.some((tu) => tu.interviewer);
  const perspectiveVar = data.participants.some((p) => p.perspective) ? derivedUuid(pg, 'variable', 'perspective') : null;
  const roleVar = data.participants.some((p) => p.role.trim()) ? derivedUuid(pg, 'variable', 'role') : null;
  const interviewerVar = hasInterviewer ? derivedUuid(pg, 'variable', 'interviewer') : null;
  const variableType = { text: 'Text', choice: 'Text', number: 'Float', date: 'Date', boolean: 'Boolean' } as const;
  if (perspectiveVar || roleVar || interviewerVar || data.attributes.length > 0) {
    w.open('Variables');
    if (perspectiveVar) {
      w.open('Variable', { guid: perspectiveVar, name: t('exchange.export.perspectiveVariable'), typeOfVariable: 'Text' });
      w.text('Description', withMark(t('exchange.export.perspectiveNote'), { kind: 'perspective' })).close();
    }
    if (roleVar) {
      w.open('Variable', { guid: roleVar, name: t('exchange.export.roleVariable'), typeOfVariable: 'Text' });
      w.text('Description', withMark(t('exchange.export.roleNote'), { kind: 'role' })).close();
    }
    if (interviewerVar) {
      w.open('Variable', { guid: interviewerVar, name: t('exchange.export.interviewerVariable'), typeOfVariable: 'Boolean' });
      w.text('Description', withMark(t('exchange.export.interviewerNote'), { kind: 'interviewer' })).close();
    }
    for (const a of data.attributes) {
      w.open('Variable', { guid: a.guid, name: a.name, typeOfVariable: variableType[a.type] });
      const readable = a.type === 'choice' ? t('exchange.export.choices', { choices: a.choices.join('; ') }) : '';
      w.text('Description', withMark(readable, {
        kind: 'attribute', type: a.type, ...(a.key ? { key: a.key } : {}), ...(a.type === 'choice' ? { choices: a.choices } : {}),
      }));
      w.close();
    }
    w.close();
  }

  // Turn passages: one selection per turn, referred to by the speaker's case.
  const turnGuids = new Map<number, string[]>();
  for (const s of data.sources) turnGuids.set(s.id, turnGuidsOf(s.guid, data.turns.get(s.id) ?? []));
  const passagesOf = new Map<number | 'interviewer', string[]>();
  for (const [sourceId, turns] of data.turns) {
    const guids = turnGuids.get(sourceId);
    if (!guids) continue;
    turns.forEach((tu, k) => {
      const owner = tu.interviewer ? 'interviewer' : tu.participantId !== null && participantIds.has(tu.participantId) ? tu.participantId : null;
      if (owner === null) return;
      const list = passagesOf.get(owner);
      if (list) list.push(guids[k]!);
      else passagesOf.set(owner, [guids[k]!]);
    });
  }
  const attributeById = new Map(data.attributes.map((a) => [a.id, a]));
  if (data.participants.length > 0 || hasInterviewer) {
    w.open('Cases');
    for (const p of data.participants) {
      w.open('Case', { guid: p.guid, name: p.name });
      if (perspectiveVar && p.perspective) {
        w.open('VariableValue').empty('VariableRef', { targetGUID: perspectiveVar }).text('TextValue', t(`perspective.${p.perspective}`)).close();
      }
      if (roleVar && p.role.trim()) w.open('VariableValue').empty('VariableRef', { targetGUID: roleVar }).text('TextValue', p.role).close();
      for (const [aid, value] of p.values) {
        const a = attributeById.get(aid);
        if (!a) continue;
        w.open('VariableValue').empty('VariableRef', { targetGUID: a.guid });
        if (a.type === 'number') w.text('FloatValue', decimal(value));
        else if (a.type === 'date') w.text('DateValue', value);
        else if (a.type === 'boolean') w.text('BooleanValue', value === 'true' ? 'true' : 'false');
        else w.text('TextValue', value);
        w.close();
      }
      for (const g of passagesOf.get(p.id) ?? []) w.empty('SelectionRef', { targetGUID: g });
      w.close();
    }
    if (interviewerVar) {
      w.open('Case', { guid: derivedUuid(pg, 'case', 'interviewer'), name: t('exchange.export.interviewerCase') });
      w.open('VariableValue').empty('VariableRef', { targetGUID: interviewerVar }).text('BooleanValue', 'true').close();
      for (const g of passagesOf.get('interviewer') ?? []) w.empty('SelectionRef', { targetGUID: g });
      w.close();
    }
    w.close();
  }

  // Sources: the text as a file, turn passages and coded selections.
  if (data.sources.length > 0) {
    w.open('Sources');
    data.sources.forEach((s, i) => {
      w.open('TextSource', { guid: s.guid, name: s.name, plainTextPath: `internal://${s.guid}.txt`, creationDateTime: s.createdAt });
      const cp = codePointCounter(s.text);
      // Turns and codings both come sorted by start: merge them into one ordered list of selections.
      const turns = data.turns.get(s.id) ?? [];
      const guids = turnGuids.get(s.id)!;
      const codings = data.codings.get(s.id) ?? [];
      let ti = 0;
      let ci = 0;
      while (ti < turns.length || ci < codings.length) {
        const tu = turns[ti];
        const c = codings[ci];
        if (tu && (!c || tu.start < c.start || (tu.start === c.start && tu.end <= c.end))) writeTurn(w, tu, guids[ti++]!, cp);
        else if (c) {
          writeCoding(w, s.text, s.guid, c, cp, userGuid, codeGuid, refs);
          ci++;
        }
      }
      for (const ref of refs.get(s.guid) ?? []) w.empty('NoteRef', { targetGUID: ref });
      w.close();
      options.onSource?.(i + 1);
    });
    w.close();
  }

  // Notes: memos, the key-quote note, comparison tags.
  const anyKeyQuote = allCodings.some((c) => c.keyQuote);
  if (data.memos.length > 0 || anyKeyQuote || data.tags.length > 0) {
    w.open('Notes');
    for (const m of data.memos) {
      w.open('Note', {
        guid: m.guid, name: m.title, creatingUser: m.authorId === null ? undefined : userGuid.get(m.authorId),
        creationDateTime: m.createdAt, modifiedDateTime: m.updatedAt,
      });
      w.text('PlainTextContent', m.plain).close();
    }
    if (anyKeyQuote) {
      w.open('Note', { guid: keyQuoteNote, name: t('exchange.export.keyQuotes') });
      w.text('Description', withMark(t('exchange.export.keyQuotesNote'), { kind: 'keyQuotes' }));
      w.text('PlainTextContent', t('exchange.export.keyQuotesNote')).close();
    }
    for (const tag of data.tags) {
      const code = data.codes.find((c) => c.id === tag.codeId);
      const codings = [tag.codingId, tag.otherCodingId].filter((id): id is number => id !== null).map((id) => codingGuid.get(id)).filter((g): g is string => !!g);
      if (!code || codings.length === 0) continue;
      w.open('Note', { guid: tag.guid, name: `${t(`exchange.export.tag.${tag.tag}`)} — ${code.name}`, creatingUser: tag.authorId === null ? undefined : userGuid.get(tag.authorId) });
      w.text('Description', withMark(t('exchange.export.tagNote'), { kind: 'comparison', tag: tag.tag, code: code.guid, codings }));
      w.text('PlainTextContent', tag.note).close();
    }
    w.close();
  }

  // Links: participant memos (Cases have no NoteRef).
  if (participantMemos.length > 0) {
    w.open('Links');
    for (const l of participantMemos) {
      w.empty('Link', { guid: derivedUuid(l.note, 'link'), name: t('exchange.export.memoLink'), direction: 'OneWay', originGUID: l.note, targetGUID: l.participant });
    }
    w.close();
  }
  if (data.codes.some((c) => c.role !== 'code')) {
    w.open('Sets');
    writeRoleSets(w, data.codes, pg, t, 'targetGUID');
    w.close();
  }
  for (const ref of projectNotes) w.empty('NoteRef', { targetGUID: ref });
  w.close();
  return w.bytes();
}

/** GUIDs of a source's turn passages: one hash per source, the turn's index in the last 12 digits. */
function turnGuidsOf(sourceGuid: string, turns: readonly ExTurn[]): string[] {
  const base = derivedUuid(sourceGuid, 'turns').slice(0, 24);
  return turns.map((_, k) => `${base}${k.toString(16).padStart(12, '0')}`);
}

function writeTurn(w: XmlWriter, tu: ExTurn, guid: string, cp: (offset: number) => number): void {
  const name = tu.label ? ` name="${escapeAttr(tu.label)}"` : '';
  const open = `<PlainTextSelection guid="${guid}"${name} startPosition="${cp(tu.start)}" endPosition="${cp(tu.end)}"`;
  if (tu.kind !== 'note' && tu.timestampMs === null) {
    w.raw(`${open}/>`);
    return;
  }
  w.raw(`${open}>`);
  w.text('Description', withMark('', { kind: 'turn', ...(tu.kind === 'note' ? { note: true } : {}), ...(tu.timestampMs !== null ? { t: tu.timestampMs } : {}) }));
  w.raw('</PlainTextSelection>');
}

function writeCoding(
  w: XmlWriter,
  text: string,
  sourceGuid: string,
  c: ExCoding,
  cp: (offset: number) => number,
  userGuid: Map<number, string>,
  codeGuid: Map<number, string>,
  refs: Map<string, string[]>,
): void {
  const user = userGuid.get(c.coderId);
  w.open('PlainTextSelection', {
    guid: derivedUuid(sourceGuid, 'selection', c.guid), name: excerpt(text.slice(c.start, c.end)),
    startPosition: cp(c.start), endPosition: cp(c.end), creatingUser: user, creationDateTime: c.createdAt,
  });
  if (c.memo) w.text('Description', c.memo);
  w.open('Coding', { guid: c.guid, creatingUser: user, creationDateTime: c.createdAt });
  w.empty('CodeRef', { targetGUID: codeGuid.get(c.codeId)! });
  for (const ref of refs.get(c.guid) ?? []) w.empty('NoteRef', { targetGUID: ref });
  w.close().close();
}
