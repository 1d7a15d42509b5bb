// The codebook of a REFI-QDA file as Duiding codes: colours normalised,
// descriptions split into definition/criteria/example, roles from Duiding's
// own code sets, and (when asked) ATLAS.ti's flat 'Parent::Child' names
// turned into a tree. Shared by the project and the codebook import.
import type { CodePreviewNode } from '../../src-shared/contracts/exchange.ts';
import { fallbackColour, normaliseColour } from './colour.ts';
import { parseCodeDescription, readMark, type CodeTexts } from './marks.ts';
import type { QdeCode, QdeSet } from './qde-read.ts';

export type CodeRole = 'building_block' | 'theme_group' | 'code';

export interface PlanCode extends CodeTexts {
  /** The file's key for references (CodeRef, NoteRef); '' for folders made from names. */
  key: string;
  /** The GUID as the file wrote it ('' for made folders): kept when it is a usable UUID. */
  fileGuid: string;
  name: string;
  color: string;
  role: CodeRole;
  isCodable: boolean;
  noteRefs: string[];
  children: PlanCode[];
}

export interface PlannedCodebook {
  roots: PlanCode[];
  /** Every code by file key (first one wins when a file repeats a GUID). */
  byKey: Map<string, PlanCode>;
  namesHoldHierarchy: boolean;
  notCodable: string[];
  /** Sets that are not Duiding's role sets: the caller reports them. */
  otherSets: QdeSet[];
}

const SEPARATOR = '::';

function toPlan(code: QdeCode, index: { n: number }): PlanCode {
  const { readable } = readMark(code.description);
  return {
    key: code.key,
    fileGuid: code.guid,
    name: code.name.trim() || '—',
    color: normaliseColour(code.color) ?? fallbackColour(index.n++),
    role: 'code',
    isCodable: code.isCodable,
    ...parseCodeDescription(readable),
    noteRefs: code.noteRefs,
    children: code.children.map((c) => toPlan(c, index)),
  };
}

function walk(list: readonly PlanCode[], visit: (c: PlanCode) => void): void {
  for (const c of list) {
    visit(c);
    walk(c.children, visit);
  }
}

/**
 * Top-level codes named 'A::B::C' move under 'A::B' (or a folder made for it),
 * renamed 'C'. Only the top level: files that nest codes already have a tree.
 */
function nestByNames(roots: PlanCode[]): PlanCode[] {
  const pathKey = (segments: readonly string[]) => segments.join('\u0000');
  const byPath = new Map<string, PlanCode>();
  for (const c of roots) {
    const segments = c.name.split(SEPARATOR).map((s) => s.trim());
    if (!byPath.has(pathKey(segments))) byPath.set(pathKey(segments), c);
  }
  const out: PlanCode[] = [];
  const ensure = (segments: string[], colour: string): PlanCode => {
    const key = pathKey(segments);
    const found = byPath.get(key);
    if (found) return found;
    const folder: PlanCode = {
      key: '', fileGuid: '', name: segments[segments.length - 1]!, color: colour, role: 'code', isCodable: false,
      definition: '', includeCriteria: '', excludeCriteria: '', example: '', noteRefs: [], children: [],
    };
    byPath.set(key, folder);
    if (segments.length === 1) out.push(folder);
    else ensure(segments.slice(0, -1), colour).children.push(folder);
    return folder;
  };
  for (const c of roots) {
    const segments = c.name.split(SEPARATOR).map((s) => s.trim());
    if (segments.length < 2 || segments.some((s) => s === '')) {
      out.push(c);
      continue;
    }
    c.name = segments[segments.length - 1]!;
    ensure(segments.slice(0, -1), c.color).children.push(c);
  }
  return out;
}

export function planCodebook(codes: readonly QdeCode[], sets: readonly QdeSet[], hierarchyFromNames: boolean): PlannedCodebook {
  const index = { n: 0 };
  let roots = codes.map((c) => toPlan(c, index));
  const namesHoldHierarchy = roots.some((c) => c.name.includes(SEPARATOR));
  if (hierarchyFromNames && namesHoldHierarchy) roots = nestByNames(roots);
  const byKey = new Map<string, PlanCode>();
  const notCodable: string[] = [];
  walk(roots, (c) => {
    if (c.key && !byKey.has(c.key)) byKey.set(c.key, c);
    if (!c.isCodable && c.key) notCodable.push(c.name);
  });
  const otherSets: QdeSet[] = [];
  for (const set of sets) {
    const { mark } = readMark(set.description);
    if (mark?.kind === 'codeRole') {
      for (const key of set.codes) {
        const code = byKey.get(key);
        if (code) code.role = mark.role;
      }
    } else otherSets.push(set);
  }
  return { roots, byKey, namesHoldHierarchy, notCodable, otherSets };
}

export function previewTree(roots: readonly PlanCode[]): CodePreviewNode[] {
  return roots.map((c) => ({ name: c.name, children: previewTree(c.children) }));
}

export function countCodes(roots: readonly PlanCode[]): number {
  let n = 0;
  walk(roots, () => n++);
  return n;
}
