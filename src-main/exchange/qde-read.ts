// project.qde (and .qdc) XML → a plain model of what the file says, before
// any decision about what Duiding makes of it. Lenient about what vendors
// vary (namespace prefixes, the pre-1.0 namespace, GUID case and braces,
// CRLF or one-line XML, missing optional attributes); strict about what is
// malformed (not XML, entities, another root, positions that are no numbers).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { assertNoExternalEntities, decodeXmlEntities } from '../import/xml-safety.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { guidKey } from './ids.ts';

export const PROJECT_NAMESPACES = ['urn:QDA-XML:project:1.0', 'urn:QDA-XML:project:0:10'];
export const CODEBOOK_NAMESPACES = ['urn:QDA-XML:codebook:1.0', 'urn:QDA-XML:codebook:1:0', 'urn:QDA-XML:codebook:0:4'];

export interface QdeUser { key: string; name: string; id: string }
export interface QdeCode {
  key: string;
  guid: string;
  name: string;
  isCodable: boolean;
  color: string | undefined;
  description: string;
  noteRefs: string[];
  children: QdeCode[];
}
export interface QdeVariable { key: string; guid: string; name: string; type: string; description: string }
export interface QdeValue { variable: string; type: string; value: string }
export interface QdeCase {
  key: string;
  guid: string;
  name: string;
  description: string;
  values: QdeValue[];
  sourceRefs: string[];
  selectionRefs: string[];
  codeRefs: number;
}
export interface QdeCoding { key: string; guid: string; code: string; user: string; created: string; noteRefs: string[] }
export interface QdeSelection {
  key: string;
  guid: string;
  name: string;
  start: number;
  end: number;
  user: string;
  created: string;
  description: string;
  codings: QdeCoding[];
  noteRefs: string[];
}
/** A text: a TextSource, a PDF's plain-text Representation or a media Transcript. */
export interface QdeText {
  key: string;
  guid: string;
  name: string;
  kind: 'text' | 'pdf' | 'transcript';
  plainTextPath: string;
  richTextPath: string;
  content: string | null;
  description: string;
  user: string;
  created: string;
  selections: QdeSelection[];
  /** Codings of the whole source (not of a selection). */
  codings: QdeCoding[];
  noteRefs: string[];
  values: QdeValue[];
}
export interface QdeNote {
  key: string;
  guid: string;
  name: string;
  description: string;
  plainTextPath: string;
  content: string | null;
  user: string;
  created: string;
  modified: string;
}
export interface QdeSet { key: string; name: string; description: string; codes: string[]; sources: string[]; notes: string[] }
export interface QdeLink { key: string; name: string; origin: string; target: string }
/** What the file holds that is no text: counted and named for the loss report. */
export interface QdeOther {
  pdfSources: string[];
  pdfSelections: number;
  pictureSources: string[];
  pictureSelections: number;
  audioSources: string[];
  videoSources: string[];
  mediaSelections: number;
  transcriptSelections: number;
  graphs: string[];
  /** Codings attached to something Duiding does not import (a picture, a media clip, a PDF region). */
  otherCodings: number;
}
export interface QdeProject {
  name: string;
  origin: string;
  namespace: string;
  creatingUser: string;
  created: string;
  description: string;
  users: QdeUser[];
  codes: QdeCode[];
  variables: QdeVariable[];
  cases: QdeCase[];
  texts: QdeText[];
  notes: QdeNote[];
  sets: QdeSet[];
  links: QdeLink[];
  projectNoteRefs: string[];
  other: QdeOther;
}
export interface QdcCodebook {
  origin: string;
  namespace: string;
  codes: QdeCode[];
  sets: QdeSet[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

function kids(node: Node | undefined, tag: string): Node[] {
  const value = node?.[tag];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'object' && v !== null ? (v as Node) : { '#text': v }));
}
function kid(node: Node | undefined, tag: string): Node | undefined {
  return kids(node, tag)[0];
}
function attr(node: Node | undefined, name: string): string {
  const attrs = node?.['@'] as Record<string, unknown> | undefined;
  const v = attrs?.[name];
  return typeof v === 'string' ? decodeXmlEntities(v) : '';
}
function text(node: Node | undefined): string {
  if (!node) return '';
  const t = node['#text'];
  if (Array.isArray(t)) return t.map((x) => decodeXmlEntities(String(x))).join('');
  return typeof t === 'string' || typeof t === 'number' ? decodeXmlEntities(String(t)) : '';
}
/** The text of a child element such as Description or PlainTextContent; null when absent. */
function childText(node: Node | undefined, tag: string): string | null {
  const value = node?.[tag];
  if (!Array.isArray(value) || value.length === 0) return null;
  const first = value[0] as unknown;
  if (typeof first === 'string') return decodeXmlEntities(first);
  return text(first as Node);
}
function refs(node: Node | undefined, tag: string): string[] {
  return kids(node, tag).map((r) => guidKey(attr(r, 'targetGUID'))).filter(Boolean);
}

/** The root element's local name and namespace, read from its start tag. */
function rootOf(xml: string): { name: string; namespace: string } | null {
  const m = /<(?:([\w.-]+):)?([\w.-]+)(\s[^>]*)?>/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
  if (!m) return null;
  const prefix = m[1];
  const attrs = m[3] ?? '';
  const ns = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
  return { name: m[2]!, namespace: ns?.[1] ?? '' };
}

function parseXml(xml: string, fileName: string, root: 'Project' | 'CodeBook', namespaces: readonly string[]): { node: Node; namespace: string } {
  assertNoExternalEntities(xml, fileName);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new DomainError('exchange.malformed', { file: fileName, detail: `${valid.err.msg} (${valid.err.line}:${valid.err.col})` });
  }
  const found = rootOf(xml);
  if (!found || found.name !== root || (found.namespace !== '' && !namespaces.includes(found.namespace))) {
    throw new DomainError('exchange.not_refi', { file: fileName, found: found ? `${found.name} ${found.namespace}`.trim() : '?' });
  }
  const tree = parser.parse(xml) as Node;
  const node = kid(tree, root);
  if (!node) throw new DomainError('exchange.not_refi', { file: fileName, found: root });
  return { node, namespace: found.namespace };
}

function position(node: Node, name: 'startPosition' | 'endPosition', fileName: string, selection: string): number {
  const raw = attr(node, name).trim();
  if (!/^[+-]?\d{1,15}$/.test(raw)) {
    throw new DomainError('exchange.bad_position', { file: fileName, selection: selection || '?', value: raw || '–' });
  }
  return Number(raw);
}

function readCodes(parent: Node | undefined): QdeCode[] {
  return kids(parent, 'Code').map((c) => ({
    key: guidKey(attr(c, 'guid')),
    guid: attr(c, 'guid'),
    name: attr(c, 'name'),
    isCodable: attr(c, 'isCodable').trim().toLowerCase() !== 'false' && attr(c, 'isCodable').trim() !== '0',
    color: attr(c, 'color') || undefined,
    description: childText(c, 'Description') ?? '',
    noteRefs: refs(c, 'NoteRef'),
    children: readCodes(c),
  }));
}

function readSets(parent: Node | undefined): QdeSet[] {
  return kids(parent, 'Set').map((s) => ({
    key: guidKey(attr(s, 'guid')),
    name: attr(s, 'name'),
    description: childText(s, 'Description') ?? '',
    // The codebook schema's MemberCode carries `guid`, the project schema's `targetGUID`.
    codes: kids(s, 'MemberCode').map((m) => guidKey(attr(m, 'targetGUID') || attr(m, 'guid'))).filter(Boolean),
    sources: refs(s, 'MemberSource'),
    notes: refs(s, 'MemberNote'),
  }));
}

function readCoding(c: Node): QdeCoding {
  return {
    key: guidKey(attr(c, 'guid')),
    guid: attr(c, 'guid'),
    code: guidKey(attr(kid(c, 'CodeRef'), 'targetGUID')),
    user: guidKey(attr(c, 'creatingUser')),
    created: attr(c, 'creationDateTime'),
    noteRefs: refs(c, 'NoteRef'),
  };
}

function readValues(node: Node): QdeValue[] {
  const TYPES = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];
  return kids(node, 'VariableValue').map((v) => {
    const type = TYPES.find((t) => childText(v, t) !== null) ?? '';
    return { variable: guidKey(attr(kid(v, 'VariableRef'), 'targetGUID')), type, value: type ? (childText(v, type) ?? '') : '' };
  });
}

function readText(node: Node, kind: QdeText['kind'], fileName: string): QdeText {
  const selections = kids(node, 'PlainTextSelection').map((s): QdeSelection => {
    const name = attr(s, 'name');
    return {
      key: guidKey(attr(s, 'guid')),
      guid: attr(s, 'guid'),
      name,
      start: position(s, 'startPosition', fileName, name || attr(s, 'guid')),
      end: position(s, 'endPosition', fileName, name || attr(s, 'guid')),
      user: guidKey(attr(s, 'creatingUser')),
      created: attr(s, 'creationDateTime'),
      description: childText(s, 'Description') ?? '',
      codings: kids(s, 'Coding').map(readCoding),
      noteRefs: refs(s, 'NoteRef'),
    };
  });
  return {
    key: guidKey(attr(node, 'guid')),
    guid: attr(node, 'guid'),
    name: attr(node, 'name'),
    kind,
    plainTextPath: attr(node, 'plainTextPath'),
    richTextPath: attr(node, 'richTextPath'),
    content: childText(node, 'PlainTextContent'),
    description: childText(node, 'Description') ?? '',
    user: guidKey(attr(node, 'creatingUser')),
    created: attr(node, 'creationDateTime'),
    selections,
    codings: kids(node, 'Coding').map(readCoding),
    noteRefs: refs(node, 'NoteRef'),
    values: readValues(node),
  };
}

export function readQde(xml: string, fileName: string): QdeProject {
  const { node: p, namespace } = parseXml(xml, fileName, 'Project', PROJECT_NAMESPACES);
  const other: QdeOther = {
    pdfSources: [], pdfSelections: 0, pictureSources: [], pictureSelections: 0, audioSources: [], videoSources: [],
    mediaSelections: 0, transcriptSelections: 0, graphs: [], otherCodings: 0,
  };
  const texts: QdeText[] = [];
  const sources = kid(p, 'Sources');
  for (const t of kids(sources, 'TextSource')) texts.push(readText(t, 'text', fileName));
  for (const pdf of kids(sources, 'PDFSource')) {
    other.pdfSources.push(attr(pdf, 'name') || attr(pdf, 'path'));
    const selections = kids(pdf, 'PDFSelection');
    other.pdfSelections += selections.length;
    other.otherCodings += kids(pdf, 'Coding').length + selections.reduce((n, s) => n + kids(s, 'Coding').length, 0);
    const representation = kid(pdf, 'Representation');
    if (representation) {
      const rep = readText(representation, 'pdf', fileName);
      if (!rep.name) rep.name = attr(pdf, 'name');
      texts.push(rep);
    }
  }
  for (const pic of kids(sources, 'PictureSource')) {
    other.pictureSources.push(attr(pic, 'name') || attr(pic, 'path'));
    const selections = kids(pic, 'PictureSelection');
    other.pictureSelections += selections.length;
    other.otherCodings += kids(pic, 'Coding').length + selections.reduce((n, s) => n + kids(s, 'Coding').length, 0);
  }
  for (const [tag, list] of [['AudioSource', other.audioSources], ['VideoSource', other.videoSources]] as const) {
    for (const media of kids(sources, tag)) {
      list.push(attr(media, 'name') || attr(media, 'path'));
      const selections = kids(media, tag === 'AudioSource' ? 'AudioSelection' : 'VideoSelection');
      other.mediaSelections += selections.length;
      other.otherCodings += kids(media, 'Coding').length + selections.reduce((n, s) => n + kids(s, 'Coding').length, 0);
      for (const transcript of kids(media, 'Transcript')) {
        const tsel = kids(transcript, 'TranscriptSelection');
        other.transcriptSelections += tsel.length;
        other.otherCodings += tsel.reduce((n, s) => n + kids(s, 'Coding').length, 0);
        const t = readText(transcript, 'transcript', fileName);
        if (!t.name) t.name = attr(media, 'name');
        texts.push(t);
      }
    }
  }
  for (const g of kids(kid(p, 'Graphs'), 'Graph')) other.graphs.push(attr(g, 'name') || attr(g, 'guid'));

  return {
    name: attr(p, 'name'),
    origin: attr(p, 'origin'),
    namespace,
    creatingUser: guidKey(attr(p, 'creatingUserGUID')),
    created: attr(p, 'creationDateTime'),
    description: childText(p, 'Description') ?? '',
    users: kids(kid(p, 'Users'), 'User').map((u) => ({ key: guidKey(attr(u, 'guid')), name: attr(u, 'name'), id: attr(u, 'id') })),
    codes: readCodes(kid(kid(p, 'CodeBook'), 'Codes')),
    variables: kids(kid(p, 'Variables'), 'Variable').map((v) => ({
      key: guidKey(attr(v, 'guid')),
      guid: attr(v, 'guid'),
      name: attr(v, 'name'),
      type: attr(v, 'typeOfVariable'),
      description: childText(v, 'Description') ?? '',
    })),
    cases: kids(kid(p, 'Cases'), 'Case').map((c) => ({
      key: guidKey(attr(c, 'guid')),
      guid: attr(c, 'guid'),
      name: attr(c, 'name'),
      description: childText(c, 'Description') ?? '',
      values: readValues(c),
      sourceRefs: refs(c, 'SourceRef'),
      selectionRefs: refs(c, 'SelectionRef'),
      codeRefs: kids(c, 'CodeRef').length,
    })),
    texts,
    notes: kids(kid(p, 'Notes'), 'Note').map((n) => ({
      key: guidKey(attr(n, 'guid')),
      guid: attr(n, 'guid'),
      name: attr(n, 'name'),
      description: childText(n, 'Description') ?? '',
      plainTextPath: attr(n, 'plainTextPath'),
      content: childText(n, 'PlainTextContent'),
      user: guidKey(attr(n, 'creatingUser')),
      created: attr(n, 'creationDateTime'),
      modified: attr(n, 'modifiedDateTime'),
    })),
    sets: readSets(kid(p, 'Sets')),
    links: kids(kid(p, 'Links'), 'Link').map((l) => ({
      key: guidKey(attr(l, 'guid')),
      name: attr(l, 'name'),
      origin: guidKey(attr(l, 'originGUID')),
      target: guidKey(attr(l, 'targetGUID')),
    })),
    projectNoteRefs: refs(p, 'NoteRef'),
    other,
  };
}

export function readQdc(xml: string, fileName: string): QdcCodebook {
  const { node, namespace } = parseXml(xml, fileName, 'CodeBook', CODEBOOK_NAMESPACES);
  return { origin: attr(node, 'origin'), namespace, codes: readCodes(kid(node, 'Codes')), sets: readSets(kid(node, 'Sets')) };
}
