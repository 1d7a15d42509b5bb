// Participant, speaker and transcript management in the real renderer against
// a real project file (issue 9 §7): edit a participant (and see the matrix
// follow the perspective), merge two, delete one and assign its turns again,
// rename and delete a transcript, add a learning region, change one turn's
// speaker — in Dutch and English, by mouse and keyboard, with axe.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { openProjectDb } from '../../src-main/db/open.ts';
import { addAttribute } from '../../src-main/participants/participants.ts';
import { buildMatrix } from '../../src-main/analysis/matrix.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const db = (h: Harness) => h.session.requireProject().sqlite;
const person = (h: Harness, name: string) =>
  db(h).prepare('SELECT id, name, perspective, role FROM participants WHERE name = ?').get(name) as
    | { id: number; name: string; perspective: string | null; role: string }
    | undefined;
const valueOf = (h: Harness, name: string, attribute: string) =>
  db(h).prepare(
    `SELECT v.value FROM participant_values v JOIN participants p ON p.id = v.participant_id JOIN attributes a ON a.id = v.attribute_id
     WHERE p.name = ? AND a.name = ?`,
  ).pluck().get(name, attribute) as string | undefined;
const turnsOf = (h: Harness, name: string) =>
  db(h).prepare('SELECT COUNT(*) FROM turns t JOIN participants p ON p.id = t.participant_id WHERE p.name = ?').pluck().get(name) as number;

const list = (h: Harness) => h.page.getByRole('listbox', { name: /Deelnemers|Participants/ });
const inspector = (h: Harness) => h.page.getByRole('complementary', { name: 'Inspector' });
const dialog = (h: Harness) => h.page.getByRole('dialog');
const status = (h: Harness, text: string | RegExp) => h.page.getByRole('status').filter({ hasText: text });

async function choose(h: Harness, scope: Locator, select: RegExp, option: string): Promise<void> {
  await scope.getByRole('button', { name: select }).click();
  await h.page.getByRole('option', { name: option, exact: true }).click();
}

/** A project with one extra participant attribute of type number. */
function projectWithAge(): string {
  const path = exampleProject();
  const pdb = openProjectDb(path);
  try {
    addAttribute(pdb, { name: 'Leeftijd', type: 'number' });
  } finally {
    pdb.close();
  }
  return path;
}

/** The matrix (participants per building block) column of a perspective, as shown. */
async function shownColumn(h: Harness, perspective: string): Promise<number[]> {
  const table = h.page.getByRole('table');
  const blocks = buildMatrix(h.session.requireProject(), 'perspective').rows.filter((r) => r.depth === 0);
  const out: number[] = [];
  for (const b of blocks) {
    const text = await table.getByRole('button', { name: new RegExp(`^${b.name}, ${perspective}`) }).first().innerText();
    out.push(Number(text));
  }
  return out;
}

describe('participant management', () => {
  it('edits name, perspective, role, learning region and a number attribute in the inspector; the matrix follows the perspective (Dutch)', async () => {
    harness = await launchHarness({ projectPath: projectWithAge() });
    const h = harness;
    const { page } = h;
    // The matrix stays in view while the participant is edited in the inspector.
    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('table').waitFor();
    const bestuurderBefore = await shownColumn(h, 'Bestuurder');
    expect(bestuurderBefore.some((n) => n > 0)).toBe(true);

    await list(h).getByRole('option', { name: /Jeroen Bosma/ }).click();
    const panel = inspector(h);
    await panel.getByRole('heading', { name: /Jeroen Bosma/ }).waitFor();
    const name = panel.getByRole('textbox', { name: 'Naam of pseudoniem' });
    await name.fill('Bestuurder Heerenveen');
    await name.press('Enter');
    await status(h, 'Naam of pseudoniem opgeslagen').waitFor();
    await expect.poll(() => person(h, 'Bestuurder Heerenveen')?.perspective).toBe('bestuurder');
    await list(h).getByRole('option', { name: /Bestuurder Heerenveen/ }).waitFor();

    await choose(h, panel, /Perspectief$/, 'Inwoner/patiënt');
    await expect.poll(() => person(h, 'Bestuurder Heerenveen')?.perspective).toBe('inwoner');
    // Jeroen was the only executive: the matrix column empties without a reload.
    await expect.poll(() => shownColumn(h, 'Bestuurder')).toEqual(bestuurderBefore.map(() => 0));

    const role = panel.getByRole('textbox', { name: 'Rol' });
    await role.fill('Wethouder zorg');
    await role.press('Tab');
    await expect.poll(() => person(h, 'Bestuurder Heerenveen')?.role).toBe('Wethouder zorg');
    await choose(h, panel, /Leerregio$/, 'Twente');
    await expect.poll(() => valueOf(h, 'Bestuurder Heerenveen', 'Leerregio')).toBe('Twente');

    // A number attribute: a word is refused with a message naming the field and the value; the field shows the stored value again.
    const age = panel.getByRole('textbox', { name: 'Leeftijd' });
    await age.fill('oud');
    await age.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Leeftijd: "oud" is geen getal' }).waitFor();
    expect(valueOf(h, 'Bestuurder Heerenveen', 'Leeftijd')).toBeUndefined();
    await age.fill('52,5');
    await age.press('Tab');
    await expect.poll(() => valueOf(h, 'Bestuurder Heerenveen', 'Leeftijd')).toBe('52.5');
    await expect.poll(() => age.inputValue()).toBe('52.5');
    await page.screenshot({ path: screenshotPath('participants-edit-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Undo (focus outside a text field) takes back the last change only.
    await panel.getByRole('heading', { name: /Bestuurder Heerenveen/ }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => valueOf(h, 'Bestuurder Heerenveen', 'Leeftijd')).toBeUndefined();
    expect(valueOf(h, 'Bestuurder Heerenveen', 'Leerregio')).toBe('Twente');
  });

  it('merges two participants by keyboard, with the impact shown first; turns and memos move; undo restores (English)', async () => {
    const path = exampleProject();
    const pdb = openProjectDb(path);
    try {
      const jeroen = pdb.sqlite.prepare('SELECT guid FROM participants WHERE name = ?').pluck().get('Jeroen Bosma') as string;
      pdb.sqlite.prepare(`INSERT INTO memos (guid, target_kind, target_guid, title) VALUES ('m-1', 'participant', ?, 'About Jeroen')`).run(jeroen);
    } finally {
      pdb.close();
    }
    harness = await launchHarness({ projectPath: path, language: 'en' });
    const h = harness;
    const { page } = h;
    const jeroenTurns = turnsOf(h, 'Jeroen Bosma');
    const mariekeTurns = turnsOf(h, 'Marieke Hoekstra');
    await list(h).getByRole('option', { name: /Jeroen Bosma/ }).click();
    const panel = inspector(h);
    await panel.getByRole('button', { name: 'Merge with…' }).focus();
    await page.keyboard.press('Enter');
    const d = dialog(h);
    await d.getByRole('heading', { name: 'Merge participant "Jeroen Bosma"' }).waitFor();
    // The search field has focus: type, pick with the arrow keys, confirm with Enter.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('Mar');
    await page.getByRole('option', { name: /Marieke Hoekstra Care professional ·/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await d.getByText(`${jeroenTurns} turns move to Marieke Hoekstra.`).waitFor();
    expect(await d.textContent()).toContain('1 memo moves along.');
    await page.screenshot({ path: screenshotPath('participants-merge-en') });
    expect(await seriousViolations(page)).toEqual([]);
    await d.getByRole('button', { name: 'Merge', exact: true }).focus();
    await page.keyboard.press('Enter');

    await status(h, 'Merged "Jeroen Bosma" into "Marieke Hoekstra"').waitFor();
    await expect.poll(() => dialog(h).count()).toBe(0);
    await expect.poll(() => list(h).getByRole('option', { name: /Jeroen Bosma/ }).count()).toBe(0);
    expect(person(h, 'Jeroen Bosma')).toBeUndefined();
    expect(turnsOf(h, 'Marieke Hoekstra')).toBe(mariekeTurns + jeroenTurns);
    // The kept participant is shown, with the memo that moved.
    await panel.getByRole('heading', { name: /Marieke Hoekstra/ }).waitFor();
    await panel.getByText('About Jeroen').waitFor();
    await panel.getByText(`Transcripts: 1 · ${mariekeTurns + jeroenTurns} turns`).waitFor();

    await panel.getByRole('heading', { name: /Marieke Hoekstra/ }).click();
    await page.keyboard.press('Control+z');
    await list(h).getByRole('option', { name: /Jeroen Bosma/ }).waitFor();
    expect(turnsOf(h, 'Jeroen Bosma')).toBe(jeroenTurns);
  });

  it('deletes a participant: the turns stay, unassigned and listed for review; open them, then assign them to a new participant (Dutch)', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    const jeroenTurns = turnsOf(h, 'Jeroen Bosma');
    await list(h).getByRole('option', { name: /Jeroen Bosma/ }).click();
    await inspector(h).getByRole('button', { name: 'Verwijderen…' }).click();
    const d = dialog(h);
    await d.getByText(`${jeroenTurns} beurten worden "niet toegewezen".`).waitFor();
    expect(await d.textContent()).toContain('Je vindt ze onder "Niet toegewezen"');
    expect(await seriousViolations(page)).toEqual([]);
    await d.getByRole('button', { name: 'Verwijderen', exact: true }).click();

    await status(h, 'Deelnemer "Jeroen Bosma" verwijderd.').waitFor();
    expect(person(h, 'Jeroen Bosma')).toBeUndefined();
    // The unassigned turns are in view: an entry in the list (chosen) and the review in the inspector.
    const entry = list(h).getByRole('option', { name: new RegExp(`Niet toegewezen ${jeroenTurns} beurten`) });
    await expect.poll(() => entry.getAttribute('aria-selected')).toBe('true');
    const review = inspector(h).getByRole('region', { name: 'Niet toegewezen beurten' });
    await review.getByText(`Duo-interview wijkverpleging en zorggroep (Heerenveen) · ${jeroenTurns} beurten`).waitFor();
    await page.screenshot({ path: screenshotPath('participants-unassigned-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Open leads to the turns: the transcript (virtualised: the turns in view) shows them as not mapped.
    await review.getByRole('button', { name: /^Openen: Jeroen in Duo-interview/ }).click();
    await page.getByRole('article').waitFor();
    const unmapped = page.locator('.turn').filter({ has: page.locator('.turn__speaker', { hasText: /^Jeroen$/ }) }).filter({ hasText: 'Niet gekoppeld' });
    await expect.poll(() => unmapped.count()).toBeGreaterThan(0);

    await review.getByRole('button', { name: /^Toewijzen: Jeroen in Duo-interview/ }).click();
    const assign = dialog(h);
    await assign.getByRole('heading', { name: 'Spreker wijzigen' }).waitFor();
    expect(await assign.getByRole('radio', { name: `Alle ${jeroenTurns} beurten met het label "Jeroen" in dit transcript` }).isChecked()).toBe(true);
    await choose(h, assign, /Nieuwe spreker$/, 'Nieuwe deelnemer…');
    const name = assign.getByRole('textbox', { name: 'Naam of pseudoniem' });
    expect(await name.inputValue()).toBe('Jeroen');
    await name.fill('Wethouder');
    await choose(h, assign, /Perspectief$/, 'Bestuurder');
    await choose(h, assign, /Leerregio$/, 'Heerenveen');
    await page.screenshot({ path: screenshotPath('participants-reassign-new-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    await assign.getByRole('button', { name: 'Wijzigen', exact: true }).click();

    await status(h, `${jeroenTurns} beurten toegewezen aan Wethouder.`).waitFor();
    expect(person(h, 'Wethouder')).toMatchObject({ perspective: 'bestuurder' });
    expect(turnsOf(h, 'Wethouder')).toBe(jeroenTurns);
    expect(valueOf(h, 'Wethouder', 'Leerregio')).toBe('Heerenveen');
    await expect.poll(() => entry.count()).toBe(0);
    await review.getByText('Alle beurten zijn toegewezen.').waitFor();
    await expect.poll(() => unmapped.count()).toBe(0);
    expect(await page.locator('.turn__speaker', { hasText: /^Wethouder$/ }).count()).toBeGreaterThan(0);
  });
});
