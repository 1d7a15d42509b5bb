// One command registry feeding the native menu, keyboard shortcuts and (later)
// the command palette. Labels are i18n keys under `command.`.
export type MenuSection = 'file' | 'edit' | 'view' | 'help';

export interface CommandDef {
  id: string;
  section: MenuSection;
  /** Electron accelerator syntax; the renderer maps it to a key binding. */
  accelerator?: string;
  /** Handled by the shell itself (quit, about) rather than by the renderer. */
  shellOnly?: boolean;
  /** Start a new menu group before this command. */
  separatorBefore?: boolean;
}

export const COMMAND_DEFS = [
  { id: 'project.new', section: 'file', accelerator: 'CmdOrCtrl+N' },
  { id: 'project.open', section: 'file', accelerator: 'CmdOrCtrl+O' },
  { id: 'project.openExample', section: 'file' },
  { id: 'sources.import', section: 'file', accelerator: 'CmdOrCtrl+I', separatorBefore: true },
  { id: 'exchange.importQdpx', section: 'file', separatorBefore: true },
  { id: 'exchange.exportQdpx', section: 'file' },
  { id: 'exchange.importQdc', section: 'file' },
  { id: 'exchange.exportQdc', section: 'file' },
  { id: 'exchange.importAttributes', section: 'file' },
  { id: 'exchange.exportAttributes', section: 'file' },
  { id: 'team.makeCopy', section: 'file', separatorBefore: true },
  { id: 'team.writeChanges', section: 'file' },
  { id: 'team.merge', section: 'file' },
  { id: 'project.saveAs', section: 'file', accelerator: 'CmdOrCtrl+Shift+S', separatorBefore: true },
  { id: 'project.copyToShare', section: 'file' },
  { id: 'project.close', section: 'file', accelerator: 'CmdOrCtrl+W' },
  { id: 'app.quit', section: 'file', accelerator: 'CmdOrCtrl+Q', shellOnly: true, separatorBefore: true },
  { id: 'edit.undo', section: 'edit', accelerator: 'CmdOrCtrl+Z' },
  { id: 'edit.redo', section: 'edit', accelerator: 'CmdOrCtrl+Shift+Z' },
  { id: 'coding.palette', section: 'edit', accelerator: 'CmdOrCtrl+K', separatorBefore: true },
  { id: 'coding.inVivo', section: 'edit', accelerator: 'CmdOrCtrl+Shift+K' },
  { id: 'text.editTurn', section: 'edit', accelerator: 'F2' },
  { id: 'view.navigator', section: 'view', accelerator: 'CmdOrCtrl+1' },
  { id: 'view.inspector', section: 'view', accelerator: 'CmdOrCtrl+2' },
  { id: 'view.reader', section: 'view', accelerator: 'CmdOrCtrl+3', separatorBefore: true },
  { id: 'view.retrieval', section: 'view', accelerator: 'CmdOrCtrl+4' },
  { id: 'view.search', section: 'view', accelerator: 'CmdOrCtrl+Shift+F' },
  { id: 'view.analysis', section: 'view', accelerator: 'CmdOrCtrl+5' },
  { id: 'view.journal', section: 'view', accelerator: 'CmdOrCtrl+6' },
  { id: 'view.history', section: 'view', accelerator: 'CmdOrCtrl+7' },
  { id: 'view.pseudonymise', section: 'view', accelerator: 'CmdOrCtrl+8' },
  { id: 'language.nl', section: 'view', separatorBefore: true },
  { id: 'language.en', section: 'view' },
  { id: 'app.about', section: 'help', shellOnly: true },
] as const satisfies readonly CommandDef[];

export type CommandId = (typeof COMMAND_DEFS)[number]['id'];

export function isCommandId(id: string): id is CommandId {
  return COMMAND_DEFS.some((c) => c.id === id);
}
