import { describe, expect, it, vi } from 'vitest';
import { COMMAND_DEFS } from '../../../src-shared/commands.ts';
import { createI18n } from '../../../src-shared/i18n/index.ts';
import { nl } from '../../../src-shared/i18n/nl.ts';
import { en } from '../../../src-shared/i18n/en.ts';
import {
  buildMenuTemplate, escapeMnemonic, RECENT_MENU_ID, type MenuHandlers, type MenuItemSpec, type MenuOptions,
} from '../../../src-main/electron/menu-template.ts';
import type { RecentProject } from '../../../src-shared/contracts/shell.ts';

function handlers() {
  return {
    runCommand: vi.fn<MenuHandlers['runCommand']>(),
    openRecent: vi.fn<MenuHandlers['openRecent']>(),
    quit: vi.fn<MenuHandlers['quit']>(),
    about: vi.fn<MenuHandlers['about']>(),
  } satisfies MenuHandlers;
}

function build(language: 'nl' | 'en' | null, recent: RecentProject[] = [], options: MenuOptions = {}, h = handlers()) {
  const i18n = createI18n(language ?? undefined);
  return { template: buildMenuTemplate((k) => i18n.t(k), h, recent, options), h };
}

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}

const byId = (items: MenuItemSpec[], id: string) => flatten(items).find((i) => i.id === id);
const commandIds = COMMAND_DEFS.map((c) => c.id);

const recent: RecentProject[] = [
  { path: '/data/Onderzoek & co.duiding', name: 'Onderzoek & co', openedAt: '2025-01-02T00:00:00.000Z' },
  { path: '/data/b.duiding', name: 'B', openedAt: '2025-01-01T00:00:00.000Z' },
];

describe('buildMenuTemplate', () => {
  it.each([['linux'], ['win32'], ['darwin']])('contains every registry command exactly once (%s)', (platform) => {
    const ids = flatten(build('nl', recent, { platform }).template).map((i) => i.id).filter((id) => id && commandIds.includes(id as never));
    expect([...ids].sort()).toEqual([...commandIds].sort());
  });

  it('uses Dutch labels by default', () => {
    const { template } = build(null, recent);
    expect(template.map((s) => s.label)).toEqual([nl.menu.file, nl.menu.edit, nl.menu.view, nl.menu.help]);
    for (const def of COMMAND_DEFS) expect(byId(template, def.id)?.label).toBe(nl.command[def.id]);
    expect(byId(template, RECENT_MENU_ID)?.label).toBe(nl.command['project.openRecent']);
    expect(flatten(template).find((i) => i.role === 'copy')?.label).toBe(nl.menu.copy);
  });

  it('uses English labels when asked', () => {
    const { template } = build('en', recent);
    expect(template.map((s) => s.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    for (const def of COMMAND_DEFS) expect(byId(template, def.id)?.label).toBe(en.command[def.id]);
    expect(byId(template, RECENT_MENU_ID)?.label).toBe('Open recent');
    expect(flatten(template).find((i) => i.role === 'paste')?.label).toBe(en.menu.paste);
  });

  it('carries every accelerator from the registry', () => {
    const { template } = build('nl');
    const withAccelerator = COMMAND_DEFS.filter((c) => 'accelerator' in c);
    expect(withAccelerator.length).toBeGreaterThan(3);
    for (const def of withAccelerator) expect(byId(template, def.id)?.accelerator, def.id).toBe(def.accelerator);
    expect(byId(template, 'project.open')?.accelerator).toBe('CmdOrCtrl+O');
  });

  it('groups commands under their registry section, in registry order', () => {
    const { template } = build('en');
    for (const section of ['file', 'view', 'help'] as const) {
      const menu = template.find((s) => s.id === `menu.${section}`)!;
      const ids = menu.submenu!.map((i) => i.id).filter((id) => commandIds.includes(id as never));
      expect(ids).toEqual(COMMAND_DEFS.filter((c) => c.section === section).map((c) => c.id));
    }
  });

  it('puts a separator before commands that start a group, and never a stray one', () => {
    const { template } = build('nl', recent);
    for (const menu of template) {
      const items = menu.submenu!;
      expect(items[0]!.type, `${menu.id} starts with a separator`).not.toBe('separator');
      expect(items[items.length - 1]!.type, `${menu.id} ends with a separator`).not.toBe('separator');
      items.forEach((item, i) => {
        if (item.type === 'separator') expect(items[i + 1]!.type).not.toBe('separator');
      });
    }
    const file = template.find((s) => s.id === 'menu.file')!.submenu!;
    for (const def of COMMAND_DEFS.filter((c) => c.section === 'file' && 'separatorBefore' in c)) {
      const at = file.findIndex((i) => i.id === def.id);
      expect(file[at - 1]!.type, def.id).toBe('separator');
    }
  });

  it('sends renderer commands to the renderer and handles shell commands itself', () => {
    const { template, h } = build('nl');
    byId(template, 'project.new')!.click!();
    byId(template, 'view.inspector')!.click!();
    expect(h.runCommand.mock.calls).toEqual([['project.new'], ['view.inspector']]);
    byId(template, 'app.quit')!.click!();
    byId(template, 'app.about')!.click!();
    expect(h.quit).toHaveBeenCalledTimes(1);
    expect(h.about).toHaveBeenCalledTimes(1);
    expect(h.runCommand).toHaveBeenCalledTimes(2); // shell commands never reach the renderer
  });

  it('every clickable registry item does something', () => {
    const { template, h } = build('nl');
    for (const def of COMMAND_DEFS) byId(template, def.id)!.click!();
    const calls = h.runCommand.mock.calls.length + h.quit.mock.calls.length + h.about.mock.calls.length;
    expect(calls).toBe(COMMAND_DEFS.length);
  });

  it('has an "Open recent" submenu right after "Open", most recent first, that opens by path', () => {
    const { template, h } = build('nl', recent);
    const file = template.find((s) => s.id === 'menu.file')!.submenu!;
    const at = file.findIndex((i) => i.id === 'project.open');
    const sub = file[at + 1]!;
    expect(sub.id).toBe(RECENT_MENU_ID);
    expect(sub.submenu).toHaveLength(2);
    expect(sub.submenu![0]!.label).toBe('Onderzoek && co — /data/Onderzoek && co.duiding');
    sub.submenu![1]!.click!();
    expect(h.openRecent).toHaveBeenCalledWith('/data/b.duiding');
  });

  it('shows a disabled placeholder when there are no recent projects', () => {
    const sub = byId(build('en', []).template, RECENT_MENU_ID)!;
    expect(sub.submenu).toEqual([{ label: en.menu.noRecent, enabled: false }]);
  });

  it('marks the current language as the checked radio item', () => {
    const nlMenu = build('nl', [], { language: 'nl' }).template;
    expect(byId(nlMenu, 'language.nl')).toMatchObject({ type: 'radio', checked: true });
    expect(byId(nlMenu, 'language.en')).toMatchObject({ type: 'radio', checked: false });
    const enMenu = build('en', [], { language: 'en' }).template;
    expect(byId(enMenu, 'language.en')?.checked).toBe(true);
    expect(byId(enMenu, 'language.nl')?.checked).toBe(false);
  });

  it('has standard edit roles so copy and paste work in text fields, and app-level undo/redo', () => {
    const items = flatten(build('nl').template);
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
    // Undo/redo are commands the renderer runs (text-field undo there, project undo otherwise), not roles.
    expect(roles).not.toContain('undo');
    expect(byId(build('nl').template, 'edit.undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z' });
    expect(byId(build('nl').template, 'edit.redo')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z' });
  });

  it('offers DevTools only when asked (unpackaged builds)', () => {
    expect(flatten(build('nl').template).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(flatten(build('nl', [], { devTools: true }).template).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('on macOS puts about and quit in a first app menu', () => {
    const { template } = build('nl', [], { platform: 'darwin' });
    expect(template[0]!.label).toBe('Duiding');
    expect(template[0]!.submenu!.map((i) => i.id).filter(Boolean)).toEqual(['app.about', 'app.quit']);
    expect(template.find((s) => s.id === 'menu.help')).toBeUndefined(); // help had only "about"
  });
});

describe('escapeMnemonic', () => {
  it('doubles ampersands so names show literally', () => {
    expect(escapeMnemonic('A & B && C')).toBe('A && B &&&& C');
    expect(escapeMnemonic('plain')).toBe('plain');
  });
});
