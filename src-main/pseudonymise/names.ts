// Parts of a person's name, as they may appear in a transcript (issue 16 §1):
// "Sanne Oude Veldhuis" is also "Sanne", "Oude Veldhuis", "S. Oude Veldhuis";
// "Jan van der Berg" is also "Van der Berg" (capitalised without a first name,
// as Dutch spelling wants) and "J. van der Berg".

/** Dutch and common foreign surname prefixes (tussenvoegsels), lower case. */
export const TUSSENVOEGSELS = new Set([
  'van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'in', "'t", '’t', 'op', 'uit', 'uijt', 'aan', 'bij', 'onder', 'voor', 'over',
  'von', 'la', 'le', 'du', 'da', 'di', 'del', 'dos', 'el', 'al', 'ver', 'vander', 'vanden',
]);

export function isTussenvoegsel(word: string): boolean {
  return TUSSENVOEGSELS.has(word.toLowerCase());
}

export interface NameParts {
  full: string;
  first: string | null;
  /** Surname as written after the first name, tussenvoegsel included ("van der Berg"). */
  surname: string | null;
  /** Surname without its tussenvoegsel ("Berg"). */
  core: string | null;
  /** Tussenvoegsel words ("van der"), empty when none. */
  prefix: string;
}

/** Splits a full name: first word is the first name, the rest the surname. */
export function splitName(full: string): NameParts {
  const words = full.trim().split(/\s+/u).filter(Boolean);
  if (words.length < 2) return { full: words.join(' '), first: words[0] ?? null, surname: null, core: null, prefix: '' };
  const [first, ...rest] = words as [string, ...string[]];
  let i = 0;
  while (i < rest.length - 1 && isTussenvoegsel(rest[i]!)) i++;
  return { full: words.join(' '), first, surname: rest.join(' '), core: rest.slice(i).join(' '), prefix: rest.slice(0, i).join(' ') };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The written forms of one name, longest first. `isOrdinary` rules out a part
 * that is also a common Dutch word ("Roos", "Berg") on its own; such a part is
 * still found as part of a longer form.
 */
export function nameVariants(full: string, isOrdinary: (word: string) => boolean): string[] {
  const parts = splitName(full);
  const out = new Set<string>();
  if (parts.full.length >= 2) out.add(parts.full);
  if (parts.first && parts.first.length >= 2 && parts.surname !== null && !isOrdinary(parts.first)) out.add(parts.first);
  if (parts.surname !== null && parts.first) {
    const initial = parts.first.charAt(0).toUpperCase();
    out.add(`${initial}. ${parts.surname}`);
    out.add(`${initial}.${parts.surname}`);
    if (parts.prefix) {
      // "Van der Berg" when no first name precedes it.
      const [p0, ...pRest] = parts.prefix.split(' ');
      out.add([capitalise(p0!), ...pRest, parts.core].join(' '));
      out.add(parts.surname);
    } else if (parts.surname.split(' ').length > 1 || !isOrdinary(parts.surname)) {
      out.add(parts.surname);
    }
    if (parts.core && parts.core !== parts.surname && parts.core.length >= 3 && !isOrdinary(parts.core)) out.add(parts.core);
  }
  return [...out].filter((v) => v.length >= 2).sort((a, b) => b.length - a.length);
}
