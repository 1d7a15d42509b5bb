// The review workspace's own logic (issue 16 §2): a selection becomes whole
// words, an added finding gets the next numbered placeholder and joins the
// list confirmed (or confirms the group that has its text), and an edited span
// makes the group stand for the new text.
import { beforeEach, describe, expect, it } from 'vitest';
import { isPlaceholderOf, nextPlaceholder, reviewedFindings, selectionToWords, usePseudonymise } from '../../../src-renderer/features/pseudonymise/pseudonymise-store.ts';
import type { FindingGroup, FindingsFile } from '../../../src-shared/contracts/pseudonymise.ts';

const group = (text: string, category: FindingGroup['category'], replacement: string): FindingGroup =>
  ({ text, category, rules: ['cue'], confirmed: false, replacement, occurrences: [{ source: 's1', start: 0, end: text.length, context: `[${text}]` }] });

describe('review store', () => {
  beforeEach(() => {
    const findings: FindingsFile = { format: 'duiding-pseudonymise-findings', version: 1, project: 'p', sources: { s1: { textHash: 'h' } }, groups: [group('Marieke', 'person', '[naam 1]'), group('Zwolle', 'place', '[plaats 2]')] };
    usePseudonymise.getState().set({ phase: 'review', findings, decisions: new Map(), active: 0, category: 'place', source: 'all' });
  });

  it('widens a selection to whole words and drops edge punctuation', () => {
    // As the line reads on screen: the found text is a <mark>, without brackets.
    const line = '…mijn broer woont in Groningen. Dus eigenlijk…';
    const at = line.indexOf('roe');
    expect(selectionToWords(line, at, at + 3)).toBe('broer');
    expect(selectionToWords(line, line.indexOf('woont') - 1, line.indexOf('Gron') + 2)).toBe('woont in Groningen');
    expect(selectionToWords(line, line.indexOf('Groningen'), line.indexOf('Dus'))).toBe('Groningen');
    expect(selectionToWords(line, 0, 1)).toBe('');
  });

  it('numbers an added name, place or organisation after those in use', () => {
    const groups = reviewedFindings(usePseudonymise.getState())!.groups;
    expect(nextPlaceholder(groups, 'person')).toBe('[naam 2]');
    expect(nextPlaceholder(groups, 'place')).toBe('[plaats 3]');
    expect(nextPlaceholder(groups, 'organisation')).toBe('[organisatie 1]');
    expect(nextPlaceholder(groups, 'phone')).toBe('[telefoonnummer]');
  });

  it('adds a marked text as a confirmed group in focus, or confirms the group that has it', () => {
    const s = usePseudonymise.getState();
    s.add({ text: 'Jan Smit', occurrences: [{ source: 's1', start: 10, end: 18 }, { source: 's1', start: 40, end: 48 }] }, 'person');
    let st = usePseudonymise.getState();
    expect(st.findings!.groups).toHaveLength(3);
    expect(st.findings!.groups[2]).toMatchObject({ text: 'Jan Smit', category: 'person', confirmed: true, replacement: '[naam 2]', rules: ['manual'] });
    expect(st.active).toBe(2);
    expect(st.category).toBe('all');
    st.add({ text: 'Zwolle', occurrences: [] }, 'place');
    st = usePseudonymise.getState();
    expect(st.findings!.groups).toHaveLength(3);
    expect(st.active).toBe(1);
    expect(reviewedFindings(st)!.groups[1]!.confirmed).toBe(true);
  });

  it('reshapes a group to its new text and places, keeping the decision', () => {
    const s = usePseudonymise.getState();
    s.decide(0, { confirmed: true, replacement: '[wijkverpleegkundige]' });
    s.reshape(0, { text: 'Marieke de Vries', occurrences: [{ source: 's1', start: 0, end: 16 }] });
    const g = reviewedFindings(usePseudonymise.getState())!.groups[0]!;
    expect(g).toMatchObject({ text: 'Marieke de Vries', confirmed: true, replacement: '[wijkverpleegkundige]', occurrences: [{ start: 0, end: 16 }] });
    // A span without places leaves the group as it was.
    usePseudonymise.getState().reshape(0, { text: 'nergens', occurrences: [] });
    expect(usePseudonymise.getState().findings!.groups[0]!.text).toBe('Marieke de Vries');
  });

  it('changes the kind of a group: its placeholder follows, numbered after those in use; a typed replacement and the decision stay', () => {
    const s = usePseudonymise.getState();
    s.recategorise(1, 'person');
    let st = usePseudonymise.getState();
    expect(st.findings!.groups[1]).toMatchObject({ text: 'Zwolle', category: 'person', replacement: '[naam 2]' });
    // The list filtered on places follows the group to its new kind.
    expect(st.category).toBe('person');
    st.decide(1, { confirmed: true });
    st.recategorise(1, 'date');
    st = usePseudonymise.getState();
    expect(reviewedFindings(st)!.groups[1]).toMatchObject({ category: 'date', replacement: '[datum]', confirmed: true });
    st.decide(0, { replacement: '[wijkverpleegkundige]' });
    st.recategorise(0, 'organisation');
    expect(reviewedFindings(usePseudonymise.getState())!.groups[0]).toMatchObject({ category: 'organisation', replacement: '[wijkverpleegkundige]' });
    expect([isPlaceholderOf('[naam 12]', 'person'), isPlaceholderOf('[naam]', 'person'), isPlaceholderOf('[naam van de buurvrouw]', 'person'), isPlaceholderOf('[plaats 1]', 'person')])
      .toEqual([true, true, false, false]);
  });
});
