// The native menu as plain data, built from the one command registry
// (src-shared/commands.ts). Pure (no electron import): main.ts passes the
// result to Menu.buildFromTemplate; the tests read it directly.
import { COMMAND_DEFS, type CommandDef, type MenuSection } from '../../src-shared/commands.ts';
import type { RecentProject } from '../../src-shared/contracts/shell.ts';
import type { Language } from '../../src-shared/i18n/catalog.ts';

/** The subset of Electron's MenuItemConstructorOptions this menu uses. */
export interface MenuItemSpec {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'radio';
  role?: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'toggleDevTools';
  accelerator?: string;
  checked?: boolean;
  enabled?: boolean;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

type Def = (typeof COMMAND_DEFS)[number];
export type ShellOnlyCommandId = Extract<Def, { shellOnly: true }>['id'];
export type RendererCommandId = Exclude<Def['id'], ShellOnlyCommandId>;

export interface MenuHandlers {
  /** A command the renderer runs: main sends it 'command.invoke' {id}. */
  runCommand(id: RendererCommandId): void;
  openRecent(path: string): void;
  quit(): void;
  about(): void;
}

export interface MenuOptions {
  /** Marks the current language's radio item. */
  language?: Language;
  /** On macOS the first menu is the app menu (about, quit). */
  platform?: string;
  /** Adds a DevTools toggle (unpackaged builds only). */
  devTools?: boolean;
}

export type Translate = (key: string) => string;

export const SECTIONS: readonly MenuSection[] = ['file', 'edit', 'view', 'help'];
export const RECENT_MENU_ID = 'project.openRecent';
/** macOS: these leave their sections for the app menu, in this order. */
const MAC_APP_MENU: readonly ShellOnlyCommandId[] = ['app.about', 'app.quit'];
/** The recent-projects submenu follows this command. */
const RECENT_AFTER = 'project.open';

const SHELL_ACTIONS: Record<ShellOnlyCommandId, (h: MenuHandlers) => void> = {
  'app.quit': (h) => h.quit(),
  'app.about': (h) => h.about(),
};

function isShellOnly(def: CommandDef): boolean {
  return def.shellOnly === true;
}

/** On Windows and Linux '&' marks a mnemonic; names from users must show it literally. */
export function escapeMnemonic(label: string): string {
  return label.replace(/&/g, '&&');
}

function commandItem(def: CommandDef, t: Translate, handlers: MenuHandlers, options: MenuOptions): MenuItemSpec {
  const item: MenuItemSpec = { id: def.id, label: t(`command.${def.id}`) };
  if (def.accelerator) item.accelerator = def.accelerator;
  if (isShellOnly(def)) {
    const action = SHELL_ACTIONS[def.id as ShellOnlyCommandId];
    item.click = () => action(handlers);
  } else {
    item.click = () => handlers.runCommand(def.id as RendererCommandId);
  }
  if (def.id.startsWith('language.') && options.language) {
    item.type = 'radio';
    item.checked = def.id === `language.${options.language}`;
  }
  return item;
}

function recentMenu(t: Translate, handlers: MenuHandlers, recent: readonly RecentProject[]): MenuItemSpec {
  const submenu: MenuItemSpec[] = recent.length
    ? recent.map((r) => ({ label: escapeMnemonic(`${r.name} — ${r.path}`), click: () => handlers.openRecent(r.path) }))
    : [{ label: t('menu.noRecent'), enabled: false }];
  return { id: RECENT_MENU_ID, label: t(`command.${RECENT_MENU_ID}`), type: 'submenu', submenu };
}

function editRoles(t: Translate): MenuItemSpec[] {
  return [
    // Undo/redo are app commands (edit.undo/edit.redo): the renderer undoes
    // typing in a text field natively and project changes otherwise.
    { role: 'cut', label: t('menu.cut') },
    { role: 'copy', label: t('menu.copy') },
    { role: 'paste', label: t('menu.paste') },
    { role: 'selectAll', label: t('menu.selectAll') },
  ];
}

/** Separators only between groups: none first, last, or twice in a row. */
function tidy(items: MenuItemSpec[]): MenuItemSpec[] {
  const out: MenuItemSpec[] = [];
  for (const item of items) {
    const isSep = item.type === 'separator';
    if (isSep && (out.length === 0 || out[out.length - 1]!.type === 'separator')) continue;
    out.push(item);
  }
  while (out.length && out[out.length - 1]!.type === 'separator') out.pop();
  return out;
}

export function buildMenuTemplate(
  t: Translate,
  handlers: MenuHandlers,
  recent: readonly RecentProject[],
  options: MenuOptions = {},
): MenuItemSpec[] {
  const mac = options.platform === 'darwin';
  const appMenuIds = new Set<string>(mac ? MAC_APP_MENU : []);
  const defs: readonly CommandDef[] = COMMAND_DEFS;

  const sections = SECTIONS.map((section): MenuItemSpec => {
    const items: MenuItemSpec[] = [];
    for (const def of defs.filter((d) => d.section === section && !appMenuIds.has(d.id))) {
      if (def.separatorBefore) items.push({ type: 'separator' });
      items.push(commandItem(def, t, handlers, options));
      if (def.id === RECENT_AFTER) items.push(recentMenu(t, handlers, recent));
    }
    if (section === 'edit') items.push({ type: 'separator' }, ...editRoles(t));
    if (section === 'view' && options.devTools) {
      items.push({ type: 'separator' }, { role: 'toggleDevTools', label: t('menu.toggleDevTools') });
    }
    return { id: `menu.${section}`, label: t(`menu.${section}`), type: 'submenu', submenu: tidy(items) };
  }).filter((s) => s.submenu!.length > 0);

  if (!mac) return sections;
  const appDefs = MAC_APP_MENU.map((id) => defs.find((d) => d.id === id)!);
  const appItems = appDefs.flatMap((def, i) =>
    i > 0 ? [{ type: 'separator' } as MenuItemSpec, commandItem(def, t, handlers, options)] : [commandItem(def, t, handlers, options)],
  );
  return [{ id: 'menu.app', label: t('app.name'), type: 'submenu', submenu: appItems }, ...sections];
}
