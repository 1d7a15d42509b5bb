// The review screen's model (src-renderer/features/team/conflicts.ts): one
// entry per conflict id across files, only complete choices become the
// contract's resolutions, each kind offers the choices the merge understands,
// and the evidence names fields and codes for people.
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { nl } from '../../src-shared/i18n/nl.ts';
import { choicesFor, evidence, reviewItems, summary, toResolution } from '../../src-renderer/features/team/conflicts.ts';
import { emptyCounts, resolutionSchema, type Conflict, type MergeReport } from '../../src-shared/contracts/team.ts';

const report = (coder: string, conflicts: Conflict[]): { report: MergeReport } => ({
  report: {
    changeSet: 'cs', copy: 'c', coder, alreadyMerged: false, merged: false, added: emptyCounts(), changed: emptyCounts(), removed: emptyCounts(),
    conflicts, reanchored: 0, needsReview: 0, pending: 0, codings: {}, review: [],
  },
});
const renamed: Conflict = { id: 'code.renamed:g1', kind: 'code.renamed', guid: 'g1', detail: { base: 'Lerend vermogen', ours: 'Leervermogen', theirs: 'Leren' } };

beforeAll(async () => {
  await i18next.init({ lng: 'nl', resources: { nl: { translation: nl } } });
});

describe('conflict review model', () => {
  it('lists a conflict two files share once, with the coder of the first', () => {
    const items = reviewItems([report('Anna', [renamed]), report('Bert', [renamed, { ...renamed, id: 'code.renamed:g2', guid: 'g2' }])]);
    expect(items.map((i) => [i.conflict.id, i.coder])).toEqual([['code.renamed:g1', 'Anna'], ['code.renamed:g2', 'Bert']]);
  });

  it('turns only complete drafts into resolutions the contract accepts', () => {
    expect(toResolution(undefined)).toBeNull();
    expect(toResolution({ choice: 'name', name: '  ' })).toBeNull();
    expect(toResolution({ choice: 'move' })).toBeNull();
    for (const draft of [{ choice: 'ours' }, { choice: 'theirs' }, { choice: 'name', name: ' Leren in de regio ' }, { choice: 'move', target: 'g9' }, { choice: 'restore' }, { choice: 'review' }] as const) {
      const r = toResolution(draft);
      expect(resolutionSchema.parse(r)).toEqual(r);
    }
    expect(toResolution({ choice: 'name', name: ' Leren in de regio ' })).toEqual({ choice: 'name', name: 'Leren in de regio' });
  });

  it('offers per kind the choices the merge understands', () => {
    expect(choicesFor(renamed)).toEqual(['ours', 'theirs', 'name']);
    expect(choicesFor({ id: 'x', kind: 'code.deleted_used', guid: 'g', detail: { deletedBy: 'theirs' } })).toEqual(['restore', 'move']);
    expect(choicesFor({ id: 'x', kind: 'code.deleted_used', guid: 'g', detail: { deletedBy: 'ours' } })).toEqual(['restore', 'move', 'review']);
    expect(choicesFor({ id: 'x', kind: 'coding.resized', guid: 'g', detail: {} })).toEqual(['ours', 'theirs']);
  });

  it('shows evidence with field and code names, not stored keys and GUIDs', () => {
    expect(evidence(renamed)).toEqual([{ label: 'Naam', base: 'Lerend vermogen', ours: 'Leervermogen', theirs: 'Leren' }]);
    expect(summary({ conflict: renamed, coder: 'Anna' })).toBe('Lerend vermogen');
    const moved: Conflict = { id: 'code.changed:g1', kind: 'code.changed', guid: 'g1', detail: { code: 'Leren', fields: ['parent', 'color'], base: { parent: null, color: '#111111' }, ours: { parent: 'p1', color: '#222222' }, theirs: { parent: 'p2', color: '#111111' } } };
    const names: Record<string, string> = { p1: 'Wat is nodig', p2: 'Beeld van JZOJP' };
    expect(evidence(moved, (g) => names[g])).toEqual([
      { label: 'Bovenliggende code', base: '(leeg)', ours: 'Wat is nodig', theirs: 'Beeld van JZOJP' },
      { label: 'Kleur', base: '#111111', ours: '#222222', theirs: '#111111' },
    ]);
    const resized: Conflict = { id: 'coding.resized:c1', kind: 'coding.resized', guid: 'c1', detail: { code: 'Leren', source: 'Interview 1', base: [1, 5], ours: [1, 9], theirs: [0, 5] } };
    expect(evidence(resized)[0]).toEqual({ label: 'Plaats in de tekst', base: 'tekens 1–5', ours: 'tekens 1–9', theirs: 'tekens 0–5' });
    expect(summary({ conflict: { id: 'd', kind: 'code.deleted_used', guid: 'g', detail: { deletedBy: 'ours', code: 'Leren', codings: 2 } }, coder: 'Anna' }))
      .toBe('Code „Leren” is in dit project verwijderd; Anna gebruikte hem voor 2 nieuwe coderingen.');
    // A change set of format 2 names a code the copy only used, with the path above it.
    expect(summary({ conflict: { id: 'd', kind: 'code.deleted_used', guid: 'g8', detail: { deletedBy: 'ours', code: 'Leren', path: ['Wat is nodig', 'Lerend vermogen'], codings: 1 } }, coder: 'Anna' }))
      .toBe('Code „Wat is nodig › Lerend vermogen › Leren” is in dit project verwijderd; Anna gebruikte hem voor 1 nieuwe coderingen.');
    // A version-1 change set names a code the copy only used by GUID alone, which is not shown as a name.
    expect(summary({ conflict: { id: 'd', kind: 'code.deleted_used', guid: 'g7', detail: { deletedBy: 'ours', code: 'g7', codings: 1 } }, coder: 'Anna' }))
      .toBe('Anna gebruikte voor 1 nieuwe coderingen een code die in dit project is verwijderd (de naam is hier niet meer bekend).');
  });
});
