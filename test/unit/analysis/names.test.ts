import { describe, expect, it } from 'vitest';
import { findNames, nameMatcher, type KnownName } from '../../../src-main/analysis/names.ts';

const NAMES: KnownName[] = [
  { name: 'Sanne Oude Veldhuis', kind: 'participant', replacement: '[regulerende partij]' },
  { name: 'Oude Veldhuis', kind: 'participant', replacement: '[regulerende partij]' },
  { name: 'Marieke', kind: 'participant', replacement: '[zorgprofessional]' },
  { name: 'Anna', kind: 'interviewer', replacement: '[interviewer]' },
];

describe('names in quotes', () => {
  it('finds whole names only, longest first, case as the project knows them', () => {
    const match = nameMatcher(NAMES);
    expect(match('Sanne Oude Veldhuis belde, en toen Marieke.')).toEqual({
      found: [NAMES[0], NAMES[2]], fixed: '[regulerende partij] belde, en toen [zorgprofessional].',
    });
    // Inside another word, or in lower case as an ordinary word: not a name.
    expect(match('Mariekes fiets; de oude veldhuis; Annaliese').found).toEqual([]);
    expect(match("Anna's vraag").fixed).toBe("[interviewer]'s vraag");
  });

  it('offers a fix only when it passes the quote check against what was said', () => {
    const said = 'Ik doe precies wat Marieke zegt.';
    const [place] = findNames(NAMES, [{ codingGuid: 'g', where: 'x', attribution: 'Bestuurder', text: said, said }]);
    expect(place).toMatchObject({ fix: 'Ik doe precies wat [zorgprofessional] zegt.', names: [{ name: 'Marieke', kind: 'participant' }] });
    // A passage that is not a stored quote (no coding to store an edit on) is listed without a fix.
    const [loose] = findNames(NAMES, [{ codingGuid: null, where: 'x', attribution: 'y', text: said, said: null }]);
    expect(loose!.fix).toBeNull();
  });
});
