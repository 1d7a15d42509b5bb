// Personal data with a fixed shape (issue 16 §1): e-mail addresses, URLs,
// phone numbers (libphonenumber-js, validated), IBANs (ibantools, checksum),
// BSNs (11-proef), postcodes, dates and ages. Pure functions over one text.
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { Category, Finding } from './categories.ts';

type Hit = Omit<Finding, 'text'>;

function* matches(text: string, re: RegExp, category: Category, rule: string, group = 0): Generator<Hit> {
  for (const m of text.matchAll(re)) {
    if (group === 0) {
      yield { start: m.index, end: m.index + m[0].length, category, rule };
    } else if (m[group] !== undefined) {
      const start = m.index + m[0].indexOf(m[group]);
      yield { start, end: start + m[group].length, category, rule };
    }
  }
}

// E-mail addresses and URLs are matched only around an '@', "www.", "http" or a
// top-level domain: a pattern that may start at any word would make detection
// over a long transcript several times slower.
const EMAIL = /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const URL_CUE = /https?:\/\/|www\.|\.(?:nl|com|org|net|eu|be|info)(?![\p{L}\p{N}])/giu;
const URL_RE = /^(?:(?:https?:\/\/|www\.)[^\s<>"]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:nl|com|org|net|eu|be|info)(?:\/[^\s<>"]*)?(?![\p{L}\p{N}@]))/iu;
/** Where a phone number may be: a run of digits, spaces and separators; libphonenumber-js checks each run. */
const PHONE_RUN = /(?:\+|\(0|(?<![\p{N}])0)[\d\s().\/-]{7,20}\d/gu;

/** The token around `index`: the run of non-space characters that contains it. */
function tokenAround(text: string, index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && !/[\s<>"(),;]/.test(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && !/[\s<>"]/.test(text[end]!)) end++;
  return { start, end };
}
const POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu;
const NINE_DIGITS = /(?<![\p{N}.\-/])\d{3}[. ]?\d{2}[. ]?\d{2}[. ]?\d{2}(?![\p{N}]|[.\-/]\d)|(?<![\p{N}.\-/])\d{4}[. ]?\d{2}[. ]?\d{3}(?![\p{N}])/gu;
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2} ?(?:[A-Z0-9]{4} ?){2,7}[A-Z0-9]{0,4}(?![\p{L}\p{N}])/gu;

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan\\.?|feb\\.?|mrt\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|okt\\.?|nov\\.?|dec\\.?';
const DAYS = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';
/** "12 maart 2023", "3e van april", "maandag 4 maart", "4-3-2023", "2023-03-04". A month on its own is no date. */
const DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:${DAYS})\s+)?\d{1,2}(?:e|ste|de)?\s+(?:${MONTHS})(?:\s+(?:19|20)\d{2})?(?![\p{L}])` +
  String.raw`|(?<![\p{N}])\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}(?![\p{N}])` +
  String.raw`|(?<![\p{N}])(?:19|20)\d{2}-\d{2}-\d{2}(?![\p{N}])` +
  String.raw`|(?<![\p{L}])(?:${MONTHS})\s+(?:19|20)\d{2}(?![\p{N}])`,
  'giu',
);

const TENS = '(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n)?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)|honderd';
const AGE_NUMBER = String.raw`(?:1[01]\d|\d{1,2}|${TENS})`;
/**
 * Ages need context: "twintig jaar" is as often a duration ("al twintig jaar
 * doe ik dat"). Accepted: "84 jaar oud", "84-jarige", "een vrouw van 84",
 * "ik ben 84", "zij is 92 jaar" (not followed by "geleden", "lang", …).
 */
const AGE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${AGE_NUMBER})(?:\s+jaar\s+oud|[- ]?jarige?n?)(?![\p{L}])` +
  String.raw`|(?<![\p{L}])(?:vrouw|man|meneer|mevrouw|jongen|meisje|kind|patiënt|patiënte|dame|heer|moeder|vader|zoon|dochter|oma|opa)\s+van\s+(${AGE_NUMBER})(?:\s+jaar)?(?![\p{L}\p{N}])` +
  String.raw`|(?<![\p{L}])(?:ik ben|hij is|zij is|ze is|hij was|zij was|ze was|werd|wordt|word)\s+(?:nu\s+|al\s+|bijna\s+|ruim\s+|inmiddels\s+)?(${AGE_NUMBER})(?:\s+jaar(?:\s+oud)?)?(?!\s+(?:geleden|lang|terug|later|eerder|bezig|werkzaam|getrouwd|samen|in\b|bij\b))(?=\s*[.,;!?)]|\s+jaar|\s+en\b|\s+geworden)`,
  'giu',
);

/** The Dutch 11-proef for a BSN: 9 digits, weights 9..2 and -1, sum divisible by 11. */
export function isValidBsn(digits: string): boolean {
  const d = digits.replace(/\D/g, '').padStart(9, '0');
  if (d.length !== 9 || /^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

/**
 * Stretches of the text around each match of `anchor` (± `radius`, widened
 * to white space, overlapping ones merged). Dates and ages always contain a
 * digit or a number word: running their patterns only near one keeps
 * detection fast on long transcripts.
 */
function windows(text: string, anchor: RegExp, radius: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(anchor)) {
    let start = Math.max(0, m.index - radius);
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    let end = Math.min(text.length, m.index + m[0].length + radius);
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

const NUMBER_ANCHOR = /\d|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd/gi;

export function detectPatterns(text: string): Hit[] {
  const hits: Hit[] = [];
  const tokens = new Set<number>();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const t = tokenAround(text, at);
    if (tokens.has(t.start)) continue;
    tokens.add(t.start);
    const m = EMAIL.exec(text.slice(t.start, t.end));
    if (m) hits.push({ start: t.start, end: t.start + m[0].length, category: 'email', rule: 'email' });
  }
  for (const cue of text.matchAll(URL_CUE)) {
    const t = tokenAround(text, cue.index);
    if (tokens.has(t.start)) continue;
    tokens.add(t.start);
    const token = text.slice(t.start, t.end);
    // An e-mail's domain is part of the e-mail, not a URL.
    if (token.includes('@')) continue;
    const m = URL_RE.exec(token);
    if (!m) continue;
    let end = t.start + m[0].length;
    while (end > t.start && /[.,;:!?)\]'"’]/.test(text[end - 1]!)) end--;
    hits.push({ start: t.start, end, category: 'url', rule: 'url' });
  }
  hits.push(...matches(text, POSTCODE, 'postcode', 'postcode'));
  for (const h of matches(text, NINE_DIGITS, 'bsn', 'bsn')) {
    if (isValidBsn(text.slice(h.start, h.end))) hits.push(h);
  }
  const ibanLike: Hit[] = [];
  for (const h of matches(text, IBAN, 'iban', 'iban')) {
    ibanLike.push(h);
    let raw = text.slice(h.start, h.end);
    // The pattern may take a trailing space before the next word.
    while (raw.endsWith(' ')) raw = raw.slice(0, -1);
    const iban = electronicFormatIBAN(raw);
    if (iban && isValidIBAN(iban)) hits.push({ ...h, end: h.start + raw.length });
  }
  for (const run of text.matchAll(PHONE_RUN)) for (const found of findPhoneNumbersInText(run[0], 'NL')) {
    const p = { ...found, startsAt: found.startsAt + run.index, endsAt: found.endsAt + run.index };
    // Written Dutch numbers start with 0 or an international prefix; bare digit runs are counts, BSNs or amounts.
    // Digits inside an account number (even one with a wrong checksum) are no phone number.
    if (ibanLike.some((h) => h.start <= p.startsAt && p.endsAt <= h.end)) continue;
    if (p.number.isValid() && /^[(]?[0+]/.test(text.slice(p.startsAt, p.endsAt))) hits.push({ start: p.startsAt, end: p.endsAt, category: 'phone', rule: 'phone' });
  }
  for (const w of windows(text, NUMBER_ANCHOR, 40)) {
    const part = text.slice(w.start, w.end);
    for (const h of matches(part, DATE, 'date', 'date')) hits.push({ ...h, start: h.start + w.start, end: h.end + w.start });
    for (const m of part.matchAll(AGE)) {
      const group = m[1] ?? m[2] ?? m[3];
      if (group === undefined) continue;
      // Replace the whole phrase for "84-jarige" (the number alone would leave "-jarige"), else the number with "jaar".
      const start = m[1] !== undefined ? m.index : m.index + m[0].lastIndexOf(group);
      hits.push({ start: w.start + start, end: w.start + m.index + m[0].length, category: 'age', rule: 'age' });
    }
  }
  return hits;
}
