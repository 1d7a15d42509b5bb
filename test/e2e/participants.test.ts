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

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const person = (h: Harness, name: string) =>
  h.get<{ id: number; name: string; perspective: string | null; role: string }>('SELECT id, name, perspective, role FROM participants WHERE name = ?', name);
const valueOf = (h: Harness, name: string, attribute: string) =>
  h.value<string | undefined>(
    `SELECT v.value FROM participant_values v JOIN participants p ON p.id = v.participant_id JOIN attributes a ON a.id = v.attribute_id
     WHERE p.name = ? AND a.name = ?`,
    name, attribute,
  );
const turnsOf = (h: Harness, name: string) =>
  h.value<number>('SELECT COUNT(*) FROM turns t JOIN participants p ON p.id = t.participant_id WHERE p.name = ?', name);

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
  const blocks = (await h.inEngine(({ db, lib }, by) => lib.buildMatrix(db, by), 'perspective' as const)).rows.filter((r) => r.depth === 0);
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
    await expect.poll(async () => (await person(h, 'Bestuurder Heerenveen'))?.perspective).toBe('bestuurder');
    await list(h).getByRole('option', { name: /Bestuurder Heerenveen/ }).waitFor();

    await choose(h, panel, /Perspectief$/, 'Inwoner/patiënt');
    await expect.poll(async () => (await person(h, 'Bestuurder Heerenveen'))?.perspective).toBe('inwoner');
    // Jeroen was the only executive: the matrix column empties without a reload.
    await expect.poll(() => shownColumn(h, 'Bestuurder')).toEqual(bestuurderBefore.map(() => 0));

    const role = panel.getByRole('textbox', { name: 'Rol' });
    await role.fill('Wethouder zorg');
    await role.press('Tab');
    await expect.poll(async () => (await person(h, 'Bestuurder Heerenveen'))?.role).toBe('Wethouder zorg');
    await choose(h, panel, /Leerregio$/, 'Twente');
    await expect.poll(async () => valueOf(h, 'Bestuurder Heerenveen', 'Leerregio')).toBe('Twente');

    // A number attribute: a word is refused with a message naming the field and the value; the field shows the stored value again.
    const age = panel.getByRole('textbox', { name: 'Leeftijd' });
    await age.fill('oud');
    await age.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Leeftijd: "oud" is geen getal' }).waitFor();
    expect(await valueOf(h, 'Bestuurder Heerenveen', 'Leeftijd')).toBeUndefined();
    await age.fill('52,5');
    await age.press('Tab');
    await expect.poll(async () => valueOf(h, 'Bestuurder Heerenveen', 'Leeftijd')).toBe('52.5');
    await expect.poll(() => age.inputValue()).toBe('52.5');
    await page.screenshot({ path: screenshotPath('participants-edit-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Undo (focus outside a text field) takes back the last change only.
    await panel.getByRole('heading', { name: /Bestuurder Heerenveen/ }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => valueOf(h, 'Bestuurder Heerenveen', 'Leeftijd')).toBeUndefined();
    expect(await valueOf(h, 'Bestuurder Heerenveen', 'Leerregio')).toBe('Twente');
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
    const jeroenTurns = await turnsOf(h, 'Jeroen Bosma');
    const mariekeTurns = await turnsOf(h, 'Marieke Hoekstra');
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
    expect(await person(h, 'Jeroen Bosma')).toBeUndefined();
    expect(await turnsOf(h, 'Marieke Hoekstra')).toBe(mariekeTurns + jeroenTurns);
    // The kept participant is shown, with the memo that moved.
    await panel.getByRole('heading', { name: /Marieke Hoekstra/ }).waitFor();
    await panel.getByText('About Jeroen').waitFor();
    await panel.getByText(`Transcripts: 1 · ${mariekeTurns + jeroenTurns} turns`).waitFor();

    await panel.getByRole('heading', { name: /Marieke Hoekstra/ }).click();
    await page.keyboard.press('Control+z');
    await list(h).getByRole('option', { name: /Jeroen Bosma/ }).waitFor();
    expect(await turnsOf(h, 'Jeroen Bosma')).toBe(jeroenTurns);
  });

  it('deletes a participant: the turns stay, unassigned and listed for review; open them, then assign them to a new participant (Dutch)', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    const jeroenTurns = await turnsOf(h, 'Jeroen Bosma');
    await list(h).getByRole('option', { name: /Jeroen Bosma/ }).click();
    await inspector(h).getByRole('button', { name: 'Verwijderen…' }).click();
    const d = dialog(h);
    await d.getByText(`${jeroenTurns} beurten worden "niet toegewezen".`).waitFor();
    expect(await d.textContent()).toContain('Je vindt ze onder "Niet toegewezen"');
    expect(await seriousViolations(page)).toEqual([]);
    await d.getByRole('button', { name: 'Verwijderen', exact: true }).click();

    await status(h, 'Deelnemer "Jeroen Bosma" verwijderd.').waitFor();
    expect(await person(h, 'Jeroen Bosma')).toBeUndefined();
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
    expect(await person(h, 'Wethouder')).toMatchObject({ perspective: 'bestuurder' });
    expect(await turnsOf(h, 'Wethouder')).toBe(jeroenTurns);
    expect(await valueOf(h, 'Wethouder', 'Leerregio')).toBe('Heerenveen');
    await expect.poll(() => entry.count()).toBe(0);
    await review.getByText('Alle beurten zijn toegewezen.').waitFor();
    await expect.poll(() => unmapped.count()).toBe(0);
    expect(await page.locator('.turn__speaker', { hasText: /^Wethouder$/ }).count()).toBeGreaterThan(0);
  });

  it('changes the speaker of one turn from the reader’s turn menu (English)', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const h = harness;
    const { page } = h;
    const jeroenTurns = await turnsOf(h, 'Jeroen Bosma');
    await page.getByRole('listbox', { name: /Transcripts/ }).getByRole('option', { name: /Duo-interview/ }).click();
    await page.getByRole('article').waitFor();
    const firstTurn = await h.value<number>(
      `SELECT t.id FROM turns t JOIN participants p ON p.id = t.participant_id WHERE p.name = 'Jeroen Bosma' ORDER BY t.start LIMIT 1`,
    );
    await page.getByRole('button', { name: 'Actions for this turn: Jeroen Bosma' }).first().click();
    await page.getByRole('menuitem', { name: 'Change speaker…' }).click();
    const d = dialog(h);
    await d.getByText('Turn of "Jeroen Bosma" in Duo-interview wijkverpleging en zorggroep (Heerenveen).').waitFor();
    expect(await d.getByRole('radio', { name: 'Only this turn' }).isChecked()).toBe(true);
    // By keyboard: open the speaker list, pick the interviewer, submit.
    await d.getByRole('button', { name: /New speaker$/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Interviewer', exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Interviewer');
    await page.keyboard.press('Enter');
    await page.screenshot({ path: screenshotPath('participants-reassign-turn-en') });
    expect(await seriousViolations(page)).toEqual([]);
    await d.getByRole('button', { name: 'Change', exact: true }).click();

    await status(h, 'Assigned 1 turn to Interviewer.').waitFor();
    expect(await h.get('SELECT participant_id AS pid, is_interviewer AS iv FROM turns WHERE id = ?', firstTurn)).toEqual({ pid: null, iv: 1 });
    expect(await turnsOf(h, 'Jeroen Bosma')).toBe(jeroenTurns - 1);
    // The change log names it; undo gives the turn back.
    await page.getByRole('tab', { name: 'Change log' }).click();
    await page.getByText('Assigned 1 turn to the interviewer').waitFor();
    await page.getByRole('tab', { name: 'Transcript', exact: true }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => turnsOf(h, 'Jeroen Bosma')).toBe(jeroenTurns);
  });
});

describe('transcript management', () => {
  it('renames a transcript and deletes it with its impact shown; undo brings it back (English)', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const h = harness;
    const { page } = h;
    const transcripts = page.getByRole('listbox', { name: /Transcripts/ });
    await transcripts.getByRole('option', { name: /Interview mantelzorger/ }).click();
    await page.getByRole('article').waitFor();
    const panel = inspector(h);
    const name = panel.getByRole('textbox', { name: 'Transcript name' });
    await name.fill('Caregiver, Achterhoek');
    await name.press('Enter');
    await status(h, 'Renamed the transcript to "Caregiver, Achterhoek".').waitFor();
    await transcripts.getByRole('option', { name: /Caregiver, Achterhoek/ }).waitFor();
    // A name another transcript has is refused, with the reason.
    await name.fill('Interview zorgverzekeraar (Twente)');
    await name.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'There already is a transcript named "Interview zorgverzekeraar (Twente)"' }).waitFor();
    await name.press('Escape');

    const id = await h.value<number>('SELECT id FROM sources WHERE name = ?', 'Caregiver, Achterhoek');
    const codings = await h.value<number>('SELECT COUNT(*) FROM codings WHERE source_id = ?', id);
    const turns = await h.value<number>('SELECT COUNT(*) FROM turns WHERE source_id = ?', id);
    await panel.getByRole('button', { name: 'Delete transcript…' }).click();
    const d = dialog(h);
    await d.getByText(`${turns} turns`).waitFor();
    expect(await d.textContent()).toContain(`${codings} codings`);
    expect(await d.textContent()).toContain('1 participant appears only in this transcript');
    await page.screenshot({ path: screenshotPath('transcript-delete-en') });
    expect(await seriousViolations(page)).toEqual([]);
    // Cancel has focus: Escape leaves without a change.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(h).count()).toBe(0);
    await panel.getByRole('button', { name: 'Delete transcript…' }).click();
    await dialog(h).getByRole('button', { name: 'Delete', exact: true }).click();

    await status(h, 'Deleted transcript "Caregiver, Achterhoek".').waitFor();
    await expect.poll(() => transcripts.getByRole('option').count()).toBe(2);
    await page.getByRole('heading', { name: 'Choose a transcript' }).waitFor();
    expect(await h.value('SELECT COUNT(*) FROM codings WHERE source_id = ?', id)).toBe(0);

    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => transcripts.getByRole('option').count()).toBe(3);
    expect(await h.value('SELECT COUNT(*) FROM codings WHERE source_id = ?', id)).toBe(codings);
  });
});

describe('attributes', () => {
  it('adds an eleventh learning region and a new attribute, gives a participant the new region, and removes a region in use by remapping it (Dutch)', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    await page.getByRole('button', { name: 'Kenmerken van deelnemers beheren' }).click();
    const d = dialog(h);
    const region = d.getByRole('listitem', { name: /Leerregio/ });
    await region.getByText('hoort bij het sjabloon').waitFor();
    const add = region.getByRole('textbox', { name: 'Nieuwe keuze voor Leerregio' });
    await add.fill('Utrechtse Heuvelrug');
    await add.press('Enter');
    await status(h, 'Keuze "Utrechtse Heuvelrug" toegevoegd.').waitFor();
    await region.getByRole('textbox', { name: 'Keuze Utrechtse Heuvelrug' }).waitFor();

    // A new attribute of type number.
    await d.getByRole('textbox', { name: 'Naam' }).last().fill('Jaren in functie');
    await choose(h, d.getByRole('form'), /Soort$/, 'Getal');
    await d.getByRole('button', { name: 'Kenmerk maken' }).click();
    await d.getByRole('listitem', { name: /Jaren in functie/ }).waitFor();
    expect(await h.value('SELECT type FROM attributes WHERE name = ?', 'Jaren in functie')).toBe('number');
    // A duplicate name is refused inside the dialog.
    await d.getByRole('textbox', { name: 'Naam' }).last().fill('jaren in functie');
    await d.getByRole('button', { name: 'Kenmerk maken' }).click();
    await d.getByRole('alert').filter({ hasText: 'Er is al een kenmerk "jaren in functie"' }).waitFor();

    // Removing Twente, which Sanne has: the dialog asks what she gets instead.
    await region.getByRole('button', { name: 'Keuze "Twente" verwijderen' }).click();
    const ask = region.getByRole('group', { name: 'Keuze "Twente" verwijderen' });
    await ask.getByText('1 deelnemer heeft "Twente".').waitFor();
    await choose(h, ask, /In plaats van "Twente"$/, 'Utrechtse Heuvelrug');
    await page.screenshot({ path: screenshotPath('attributes-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    await ask.getByRole('button', { name: 'Keuze verwijderen' }).click();
    await status(h, 'Keuze "Twente" verwijderd.').waitFor();
    expect(await valueOf(h, 'Sanne Oude Veldhuis', 'Leerregio')).toBe('Utrechtse Heuvelrug');
    const choices = JSON.parse(await h.value<string>(`SELECT choices FROM attributes WHERE key = 'region'`)) as string[];
    expect(choices).toContain('Utrechtse Heuvelrug');
    expect(choices).not.toContain('Twente');
    await d.getByRole('button', { name: 'Sluiten' }).click();
    await expect.poll(() => dialog(h).count()).toBe(0);

    // The new region is a choice in the participant's editor.
    await list(h).getByRole('option', { name: /Ineke Wolters/ }).click();
    await choose(h, inspector(h), /Leerregio$/, 'Utrechtse Heuvelrug');
    await expect.poll(async () => valueOf(h, 'Ineke Wolters', 'Leerregio')).toBe('Utrechtse Heuvelrug');
  });
});
