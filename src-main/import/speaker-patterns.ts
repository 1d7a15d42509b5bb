// The vocabulary of speaker detection: what a timestamp looks like, what a
// speaker label may look like, which labels are typical for interviews and
// which words only look like labels ("Let op:", "Conclusie:"). Pure and
// precompiled; `turns.ts` decides which convention a document uses.

/** A clock time as transcription tools write it: 1:02:03, 00:12:03.500, 12:03, 0:03,5. */
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
/** A clock time bare, in brackets or in parentheses. */
export const TIME_SOURCE = String.raw`(?:\[\s*${CLOCK}\s*\]|\(\s*${CLOCK}\s*\)|${CLOCK})`;

const CLOCK_PARTS = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?$/;
const TIME_ONLY = new RegExp(String.raw`^${TIME_SOURCE}$`);
const LEADING_TIME = new RegExp(String.raw`^${TIME_SOURCE}(?:\s+|$)`);

/**
 * Milliseconds of a timestamp (hh:mm:ss, h:mm:ss, mm:ss, m:ss; optional .mmm or ,mmm;
 * optional brackets or parentheses), or null when it is not one.
 * Two parts are read as minutes and seconds.
 */
export function parseTimestamp(raw: string): number | null {
  const bare = raw.trim().replace(/^[[(]\s*/, '').replace(/\s*[\])]$/, '');
  const m = CLOCK_PARTS.exec(bare);
  if (!m) return null;
  const [, a = '0', b = '0', c, frac] = m;
  const hours = c === undefined ? 0 : Number(a);
  const minutes = c === undefined ? Number(a) : Number(b);
  const seconds = c === undefined ? Number(b) : Number(c);
  if (minutes > 59 || seconds > 59) return null;
  const millis = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/** True when the whole string is one timestamp. */
export function isTimestamp(raw: string): boolean {
  return TIME_ONLY.test(raw.trim()) && parseTimestamp(raw) !== null;
}

/** Splits a leading timestamp off `text`: `[00:12:03] tekst` → 723000 and `tekst`. */
export function splitLeadingTime(text: string): { timeMs: number | null; rest: string } {
  const m = LEADING_TIME.exec(text);
  if (!m) return { timeMs: null, rest: text };
  const timeMs = parseTimestamp(m[0]);
  return timeMs === null ? { timeMs: null, rest: text } : { timeMs, rest: text.slice(m[0].length) };
}

// ---------------------------------------------------------------------------
// Label shape

/** Longest name we accept, in UTF-16 units ("Mw. dr. Anne-Marie van der Berg-Jansen" fits), before a role in parentheses. */
export const MAX_LABEL_LENGTH = 40;
const MAX_NAME_WORDS = 4;
const MAX_TOKENS = 7;

/** Titles before a name: dr., drs., mr., mw., mevr., dhr., prof., ir., ing., ds. */
const TITLE = /^(?:dr|drs|mr|mw|mevr|mevrouw|dhr|heer|meneer|prof|ir|ing|ds)\.?$/i;
/** An article before a role written in lower case: "De voorzitter", "De heer Van der Staaij", "The doctor". */
const ARTICLE = /^(?:De|Het|The)$/u;
const LOWER_WORD = /^\p{Ll}[\p{L}\p{M}-]*$/u;
/** Dutch and some foreign name particles (tussenvoegsels), written lower case inside a name. */
const PARTICLES = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", '’t', 'te', 'ter', 'ten', 'in', 'op', 'onder', 'over', 'uit', 'aan', 'bij',
  "'s", '’s', "d'", 'von', 'zu', 'la', 'le', 'du', 'da', 'di', 'del', 'dos', 'das', 'des', 'el', 'al', 'bin',
]);
/** Particles a label may start with ("van Dijk", "de Vries"); "in", "op", "uit" only follow another word. */
const LEADING_PARTICLES = new Set([
  'van', 'de', 'der', 'den', 'ter', 'ten', 'te', "'t", '’t', 'von', 'la', 'le', 'du', 'da', 'di', 'del', 'dos',
]);
/** Initials: "J.", "A.B.". */
const INITIALS_DOTTED = /^(?:\p{Lu}\.)+$/u;
/** A capitalised word, an initial ("J."), a hyphenated or apostrophed name ("Anne-Marie", "O'Neil"), or a code ("R2", "IV"). */
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}\p{Nd}'’.-]*$/u;
const NUMBER = /^\d{1,3}[a-z]?$/;
/** A lower-case code with digits, as in `[id1]` or `[p03]`. */
const LOWER_CODE = /^\p{Ll}{1,12}\d{1,4}$/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** Short all-capital codes: I, R, R2, IV, INT, P1 — the 'initials' convention. */
export const INITIALS = /^\p{Lu}{1,3}\d{0,2}$/u;

/**
 * Labels interview transcripts typically use (compared lower case, with an
 * optional number: `R2`, `Respondent 2`, `Spreker 1`). A typical label is
 * believed even when it occurs only once.
 */
const TYPICAL = new RegExp(
  '^(?:(?:' +
    [
      'i', 'r', 'p', 'd', 'm', 'int', 'iv', 'res', 'resp', 'interviewer', 'interviewster', 'interviewee',
      'respondent', 'respondente', 'geïnterviewde', 'deelnemer', 'deelneemster', 'participant', 'moderator',
      'gespreksleider', 'spreker', 'speaker', 'onderzoeker', 'researcher', 'doctor', 'dokter', 'arts', 'huisarts',
      'patient', 'patiënt', 'cliënt', 'client',
    ].join('|') +
    ')\\s?\\d{0,2}|v|a|q|vraag|antwoord|question|answer)$',
  'u',
);

/** Words that open notes and headers, never speakers ("Let op:", "Conclusie:", "Tijd: 10:30"). */
const NEVER_SPEAKER = new Set([
  'let op', 'let wel', 'nb', 'n.b', 'ps', 'p.s', 'noot', 'note', 'opmerking', 'opmerkingen', 'aantekening', 'notitie',
  'conclusie', 'conclusies', 'samenvatting', 'kortom', 'dus', 'ofwel', 'oftewel', 'bijvoorbeeld', 'bv', 'bijv', 'zie',
  'bron', 'bronnen', 'link', 'url', 'website', 'web', 'email', 'e-mail', 'mail', 'tel', 'telefoon', 'adres',
  'datum', 'tijd', 'tijdstip', 'duur', 'locatie', 'plaats', 'titel', 'onderwerp', 'aanwezig', 'aanwezigen', 'afwezig',
  'inleiding', 'introductie', 'toelichting', 'voorbeeld', 'vervolg', 'actiepunt', 'actiepunten', 'afspraken',
  'agenda', 'transcript', 'transcriptie', 'interview', 'gesprek', 'opname', 'bestand', 'versie', 'status',
  'organisatie', 'functie', 'rol', 'leeftijd', 'geslacht', 'regio', 'leerregio', 'project', 'perspectief',
  'code', 'codes', 'memo', 'citaat', 'quote', 'conclusion', 'summary', 'date', 'time', 'location', 'duration',
  'title', 'subject', 'example', 'warning', 'let', 'http', 'https', 'ftp', 'mailto', 'www',
  // Bracketed annotations in Dutch and English transcripts: [lacht], [naam], [onverstaanbaar].
  'lacht', 'lachen', 'gelach', 'lacht hardop', 'onverstaanbaar', 'onv', 'onduidelijk', 'stilte', 'pauze', 'zucht',
  'naam', 'namen', 'plaatsnaam', 'geanonimiseerd', 'anoniem', 'anonymised', 'anonymized', 'inaudible', 'unclear',
  'laughs', 'laughter', 'laughing', 'crosstalk', 'pause', 'silence', 'sighs', 'name', 'redacted', 'music', 'muziek',
  'applaus', 'applause', 'einde', 'end', 'start', 'begin',
  // Words that open a sentence with a colon: "Nou: ...", "Ten eerste: ...", "Knelpunt: ...".
  'ja', 'nee', 'nou', 'oké', 'ok', 'okay', 'goed', 'prima', 'maar', 'en', 'of', 'want', 'eerst', 'daarna',
  'vervolgens', 'ten eerste', 'ten tweede', 'ten derde', 'tot slot', 'ten slotte', 'tenslotte', 'overigens',
  'bovendien', 'daarnaast', 'verder', 'echter', 'namelijk', 'zoals', 'dan', 'toen', 'nu', 'hier', 'daar', 'wat',
  'wie', 'hoe', 'waar', 'waarom', 'wanneer', 'welke', 'omdat', 'hierbij', 'resultaat', 'resultaten', 'uitkomst',
  'probleem', 'oplossing', 'doel', 'doelen', 'aanleiding', 'achtergrond', 'reden', 'kern', 'advies', 'aanbeveling',
  'aanbevelingen', 'tip', 'tips', 'les', 'lessen', 'leerpunt', 'leerpunten', 'knelpunt', 'knelpunten',
  'succesfactor', 'succesfactoren', 'risico', "risico's", 'kansen', 'voordeel', 'nadeel', 'voordelen', 'nadelen',
  'stap', 'belangrijk', 'cijfers', 'feit', 'feiten', 'definitie', 'context', 'methode', 'aanpak', 'planning',
  'yes', 'no', 'well', 'so', 'but', 'and', 'first', 'then', 'finally', 'result', 'problem',
]);

/**
 * Heading words that number things ("Vraag 1:", "Thema 2:", "Bouwsteen 3:"): refused with a
 * number or when they occur once; a recurring bare "Vraag:"/"Antwoord:" stays a label.
 */
const HEADING_WORDS = new Set([
  'vraag', 'question', 'thema', 'theme', 'onderwerp', 'deel', 'blok', 'topic', 'bouwsteen', 'stelling', 'item',
  'punt', 'fase', 'stap', 'hoofdstuk', 'paragraaf', 'bijlage', 'sectie', 'ronde', 'part', 'section', 'casus',
]);

/** Grouping key of a label: trimmed, inner spaces collapsed, lower case (as `preview.labelKey`). */
export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Display form of a label: trimmed, inner spaces collapsed, case as written. */
export function tidyLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ');
}

export function isTypicalLabel(label: string): boolean {
  return TYPICAL.test(labelKey(label));
}

function strippedKey(label: string): string {
  return labelKey(label).replace(/\.$/, '');
}

/** Words of a label without titles and particles. */
function nameWords(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !TITLE.test(t) && !PARTICLES.has(t.toLowerCase()));
}

export interface ShapeOptions {
  /** Bracket labels may be lower-case codes such as `[id1]`. */
  allowLowerCode?: boolean;
}

/**
 * Whether `label` could be a speaker label at all: starts with a letter, at most
 * 40 characters, one to four name words (titles and particles such as "van der"
 * come free), each capitalised, a number, a title or a particle — so a sentence
 * with a colon in it ("Ik zei toen: ...", "Let op: ...") is not a label. A
 * parenthesised role may follow: "Marieke (wethouder)".
 */
export function isLabelShape(label: string, options: ShapeOptions = {}): boolean {
  const tidy = tidyLabel(label);
  if (tidy.length === 0 || !STARTS_WITH_LETTER.test(tidy)) return false;
  if (isTypicalLabel(tidy)) return true;
  // The role in parentheses has its own limit (30), the name before it 40.
  const paren = /^(.*?)\s*\(([^()]{1,30})\)$/u.exec(tidy);
  const core = paren ? (paren[1] ?? '') : tidy;
  if (core.length === 0 || core.length > MAX_LABEL_LENGTH || /[()[\]]/.test(core)) return false;
  const tokens = core.split(' ');
  if (tokens.length > MAX_TOKENS) return false;
  const words = nameWords(tokens);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if (TITLE.test(token)) continue;
    if (PARTICLES.has(token)) {
      // A particle stands before a surname: never last, and only a few may open a label.
      if (i === tokens.length - 1) return false;
      if (i === 0 && !LEADING_PARTICLES.has(token)) return false;
      continue;
    }
    if (token.includes('.') && !INITIALS_DOTTED.test(token)) return false;
    if (CAPITALISED.test(token) || NUMBER.test(token)) continue;
    if (i === 1 && ARTICLE.test(tokens[0] ?? '') && LOWER_WORD.test(token)) continue;
    if (options.allowLowerCode && LOWER_CODE.test(token)) continue;
    return false;
  }
  // A name needs a word that is not only a number: "Dr. 3" is no label.
  if (!words.some((w) => !NUMBER.test(w))) return false;
  if (isRefused(tidy)) return false;
  return true;
}

/** Labels that are never speakers, whatever their count. */
export function isRefused(label: string): boolean {
  const key = strippedKey(label);
  if (NEVER_SPEAKER.has(key)) return true;
  const tokens = key.split(' ');
  if (tokens.length > 1 && ARTICLE.test(tidyLabel(label).split(' ')[0] ?? '')) tokens.shift();
  const first = tokens[0] ?? '';
  if (NEVER_SPEAKER.has(tokens.join(' ')) || (NEVER_SPEAKER.has(first.replace(/\.$/, '')) && !isTypicalLabel(label))) return true;
  if (HEADING_WORDS.has(first) && tokens.length > 1 && !isTypicalLabel(label)) return true;
  return false;
}

/**
 * A label that says clearly it is a speaker even when it occurs once: a typical
 * label, a name of two capitalised words ("Jan de Vries", "Fatima El Amrani"), a
 * title and a name ("Dr. Jansen", "Mevrouw Bouwmeester"), or a name with a role in
 * parentheses ("Mevrouw Bouwmeester (PvdA)"). A single word ("Financiering:") or
 * an article with a noun ("De gemeente:") is not.
 */
export function isStrongLabel(label: string): boolean {
  const tidy = tidyLabel(label);
  if (isTypicalLabel(tidy)) return true;
  if (/\S\s*\([^()]+\)$/u.test(tidy)) return true;
  const tokens = tidy.split(' ');
  const titled = tokens.some((t) => TITLE.test(t));
  const names = tokens.filter((t) => !TITLE.test(t) && !ARTICLE.test(t) && CAPITALISED.test(t)).length;
  return names >= 2 || (titled && names >= 1);
}

/** Heading words that may only stand as recurring labels ("Vraag:" … "Antwoord:"). */
export function isHeadingWord(label: string): boolean {
  return HEADING_WORDS.has(strippedKey(label));
}

// ---------------------------------------------------------------------------
// Label regexes, applied to one line (already trimmed). All anchored at the
// start and bounded, so they run in time linear in the (short) prefix they see.

/** Candidate label text: starts with a letter, at most 40 characters before the colon. */
const LABEL = String.raw`\p{L}[\p{L}\p{M}\p{Nd}'’.\- ]{0,39}?`;
const ROLE = String.raw`\(\s*[^()\n]{1,30}?\s*\)`;

/**
 * `Marieke: tekst`, `NAAM: tekst`, `Dr. De Vries: tekst`, `I: tekst`, `- Jan: tekst` (subtitles),
 * `[00:12:03] Marieke: tekst`, `Marieke [00:12:03]: tekst`, `Marieke (00:12:03): tekst`,
 * `Marieke (wethouder): tekst`, `Marieke:` alone (label line). The colon may not start a URL
 * ("http://") and the label may not be a time ("10:30").
 */
export const COLON_LABEL = new RegExp(
  String.raw`^(?:(?<t1>${TIME_SOURCE})\s*)?(?:(?<dash>[-–—])\s*)?(?<label>${LABEL}(?:\s*${ROLE})?)\s*(?:(?<t2>${TIME_SOURCE})\s*)?:{1,2}(?!\/\/)\s*`,
  'u',
);

/** `[Marieke] tekst`, `[id1] tekst`, `[00:12:03] [Marieke]: tekst`. */
export const BRACKET_LABEL = new RegExp(
  String.raw`^(?:(?<t1>${TIME_SOURCE})\s*)?\[(?<label>[^[\]\n]{1,40})\]\s*(?:(?<t2>${TIME_SOURCE})\s*)?:?\s*`,
  'u',
);

/**
 * A label line of transcription services (Amberscript, Otter, Teams): the whole line
 * is a name and a time, the spoken text follows on the next lines:
 * `Marieke  00:01:23`, `Speaker 1 [00:00:05]`, `00:01:23 Marieke`, `Marieke - 0:03`.
 */
export const LABEL_LINE = new RegExp(
  String.raw`^(?:(?<t1>${TIME_SOURCE})\s+(?:[-–—]\s*)?(?<label1>${LABEL})|(?<label2>${LABEL})\s*(?:[-–—|]\s*)?(?<t2>${TIME_SOURCE}))\s*:?$`,
  'u',
);

/** The part of a line a label regex gets to see (a label is short; this bounds the regex work). */
export const LABEL_WINDOW = 120;
