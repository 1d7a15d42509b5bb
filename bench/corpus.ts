// Synthetic corpus: Dutch-like interview transcripts with speaker turns,
// deterministic for a given seed so runs are comparable. Later issues reuse it
// (txt/docx import, search, retrieval benchmarks).
const WORDS = (
  'de het een en van in is dat op te zijn met voor niet aan er om ook als bij maar nog wel dan door naar ' +
  'zorg huisarts wijkverpleegkundige gemeente zorgverzekeraar inwoners samenwerking regio budget financiering ' +
  'mantelzorger ouderen preventie wijkteam afspraken ervaring leren gesprek overleg belangrijk eigenlijk gewoon ' +
  'natuurlijk kijken samen werken zien merken vinden denken moeten kunnen willen hebben gaan komen blijven ' +
  'praktijk beleid bestuur organisatie ziekenhuis thuis dichtbij passend kwetsbaar gezondheid welzijn sociaal ' +
  'domein schotten pilot structureel tijdelijk resultaat verschil verbetering knelpunt oplossing vertrouwen ' +
  'gezamenlijk verantwoordelijkheid ruimte regels capaciteit personeel tekort wachtlijst toegang bereik ' +
  'probleem vraag antwoord moment jaar maand week dag mensen patiënten collega’s partners netwerk'
).split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticTurn {
  speaker: string;
  isInterviewer: boolean;
  start: number;
  end: number;
}

export interface SyntheticTranscript {
  name: string;
  text: string;
  turns: SyntheticTurn[];
  speakers: string[];
}

function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 14);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}${next() < 0.15 ? '?' : '.'}`;
}

/** One transcript of about `words` words: interviewer and one or two respondents taking turns. */
export function makeTranscript(index: number, words = 8000, seed = 1): SyntheticTranscript {
  const next = rng(seed * 100_003 + index);
  const speakers = next() < 0.2 ? [`Respondent ${index}a`, `Respondent ${index}b`] : [`Respondent ${index}`];
  let text = '';
  let count = 0;
  const turns: SyntheticTurn[] = [];
  let interviewer = true;
  while (count < words) {
    const speaker = interviewer ? 'Interviewer' : speakers[Math.floor(next() * speakers.length)]!;
    const sentences = interviewer ? 1 + Math.floor(next() * 2) : 2 + Math.floor(next() * 6);
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) parts.push(sentence(next));
    const body = parts.join(' ');
    if (text) text += '\n\n';
    turns.push({ speaker, isInterviewer: interviewer, start: text.length, end: text.length + body.length });
    text += body;
    count += body.split(' ').length;
    interviewer = !interviewer;
  }
  return { name: `Interview ${String(index + 1).padStart(3, '0')}`, text, turns, speakers };
}

/** Random word-aligned ranges inside respondent turns, for synthetic codings. */
export function pickRanges(t: SyntheticTranscript, n: number, seed = 7): { start: number; end: number }[] {
  const next = rng(seed * 7919 + t.text.length);
  const spoken = t.turns.filter((x) => !x.isInterviewer && x.end - x.start > 40);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < n && spoken.length > 0; i++) {
    const turn = spoken[Math.floor(next() * spoken.length)]!;
    const start = turn.start + Math.floor(next() * (turn.end - turn.start - 20));
    const end = Math.min(turn.end, start + 20 + Math.floor(next() * 300));
    out.push({ start, end });
  }
  return out;
}
