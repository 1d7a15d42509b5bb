// A generated project that exercises every part of the exchange mapping:
// emoji and combining accents in the text, many overlapping codings by two
// coders, key quotes, coding memos, memos on every kind of target,
// comparison tags, participants with every attribute type, the interviewer,
// unassigned and note turns with timestamps, code roles and definitions.
import { randomUUID } from 'node:crypto';
import { createProject } from '../../src-main/services/project.ts';
import { addSource, type NewTurn } from '../../src-main/sources/sources.ts';
import { addAttribute, addParticipant, attributeIdByKey, setParticipantValue } from '../../src-main/participants/participants.ts';
import { codingInserter } from '../../src-main/services/codings.ts';
import { insertCodeTree } from '../../src-main/services/codebook.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { lexicalBody } from '../../src-main/example/example-memos.ts';
import { REGION_KEY } from '../../src-main/templates/index.ts';
import type { ProjectDb } from '../../src-main/db/open.ts';

const SPEECH = [
  'Ik vind dat de huisarts 👍🏽 meer tijd moet krijgen.',
  'Het café in de wijk is een plek waar mensen elkaar treffen, ook de coördinator.',
  'We hebben het geprobeerd met een pilot 🇳🇱, maar het geld stopte na één jaar.',
  'De wethouder zei: “dat moet anders”; q\u0301 en x\u0323 blijven ontleed staan.',
  'Samenwerking 🤝 tussen sociaal domein en zorg kost tijd, zeker voor kwetsbare groepen 👩‍👩‍👧.',
];

export function buildExchangeProject(path: string, sourceCount = 3): ProjectDb {
  const db = createProject(path, { template: 'jzojp', name: 'Uitwisseling 🔁 test' });
  db.sqlite.transaction(() => {
    const coders = [ensureUser(db, 'Anna de Vries'), ensureUser(db, 'Bram')];
    const [root] = insertCodeTree(db, [{
      name: 'Eigen thema’s', role: 'theme_group', color: '#336699', definition: 'Inductief gevonden.',
      includeCriteria: 'Alles wat nieuw is.\nOok op twee regels.', excludeCriteria: 'Bouwstenen.', example: '“Zo doen we dat hier.”',
      children: [{ name: 'Tijd 🕒', color: '#aa3300' }, { name: 'Geld', color: '#00aa33', definition: 'Alleen een definitie.' }],
    }]);
    const codeIds = (db.sqlite.prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[]);
    const age = addAttribute(db, { name: 'Leeftijd', type: 'number' });
    const since = addAttribute(db, { name: 'In dienst sinds', type: 'date' });
    const mantelzorger = addAttribute(db, { name: 'Mantelzorger', type: 'boolean' });
    const note = addAttribute(db, { name: 'Notitie', type: 'text' });
    const sector = addAttribute(db, { name: 'Sector', type: 'choice', choices: ['zorg', 'welzijn', 'gemeente & co'] });
    const region = attributeIdByKey(db, REGION_KEY)!;
    const people = [
      addParticipant(db, { name: 'Marieke', perspective: 'zorgprofessional', role: 'Huisarts' }),
      addParticipant(db, { name: 'Jansen', perspective: 'bestuurder', role: 'Wethouder' }),
      addParticipant(db, { name: 'Fatima 😀', perspective: 'inwoner', role: '' }),
      addParticipant(db, { name: 'Zonder perspectief', perspective: null, role: 'Onbekend' }),
    ];
    setParticipantValue(db, people[0]!, age, 47.5);
    setParticipantValue(db, people[0]!, since, '2019-03-01');
    setParticipantValue(db, people[0]!, mantelzorger, false);
    setParticipantValue(db, people[0]!, sector, 'zorg');
    setParticipantValue(db, people[0]!, region, 'Twente');
    setParticipantValue(db, people[1]!, sector, 'gemeente & co');
    setParticipantValue(db, people[1]!, note, 'Sprak <snel> & "direct"\nTweede regel.');
    setParticipantValue(db, people[2]!, mantelzorger, true);
    setParticipantValue(db, people[2]!, age, 1e21);
    const code = codingInserter(db);
    const codingIds: number[] = [];
    for (let s = 0; s < sourceCount; s++) {
      let text = '';
      const turns: NewTurn[] = [];
      for (let k = 0; k < 8; k++) {
        if (k > 0) text += '\n\n';
        const line = SPEECH[(s + k) % SPEECH.length]!;
        const start = text.length;
        text += line;
        if (k === 0) turns.push({ start, end: text.length, speakerLabel: 'I', isInterviewer: true, timestampMs: 1000 * k });
        else if (k === 7) turns.push({ start, end: text.length, speakerLabel: '', participantId: null });
        else turns.push({ start, end: text.length, speakerLabel: k % 2 ? 'Marieke' : 'Jansen', participantId: people[k % 2 ? 0 : 1]!, timestampMs: k === 3 ? 61_000 : null });
      }
      const sourceId = addSource(db, { name: `Interview ${s + 1} — “café”`, text, originalFormat: 'txt', turns });
      // Many overlapping codings on word boundaries, some across turns.
      const words = [...text.matchAll(/[\p{L}\p{N}\p{Extended_Pictographic}\u200d\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u0300-\u036f]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      for (let i = 0; i + 3 < words.length; i += 2) {
        codingIds.push(code({ sourceId, codeId: codeIds[(i / 2) % codeIds.length]!, start: words[i]!.start, end: words[i + 3]!.end, coderId: coders[i % 2]!, isKeyQuote: i % 10 === 0, memo: i % 14 === 0 ? 'Let op: ironisch bedoeld 😉' : null }));
      }
      codingIds.push(code({ sourceId, codeId: root!, start: 0, end: text.length, coderId: coders[0]! }));
    }
    // Mark the note turn kind on one turn (a stage direction).
    db.sqlite.prepare("UPDATE turns SET kind = 'note' WHERE id = (SELECT MIN(id) FROM turns WHERE speaker_label = 'Jansen')").run();
    const guidOf = (table: string, id: number) => db.sqlite.prepare(`SELECT guid FROM ${table} WHERE id = ?`).pluck().get(id) as string;
    const memo = (kind: string, target: string | null, title: string, paragraphs: string[], author: number | null) =>
      db.sqlite.prepare('INSERT INTO memos (guid, target_kind, target_guid, title, body, plain, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), kind, target, title, lexicalBody(paragraphs), paragraphs.join('\n'), author);
    memo('project', null, 'Logboek dag 1', ['We begonnen 🎉.', 'Tweede alinea met <tekens> & “quotes”.'], coders[0]!);
    memo('source', guidOf('sources', 1), 'Over dit interview', ['Rustig gesprek.'], coders[1]!);
    memo('participant', guidOf('participants', people[0]!), '', ['Werkt parttime.'], null);
    memo('code', guidOf('codes', root!), 'Waarom deze groep', ['Omdat het nieuw is.'], coders[0]!);
    memo('coding', guidOf('codings', codingIds[1]!), 'Mooi citaat', ['Gebruiken in hoofdstuk 3.'], coders[1]!);
    const tag = db.sqlite.prepare('INSERT INTO comparison_tags (guid, code_id, coding_id, other_coding_id, tag, note, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    tag.run(randomUUID(), codeIds[0]!, codingIds[0]!, codingIds[3]!, 'contradicts', 'Zien het anders.', coders[0]!);
    tag.run(randomUUID(), codeIds[0]!, codingIds[6]!, null, 'agrees', '', null);
  })();
  return db;
}
