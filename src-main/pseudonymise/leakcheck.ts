// Leak check (issue 16 §7): before an export leaves the machine, look in it
// for the originals of the key (when it is loaded) and for the names the
// project knows. Text comes out of each format the way a reader would see it:
// every entry of a ZIP-based file (DOCX, XLSX, QDPX — document text, shared
// strings, but also document properties such as the author), the text layer
// of a PDF, HTML with its markup removed and entities decoded, and plain text.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Parser } from 'htmlparser2';
import type { ProjectDb } from '../db/open.ts';
import { looksLikeZip, readZipEntries } from '../import/zip-safety.ts';
import { extractPdf } from '../import/extract/pdf.ts';
import type { PseudonymCategory } from '../../src-shared/contracts/pseudonymise.ts';
import type { KeyContent } from './key-file.ts';
import { knownNames } from './known.ts';
import { dutchLexicon, type Lexicon } from './lexicon.ts';
import { nameVariants } from './names.ts';
import { participantLabels } from './project.ts';

export interface Needle {
  text: string;
  /** 'key': an original from the key file; 'known': a name the project knows. */
  source: 'key' | 'known';
  category: PseudonymCategory;
}

export interface Leak {
  file: string;
  text: string;
  source: Needle['source'];
  category: PseudonymCategory;
  count: number;
  /** Where: the ZIP entry ("word/document.xml"), "page text" for a PDF, "text" otherwise. */
  where: string[];
}

export interface TextPart {
  where: string;
  text: string;
}

/** A single ordinary word or a phrase of only ordinary words is a role label, not a name ("Wijkverpleegkundige"). */
function isRoleLike(text: string, lexicon: Lexicon): boolean {
  return text.replace(/^\[|\]$/g, '').split(/\s+/).every((w) => lexicon.isOrdinary(w) && !lexicon.isProperNoun(w));
}

export function leakNeedles(db: ProjectDb | null, key: KeyContent | null): Needle[] {
  const lexicon = dutchLexicon();
  const out = new Map<string, Needle>();
  const replacements = new Set(key?.entries.map((e) => e.replacement) ?? []);
  for (const e of key?.entries ?? []) {
    out.set(e.original, { text: e.original, source: 'key', category: e.category });
    if (e.category === 'person') for (const v of nameVariants(e.original, (w) => lexicon.isOrdinary(w) && !lexicon.isProperNoun(w))) if (!out.has(v)) out.set(v, { text: v, source: 'key', category: 'person' });
  }
  if (db) {
    // After pseudonymisation a participant is called by their role label ("Wijkverpleegkundige", "Directeur zorggroep 2"): no leak.
    const roleLabels = new Set([...participantLabels(db).values()].map((l) => l.replace(/^\[|\]$/g, '').toLowerCase()));
    for (const k of knownNames(db, lexicon)) {
      if (roleLabels.has(k.name.replace(/^\[|\]$/g, '').toLowerCase())) continue;
      for (const v of nameVariants(k.name, (w) => lexicon.isOrdinary(w) && !lexicon.isProperNoun(w))) {
        // After pseudonymisation the project "knows" its pseudonyms: those are no leak.
        if (out.has(v) || replacements.has(v) || isRoleLike(v, lexicon) || /^\p{L}\.\s?/u.test(v) && v.length < 4) continue;
        out.set(v, { text: v, source: 'known', category: 'person' });
      }
    }
  }
  return [...out.values()].filter((n) => n.text.length >= 2);
}

/**
 * The text of markup (entities decoded, attribute values included), twice:
 * joined, because one word may be split over runs ("Mar</w:t><w:t>ieke"), and
 * spaced, because paragraphs follow each other without white space.
 */
function markupText(markup: string, xmlMode: boolean): string {
  const chunks: string[] = [];
  const parser = new Parser({ ontext: (t) => chunks.push(t), onattribute: (_n, v) => chunks.push(` ${v} `) }, { xmlMode, decodeEntities: true });
  parser.write(markup);
  parser.end();
  return `${chunks.join('')}\n${chunks.join(' ')}`;
}

/** The readable text of an export file, in parts that say where it came from. */
export async function exportText(path: string): Promise<TextPart[]> {
  const bytes = readFileSync(path);
  const name = basename(path);
  if (looksLikeZip(bytes)) {
    const entries = readZipEntries(bytes, name, 'ZIP', (e) => /\.(?:xml|rels|txt|qde|html?|csv|json)$/i.test(e));
    const parts: TextPart[] = [];
    for (const [entry, data] of entries) {
      const raw = new TextDecoder().decode(data);
      parts.push({ where: entry, text: /\.(?:txt|csv|json)$/i.test(entry) ? raw : markupText(raw, true) });
    }
    return parts;
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const extracted = await extractPdf(new Uint8Array(bytes), name, {});
    return [{ where: 'PDF', text: extracted.paragraphs.map((p) => p.text).join('\n') }];
  }
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/\.html?$/i.test(name) || /^\s*<(?:!doctype|html)/i.test(text)) {
    return [{ where: 'HTML', text: markupText(text, false) }];
  }
  return [{ where: 'text', text }];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

export function findLeaks(file: string, parts: readonly TextPart[], needles: readonly Needle[]): Leak[] {
  const leaks: Leak[] = [];
  for (const n of needles) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(n.text)}(?![\\p{L}\\p{N}])`, 'gu');
    let count = 0;
    const where: string[] = [];
    for (const p of parts) {
      const found = p.text.match(re)?.length ?? 0;
      if (found > 0 && !where.includes(p.where)) where.push(p.where);
      count += found;
    }
    if (count > 0) leaks.push({ file, text: n.text, source: n.source, category: n.category, count, where });
  }
  return leaks;
}
