// Writes one small project file per schema version (1 … latest) into
// test/fixtures/projects/, for test/integration/migrations-fixtures.test.ts
// (issue 10 §2): every older project must open, migrate and keep its content.
//
//   node scripts/make-schema-fixtures.ts [outDir]
//
// Each file is made exactly as that version of Duiding made project files:
// the migrations up to that version (landed migrations never change — their
// hashes are checked by migrations-golden.test.ts), then content written
// against that version's tables, and — from schema 5, when the undo log came —
// history steps recorded through that version's own undo-log triggers, with
// one step undone so the redo side is covered too. Content: a small codebook,
// participants with a region, two transcripts with turns, codings (one key
// quote, one with a coding memo), memos on the project, a source, a
// participant, a code and a coding, speaker mappings (schema 2+), the search
// index (3+), a comparison tag (6+), a lost coding (7+), report decisions and
// a non-speech turn (8+), a merged change set and a pseudonymisation run (9+). GUIDs and times are fixed, so the files are the same
// every time. Run it again after adding a migration: the test asks for a file
// of every version.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMigrations } from '../src-main/db/migrations.ts';
import { APPLICATION_ID } from '../src-main/db/open.ts';
import { stemsOf } from '../src-main/search/tokens.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../test/fixtures/projects', import.meta.url));
export const fixtureName = (version: number) => `schema-v${version}.duiding`;

const T0 = Date.parse('2026-11-01T09:00:00.000Z');
let clock = 0;
/** Fixed, increasing timestamps. */
const at = () => new Date(T0 + 60_000 * clock++).toISOString();
const guid = (name: string) => {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const body = (...paragraphs: string[]) =>
  JSON.stringify({
    root: {
      type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
      children: paragraphs.map((text) => ({
        type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '',
        children: [{ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text }],
      })),
    },
  });

type Row = Record<string, string | number | null>;

class Writer {
  readonly columns = new Map<string, Set<string>>();
  readonly db: Database.Database;
  constructor(db: Database.Database) {
    this.db = db;
  }

  has(table: string): boolean {
    return this.cols(table).size > 0;
  }

  cols(table: string): Set<string> {
    let c = this.columns.get(table);
    if (!c) {
      c = new Set(this.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
      this.columns.set(table, c);
    }
    return c;
  }

  /** Inserts the row's columns this version's table has; returns the rowid. */
  insert(table: string, row: Row): number {
    const cols = this.cols(table);
    const keys = Object.keys(row).filter((k) => cols.has(k));
    const sql = `INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;
    return Number(this.db.prepare(sql).run(...keys.map((k) => row[k] ?? null)).lastInsertRowid);
  }

  /** One recorded action, the way history/record.ts records it (schema 5+). */
  act(label: string, params: Row, authorId: number, fn: () => void): number {
    const id = Number(this.db.prepare('INSERT INTO history (label, params, author_id, created_at) VALUES (?, ?, ?, ?)').run(label, JSON.stringify(params), authorId, at()).lastInsertRowid);
    this.db.prepare("UPDATE history_capture SET action_id = ?, phase = 'undo' WHERE id = 1").run(id);
    try {
      fn();
    } finally {
      this.db.prepare('UPDATE history_capture SET action_id = NULL, phase = NULL WHERE id = 1').run();
    }
    return id;
  }

  /** Undoes the latest step the way history/record.ts did, recording its redo statements. */
  undoLatest(): void {
    const id = this.db.prepare('SELECT id FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1').pluck().get() as number;
    this.db.pragma('defer_foreign_keys = ON');
    this.db.prepare("DELETE FROM undo_log WHERE action_id = ? AND phase = 'redo'").run(id);
    const statements = this.db.prepare("SELECT stmt FROM undo_log WHERE action_id = ? AND phase = 'undo' ORDER BY seq DESC").pluck().all(id) as string[];
    this.db.prepare("UPDATE history_capture SET action_id = ?, phase = 'redo' WHERE id = 1").run(id);
    for (const s of statements) this.db.exec(s);
    this.db.prepare('UPDATE history_capture SET action_id = NULL, phase = NULL WHERE id = 1').run();
    this.db.prepare("DELETE FROM undo_log WHERE action_id = ? AND phase = 'undo'").run(id);
    this.db.prepare('UPDATE history SET undone = 1 WHERE id = ?').run(id);
  }
}

const TRANSCRIPTS = [
  {
    name: 'Interview Anna (fixture)',
    turns: [
      ['I', 'Hoe werkt de samenwerking tussen huisarts en gemeente bij u in de regio?'],
      ['Anna', 'We hebben nu een vast overleg met het sociaal domein, maar de financiering loopt nog via losse potjes.'],
      ['I', 'Wat zou er nodig zijn om dat te verbeteren?'],
      ['Anna', 'Een gezamenlijk regiobudget, en vooral tijd om elkaar echt te leren kennen.'],
    ],
  },
  {
    name: 'Interview Bram (fixture)',
    turns: [
      ['I', 'Wat merkt u als inwoner van de veranderingen?'],
      ['Bram', 'Ik hoef minder vaak naar het ziekenhuis; de wijkverpleging komt nu bij mij thuis.'],
      ['Bram', '[lacht]', 'note'],
      ['Bram', 'Maar ik moet mijn verhaal nog steeds drie keer vertellen aan verschillende mensen.'],
    ],
  },
] as const satisfies { name: string; turns: (readonly [string, string] | readonly [string, string, 'note'])[] }[];

/** Builds the fixture of one schema version at `path`. */
export function buildFixture(path: string, version: number): void {
  clock = 0;
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
  const migrations = loadMigrations().slice(0, version);
  if (migrations.length !== version) throw new Error(`no schema version ${version}`);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    for (const m of migrations) for (const s of m.statements) db.exec(s);
    db.pragma(`user_version = ${version}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
  db.pragma('foreign_keys = ON');
  const w = new Writer(db);
  db.transaction(() => content(w, version))();
  if (version >= 5) history(w);
  db.exec('VACUUM');
  db.close();
}

interface Ids {
  coder: number;
  codes: Record<string, number>;
  participants: Record<string, number>;
  sources: number[];
  codings: number[];
}
let ids: Ids;

function content(w: Writer, version: number): void {
  w.insert('project', { id: 1, guid: guid('project'), name: `Fixture schema ${version}`, template: 'jzojp', created_at: at(), updated_at: at() });
  const coder = w.insert('users', { guid: guid('user-1'), name: 'Onderzoeker', created_at: at() });
  w.insert('users', { guid: guid('user-2'), name: 'Tweede codeur', created_at: at() });
  const codes: Record<string, number> = {};
  const code = (name: string, parent: string | null, role: string, color: string, sort: number) => {
    codes[name] = w.insert('codes', {
      guid: guid(`code-${name}`), parent_id: parent ? codes[parent]! : null, name, role, color, sort_order: sort, created_at: at(),
      definition: `Definitie van ${name}.`,
    });
  };
  code('Bekostiging en financiering', null, 'building_block', '#1f77b4', 0);
  code('Regiobudget', 'Bekostiging en financiering', 'code', '#4a90c2', 0);
  code('Losse potjes', 'Bekostiging en financiering', 'code', '#6aa8d8', 1);
  code('Domeinoverstijgende samenwerking', null, 'building_block', '#2ca02c', 1);
  code('Vast overleg', 'Domeinoverstijgende samenwerking', 'code', '#5cbf5c', 0);
  code('Wat is nodig', null, 'theme_group', '#d62728', 2);
  code('Tijd en capaciteit', 'Wat is nodig', 'code', '#e06666', 0);
  code('Zorg thuis', null, 'code', '#9467bd', 3);

  const region = w.insert('attributes', { guid: guid('attr-region'), key: 'region', name: 'Leerregio', type: 'choice', choices: JSON.stringify(['Twente', 'Achterhoek']), created_at: at() });
  const participants: Record<string, number> = {};
  participants.Anna = w.insert('participants', { guid: guid('p-anna'), name: 'Anna', perspective: 'bestuurder', role: 'Wethouder', created_at: at() });
  participants.Bram = w.insert('participants', { guid: guid('p-bram'), name: 'Bram', perspective: 'inwoner', role: '', created_at: at() });
  participants.Carla = w.insert('participants', { guid: guid('p-carla'), name: 'Carla', perspective: 'zorgprofessional', role: 'Huisarts', created_at: at() });
  w.insert('participant_values', { participant_id: participants.Anna, attribute_id: region, value: 'Twente' });
  w.insert('participant_values', { participant_id: participants.Bram, attribute_id: region, value: 'Achterhoek' });
  if (w.has('speaker_mappings')) {
    w.insert('speaker_mappings', { label_key: 'anna', participant_id: participants.Anna, is_interviewer: 0, updated_at: at() });
    w.insert('speaker_mappings', { label_key: 'i', participant_id: null, is_interviewer: 1, updated_at: at() });
  }

  const sources: number[] = [];
  const turnRanges: { start: number; end: number }[][] = [];
  for (const [n, t] of TRANSCRIPTS.entries()) {
    let text = '';
    const ranges: { start: number; end: number; label: string; kind: string }[] = [];
    for (const turn of t.turns) {
      if (text) text += '\n\n';
      ranges.push({ start: text.length, end: text.length + turn[1].length, label: turn[0], kind: turn[2] ?? 'speech' });
      text += turn[1];
    }
    const id = w.insert('sources', {
      guid: guid(`source-${n}`), name: t.name, text, text_hash: createHash('sha256').update(text).digest('hex'),
      original_format: 'txt', original_file_name: `${t.name}.txt`, metadata: JSON.stringify({ encoding: 'utf-8' }), created_at: at(),
    });
    sources.push(id);
    turnRanges.push(ranges);
    for (const r of ranges) {
      w.insert('turns', {
        source_id: id, start: r.start, end: r.end, speaker_label: r.label, is_interviewer: r.label === 'I' ? 1 : 0,
        // A stage direction ("[lacht]") is a 'note' turn from schema 8 on, an ordinary turn before.
        participant_id: r.label === 'I' ? null : participants[r.label] ?? null, timestamp_ms: null, kind: r.kind,
      });
    }
    if (w.has('search_index')) {
      const insert = w.db.prepare('INSERT INTO search_index (body, stems, source_id, chunk_start, chunk_end) VALUES (?, ?, ?, ?, ?)');
      insert.run(text, stemsOf(text), id, 0, text.length);
    }
  }

  const codings: number[] = [];
  const coding = (source: number, turn: number, quote: string, codeName: string, extra: Row = {}) => {
    const text = w.db.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sources[source]!) as string;
    const start = text.indexOf(quote, turnRanges[source]![turn]!.start);
    if (start < 0) throw new Error(`quote not found: ${quote}`);
    codings.push(w.insert('codings', {
      guid: guid(`coding-${codings.length}`), source_id: sources[source]!, code_id: codes[codeName]!, start, end: start + quote.length,
      coder_id: coder, created_at: at(), memo: null, is_key_quote: 0, ...extra,
    }));
  };
  coding(0, 1, 'vast overleg met het sociaal domein', 'Vast overleg');
  coding(0, 1, 'de financiering loopt nog via losse potjes', 'Losse potjes', { is_key_quote: 1 });
  coding(0, 3, 'Een gezamenlijk regiobudget', 'Regiobudget', { memo: 'Let op: wens, geen praktijk.' });
  coding(0, 3, 'tijd om elkaar echt te leren kennen', 'Tijd en capaciteit');
  coding(1, 1, 'de wijkverpleging komt nu bij mij thuis', 'Zorg thuis');
  coding(1, 3, 'mijn verhaal nog steeds drie keer vertellen', 'Domeinoverstijgende samenwerking');

  const memo = (name: string, kind: string, target: { id: number; guid: string } | null, title: string, ...paragraphs: string[]) =>
    w.insert('memos', {
      guid: guid(`memo-${name}`), target_kind: kind, target_id: target?.id ?? null, target_guid: target?.guid ?? null, title,
      body: body(...paragraphs), plain: paragraphs.join('\n\n'), author_id: coder, created_at: at(), updated_at: at(),
    });
  const ref = (table: string, id: number) => ({ id, guid: w.db.prepare(`SELECT guid FROM "${table}" WHERE id = ?`).pluck().get(id) as string });
  memo('journal', 'project', null, 'Logboek', 'Eerste ronde interviews gecodeerd.');
  memo('source', 'source', ref('sources', sources[0]!), 'Over dit interview', 'Afgenomen op het gemeentehuis.');
  memo('participant', 'participant', ref('participants', participants.Carla!), 'Carla', 'Nog niet geïnterviewd.');
  memo('code', 'code', ref('codes', codes['Losse potjes']!), 'Potjes', 'Komt in bijna elk bestuurdersinterview terug.');
  memo('coding', 'coding', ref('codings', codings[2]!), 'Wens', 'Een wens, nog geen praktijk.');
  memo('to-delete', 'code', ref('codes', codes['Zorg thuis']!), 'Wordt verwijderd', 'Deze memo wordt in de geschiedenis verwijderd.');

  if (w.has('comparison_tags')) {
    w.insert('comparison_tags', { guid: guid('tag-1'), code_id: codes['Losse potjes']!, coding_id: codings[1]!, other_coding_id: codings[0]!, tag: 'contradicts', note: 'Spreekt elkaar tegen', author_id: coder, created_at: at() });
  }
  if (w.has('lost_codings')) {
    w.insert('lost_codings', {
      coding_id: 99, coding_guid: guid('coding-lost'), source_id: sources[1]!, code_id: codes['Zorg thuis']!, coder_id: coder,
      old_start: 0, old_end: 12, old_text: 'Verdwenen zin', memo: null, is_key_quote: 0, coded_at: at(), lost_at: at(),
    });
  }
  if (w.has('report_settings')) {
    w.insert('report_settings', { id: 1, options: JSON.stringify({ structure: 'blocks', keyQuotesOnly: true }), updated_at: at() });
    w.insert('report_quotes', { coding_guid: guid('coding-1'), omitted: 0, edited_text: 'de financiering loopt … via losse potjes', based_on_hash: null, updated_at: at() });
  }
  if (w.has('merged_change_sets')) {
    w.insert('merged_change_sets', { change_set_guid: guid('changes-1'), copy_guid: guid('copy-1'), coder: 'Bram', report: JSON.stringify({ codings: { kept: 1 } }), merged_at: at() });
    w.insert('pseudonym_runs', { guid: guid('pseudonym-run-1'), user_id: coder, categories: JSON.stringify(['person']), counts: JSON.stringify({ [guid('source-0')]: 2 }), key_fingerprint: null, created_at: at() });
  }
  ids = { coder, codes, participants, sources, codings };
}

/**
 * Six steps through the version's own triggers. The memo steps sit in the
 * middle: after the upgrade to schema 8 (memos.target_id became target_guid)
 * they — and everything older — can no longer be undone, while the newer steps can.
 */
function history(w: Writer): void {
  const { coder, codes, codings, sources } = ids;
  const db = w.db;
  db.transaction(() => {
    w.act('codeCreated', { code: 'Nieuw thema' }, coder, () => {
      w.insert('codes', { guid: guid('code-new'), parent_id: null, name: 'Nieuw thema', role: 'code', color: '#8c564b', sort_order: 4, created_at: at() });
    });
    const codeMemo = db.prepare("SELECT id FROM memos WHERE title = 'Potjes'").pluck().get() as number;
    w.act('memos.history.edited', { title: 'Potjes', memo: codeMemo }, coder, () => {
      db.prepare('UPDATE memos SET body = ?, plain = ?, updated_at = ? WHERE id = ?')
        .run(body('Komt in elk bestuurdersinterview terug.', 'Ook bij zorgprofessionals.'), 'Komt in elk bestuurdersinterview terug.\n\nOok bij zorgprofessionals.', at(), codeMemo);
    });
    const doomed = db.prepare("SELECT id FROM memos WHERE title = 'Wordt verwijderd'").pluck().get() as number;
    w.act('memos.history.deleted', { title: 'Wordt verwijderd' }, coder, () => {
      db.prepare('DELETE FROM memos WHERE id = ?').run(doomed);
    });
    w.act('codeRenamed', { old: 'Vast overleg', code: 'Vast overleg sociaal domein' }, coder, () => {
      db.prepare("UPDATE codes SET name = 'Vast overleg sociaal domein' WHERE id = ?").run(codes['Vast overleg']!);
    });
    w.act('keyQuoteMarked', {}, coder, () => {
      db.prepare('UPDATE codings SET is_key_quote = 1 WHERE id = ?').run(codings[4]!);
    });
    w.act('codingAdded', { code: 'Tijd en capaciteit', count: 1 }, coder, () => {
      w.insert('codings', { guid: guid('coding-undone'), source_id: sources[1]!, code_id: codes['Tijd en capaciteit']!, start: 0, end: 10, coder_id: coder, created_at: at(), is_key_quote: 0 });
    });
    w.undoLatest();
  })();
}

if (import.meta.main) {
  const out = process.argv[2] ?? FIXTURE_DIR;
  mkdirSync(out, { recursive: true });
  const latest = loadMigrations().length;
  for (let v = 1; v <= latest; v++) {
    const path = join(out, fixtureName(v));
    buildFixture(path, v);
    process.stdout.write(`${path}\n`);
  }
}
