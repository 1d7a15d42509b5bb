// Small realistic transcripts for the import end-to-end test, written at test
// time: a Word file with speaker labels in bold, a Windows-1252 text file with
// CRLF line endings, and a WebVTT file with voice tags.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBoldDocx } from '../helpers/docx.ts';

const CP1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };

export function writeCp1252(path: string, text: string): void {
  const bytes: number[] = [];
  for (const ch of text.replace(/\n/g, '\r\n')) {
    const code = ch.codePointAt(0)!;
    if (CP1252[ch] !== undefined) bytes.push(CP1252[ch]);
    else if (code < 0x100) bytes.push(code);
    else throw new Error(`not in cp1252: ${ch}`);
  }
  writeFileSync(path, Buffer.from(bytes));
}

export function writeE2eFixtures(dir: string): { docx: string; txt: string; vtt: string } {
  const docx = join(dir, 'Interview Marieke.docx');
  writeBoldDocx(docx, [
    ['Interviewer:', 'Hoe ziet samenwerking in de wijk er voor u uit?'],
    ['Marieke:', 'We hebben elke week een overleg met de huisarts en het sociaal team.'],
    ['Interviewer:', 'Wat levert dat op?'],
    ['Marieke:', 'Minder mensen die onnodig naar de spoedpost gaan, denk ik.'],
  ]);
  const txt = join(dir, 'gesprek wethouder.txt');
  writeCp1252(txt, [
    'I: Welkom. Wat kost de transformatie de gemeente?',
    '',
    'Jansen: Ongeveer € 40.000 per jaar, en dat is “tijdelijk” geld.',
    '',
    'I: En daarna?',
    '',
    'Jansen: Dan moet het structureel worden; daar praten we over met de zorgverzekeraar – lastig, maar het moet.',
    '',
    'I: Dank u.',
    '',
    'Jansen: Graag gedaan, het was een prettig gesprek over de coördinatie.',
    '',
  ].join('\n'));
  const vtt = join(dir, 'groepsgesprek inwoners.vtt');
  writeFileSync(vtt, [
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:04.000',
    '<v Interviewer>Wie wil beginnen?',
    '',
    '00:00:04.500 --> 00:00:09.000',
    '<v Fatima>Ik zorg voor mijn moeder en ik weet vaak niet waar ik moet aankloppen.',
    '',
    '00:00:09.200 --> 00:00:12.000',
    '<v Fatima>Het loket van de gemeente verwijst me door.',
    '',
    '00:00:12.500 --> 00:00:16.000',
    '<v Interviewer>Herkent u dat?',
    '',
    '00:00:16.500 --> 00:00:20.000',
    '<v Kees>Ja, als mantelzorger loop je overal tegenaan.',
    '',
  ].join('\n'));
  return { docx, txt, vtt };
}
