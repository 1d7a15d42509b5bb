// Detection over a whole project (issue 16 §1–2): every transcript, grouped by
// the text found ("Marieke" everywhere is one group), with a suggested
// replacement that is the same for every part of one person's name.
import type { ProjectDb } from '../db/open.ts';
import { FINDINGS_FORMAT, type FindingGroup, type FindingsFile } from '../../src-shared/contracts/pseudonymise.ts';
import { PLACEHOLDERS, type Category, type Finding } from './categories.ts';
import { createDetector } from './detect.ts';
import { dutchLexicon } from './lexicon.ts';
import { knownNames } from './known.ts';
import type { KeyContent } from './key-file.ts';

/** Rules whose findings need no review by default: the project's own names and checked numbers. */
const CERTAIN = new Set(['known', 'email', 'url', 'iban', 'bsn', 'phone', 'postcode']);

export interface DetectOptions {
  categories?: readonly Category[];
  /** Called after each transcript: done, total. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between transcripts; true stops detection (what was found so far is dropped). */
  cancelled?: () => boolean;
  /**
   * The key of an earlier run (issue 16 §5): what it replaced gets the same
   * pseudonym again, confirmed, and new numbered pseudonyms continue after its
   * numbers — so transcripts imported later stay consistent with the rest.
   */
  key?: KeyContent;
}

export function context(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 60), start).replace(/^\S*\s/, '');
  const after = text.slice(end, end + 60).replace(/\s\S*$/, '');
  return `${before}[${text.slice(start, end)}]${after}`.replace(/\s+/g, ' ');
}

/** Role labels for participants ("[wijkverpleegkundige]"), numbered when two share a role. */
export function participantLabels(db: ProjectDb): Map<string, string> {
  const rows = db.sqlite.prepare('SELECT guid, role FROM participants ORDER BY id').all() as { guid: string; role: string }[];
  const used = new Map<string, number>();
  const out = new Map<string, string>();
  for (const r of rows) {
    const base = r.role.trim() || 'deelnemer';
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    out.set(`participant:${r.guid}`, n === 1 ? `[${base}]` : `[${base} ${n}]`);
  }
  // A role held by several people gets numbers on every one of them.
  for (const [entity, label] of out) {
    const base = label.slice(1, -1);
    if ((used.get(base) ?? 0) > 1) out.set(entity, `[${base} 1]`);
  }
  return out;
}

export function detectProject(db: ProjectDb, options: DetectOptions = {}): FindingsFile {
  const lexicon = dutchLexicon();
  const detector = createDetector(knownNames(db, lexicon), lexicon, options.categories);
  const sources = db.sqlite.prepare('SELECT id, guid, text, text_hash AS textHash FROM sources ORDER BY id').all() as { id: number; guid: string; text: string; textHash: string }[];
  const groups = new Map<string, FindingGroup>();
  const roleLabels = participantLabels(db);
  const numbered = new Map<string, string>();
  const counters = new Map<Category, number>();
  const fromKey = new Map((options.key?.entries ?? []).map((e) => [`${e.category}\u0000${e.original}`, e.replacement]));
  for (const e of options.key?.entries ?? []) {
    const n = /^\[[^\]]* (\d+)\]$/.exec(e.replacement);
    if (n) counters.set(e.category, Math.max(counters.get(e.category) ?? 0, Number(n[1])));
  }
  const replacementFor = (f: Finding): string => {
    const known = fromKey.get(`${f.category}\u0000${f.text}`);
    if (known) return known;
    if (f.entity && roleLabels.has(f.entity)) return roleLabels.get(f.entity)!;
    if (!['person', 'place', 'organisation'].includes(f.category)) return PLACEHOLDERS[f.category];
    const key = f.entity ?? `${f.category}:${f.text}`;
    let label = numbered.get(key);
    if (!label) {
      const n = (counters.get(f.category) ?? 0) + 1;
      counters.set(f.category, n);
      label = `${PLACEHOLDERS[f.category].slice(0, -1)} ${n}]`;
      numbered.set(key, label);
    }
    return label;
  };
  sources.forEach((s, index) => {
    if (options.cancelled?.()) throw new Error('cancelled');
    for (const f of detector.detect(s.text)) {
      const key = `${f.category}\u0000${f.text}`;
      let g = groups.get(key);
      if (!g) {
        g = { text: f.text, category: f.category, ...(f.entity ? { entity: f.entity } : {}), rules: [], confirmed: false, replacement: replacementFor(f), occurrences: [] };
        groups.set(key, g);
      }
      if (!g.rules.includes(f.rule)) g.rules.push(f.rule);
      g.confirmed ||= CERTAIN.has(f.rule) || fromKey.has(key);
      g.occurrences.push({ source: s.guid, start: f.start, end: f.end, context: context(s.text, f.start, f.end) });
    }
    options.onProgress?.(index + 1, sources.length);
  });
  // Transcript names ("Interview mantelzorger (Achterhoek)") are replaced by text when applied: list what they hold.
  for (const name of db.sqlite.prepare('SELECT name FROM sources UNION SELECT original_file_name FROM sources WHERE original_file_name IS NOT NULL').pluck().all() as string[]) {
    for (const f of detector.detect(name)) {
      const key = `${f.category}\u0000${f.text}`;
      if (groups.has(key)) continue;
      groups.set(key, { text: f.text, category: f.category, ...(f.entity ? { entity: f.entity } : {}), rules: [f.rule], confirmed: CERTAIN.has(f.rule), replacement: replacementFor(f), occurrences: [] });
    }
  }
  const projectGuid = db.sqlite.prepare('SELECT guid FROM project WHERE id = 1').pluck().get() as string;
  return {
    format: FINDINGS_FORMAT,
    version: 1,
    project: projectGuid,
    sources: Object.fromEntries(sources.map((s) => [s.guid, { textHash: s.textHash }])),
    groups: [...groups.values()].sort((a, b) => b.occurrences.length - a.occurrences.length || a.text.localeCompare(b.text)),
  };
}
