// Renderer side of the command registry (src-shared/commands.ts): what each
// command does, and keyboard shortcuts derived from the same accelerators the
// native menu shows.
import i18next from 'i18next';
import { COMMAND_DEFS, type CommandId } from '../../src-shared/commands.ts';
import { call, BridgeError } from '../bridge.ts';
import { useUi } from '../state/ui-store.ts';
import type { TemplateId } from '../../src-shared/contracts/project.ts';
import { useImport } from '../features/import/import-store.ts';
import { applyInVivo, applyToSelection, redoLast, undoLast } from '../features/coding/actions.ts';
import { editTurnAtSelection } from '../features/text-edit/actions.ts';
import { useProjectFile } from '../features/project-file/project-file-store.ts';
import { useAbout } from '../features/about/about-store.ts';
import { quickKeyCode } from '../features/coding/quick-keys.ts';
import { cyclePanes, focusAfterRender, togglePane } from './pane-focus.ts';
import { exportAttributes, exportQdc, exportQdpx, importAttributes, importQdc, importQdpx } from '../features/exchange/actions.ts';

function report(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

async function guarded(action: () => Promise<unknown>): Promise<void> {
  try {
    useUi.getState().setNotice(null);
    await action();
  } catch (err) {
    report(err);
  }
}

export async function setLanguage(language: 'nl' | 'en'): Promise<void> {
  await i18next.changeLanguage(language);
  await guarded(() => call('shell.setLanguage', { language }));
}

export async function openProjectAt(path: string): Promise<void> {
  useProjectFile.getState().setReadOnlyOffer(null);
  await guarded(async () => {
    try {
      await call('project.open', { path });
    } catch (err) {
      // Read-only media: the notice says why; offer to view it read-only.
      if (err instanceof BridgeError && err.code === 'project.read_only') useProjectFile.getState().setReadOnlyOffer(path);
      throw err;
    }
    useUi.getState().reset();
  });
}

export async function createProject(template: TemplateId, name?: string): Promise<boolean> {
  let created = false;
  await guarded(async () => {
    const path = await call('shell.newProjectDialog', {});
    if (!path) return;
    await call('project.new', name ? { path, template, name } : { path, template });
    useUi.getState().reset();
    created = true;
  });
  return created;
}

/** Opens a centre view and puts the focus into it (issue 11 §9). */
function openView(view: Parameters<ReturnType<typeof useUi.getState>['setView']>[0]): void {
  useUi.getState().setView(view);
  focusAfterRender('.pane--reader');
}

const handlers: Record<Exclude<CommandId, 'app.quit' | 'app.about'>, () => Promise<void> | void> = {
  'project.new': () => useUi.getState().setNewProjectOpen(true),
  'project.open': () =>
    guarded(async () => {
      const path = await call('shell.openProjectDialog', {});
      if (path) await openProjectAt(path);
    }),
  'project.openExample': () =>
    guarded(async () => openProjectAt(await call('shell.exampleProjectPath', {}))),
  'sources.import': () => {
    if (useImport.getState().phase === 'closed') useImport.getState().open();
  },
  'project.saveAs': () => useProjectFile.getState().openCopyDialog('saveAs'),
  'project.copyToShare': () => useProjectFile.getState().openCopyDialog('share'),
  'project.close': () =>
    guarded(async () => {
      await call('project.close', {});
      useUi.getState().reset();
    }),
  'exchange.importQdpx': () => importQdpx(),
  'exchange.exportQdpx': () => exportQdpx(),
  'exchange.importQdc': () => importQdc(),
  'exchange.exportQdc': () => exportQdc(),
  'exchange.importAttributes': () => importAttributes(),
  'exchange.exportAttributes': () => exportAttributes(),
  // Team coding loads with its first use (the first chunk stays small, ADR 0022).
  'team.makeCopy': () => import('../features/team/actions.ts').then((m) => m.openMakeCopy()),
  'team.writeChanges': () => import('../features/team/actions.ts').then((m) => m.writeChanges()),
  'team.merge': () => import('../features/team/actions.ts').then((m) => m.chooseAndMerge()),
  'edit.undo': () => undoLast(),
  'edit.redo': () => redoLast(),
  'coding.palette': () => useUi.getState().setPaletteOpen(true),
  'coding.inVivo': () => void applyInVivo(),
  'text.editTurn': () => editTurnAtSelection(),
  'view.reader': () => openView('reader'),
  'view.retrieval': () => openView('retrieval'),
  'view.search': () => openView('search'),
  'view.analysis': () => openView('analysis'),
  'view.journal': () => openView('journal'),
  'view.history': () => openView('history'),
  'view.pseudonymise': () => openView('pseudonymise'),
  'view.navigator': () => togglePane('navigator'),
  'view.inspector': () => togglePane('inspector'),
  'language.nl': () => setLanguage('nl'),
  'language.en': () => setLanguage('en'),
};

export function runCommand(id: string): void {
  // The About dialog lives in the window (with the licence notices); main sends it like a menu command.
  if (id === 'app.about') return useAbout.getState().setOpen(true);
  const handler = (handlers as Record<string, (() => Promise<void> | void) | undefined>)[id];
  if (handler) void handler();
}

/** Keys 1–9 apply the quick codes to the selected text (not while typing). */
function quickCode(event: KeyboardEvent): boolean {
  if (typing(event.target)) return false;
  const { textSelection } = useUi.getState();
  const codeId = quickKeyCode(Number(event.key));
  if (!textSelection || codeId === null) return false;
  event.preventDefault();
  void applyToSelection(codeId);
  return true;
}

interface Binding {
  id: string;
  key: string;
  ctrl: boolean;
  shift: boolean;
}

const BINDINGS: Binding[] = COMMAND_DEFS.flatMap((def) => {
  if (!('accelerator' in def) || ('shellOnly' in def && def.shellOnly)) return [];
  const parts = def.accelerator.split('+');
  return [{ id: def.id, key: parts[parts.length - 1]!.toLowerCase(), ctrl: parts.includes('CmdOrCtrl'), shift: parts.includes('Shift') }];
});

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

/**
 * In Electron the native menu handles accelerators; in the browser harness
 * (no menu) the same accelerators are bound here so the app behaves alike.
 */
export function handleShortcut(event: KeyboardEvent, hasNativeMenu: boolean): boolean {
  if (!hasNativeMenu && !event.ctrlKey && !event.metaKey && !event.altKey && /^[1-9]$/.test(event.key)) return quickCode(event);
  // Keys no menu item carries: F6 pane cycling and Ctrl+Y (redo, as in Word), in Electron too.
  if (event.key === 'F6' && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    cyclePanes(event.shiftKey);
    return true;
  }
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'y') {
    event.preventDefault();
    runCommand('edit.redo');
    return true;
  }
  if (hasNativeMenu || event.altKey) return false;
  const ctrl = event.ctrlKey || event.metaKey;
  // Plain keys (F2) never fire while the user is typing.
  if (!ctrl && typing(event.target)) return false;
  const binding = BINDINGS.find((b) => b.key === event.key.toLowerCase() && b.ctrl === ctrl && b.shift === event.shiftKey);
  if (!binding) return false;
  event.preventDefault();
  runCommand(binding.id);
  return true;
}
