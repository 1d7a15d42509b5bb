// The exchange commands of the File menu and start screen: ask the shell for a
// file, then open the dialog that previews, runs and reports.
import { leakChecked } from '../pseudonymise/leak-guard.ts';
import i18next from 'i18next';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { useExchange } from './exchange-store.ts';

function report(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

async function chooseAndOpen(kind: 'qdpx' | 'qdc' | 'sheet', dialog: 'qdpxImport' | 'qdcImport' | 'attributes'): Promise<void> {
  try {
    const path = await call('shell.openFileDialog', { kind });
    if (path) useExchange.getState().open({ kind: dialog, path });
  } catch (err) {
    report(err);
  }
}

export const importQdpx = () => chooseAndOpen('qdpx', 'qdpxImport');
export const importQdc = () => chooseAndOpen('qdc', 'qdcImport');
export const importAttributes = () => chooseAndOpen('sheet', 'attributes');

async function projectName(): Promise<string> {
  const current = await call('project.current', {});
  return current?.name || i18next.t('app.name');
}

export async function exportQdpx(): Promise<void> {
  try {
    const path = await call('shell.saveFileDialog', { defaultName: await projectName(), extension: 'qdpx' });
    if (path) useExchange.getState().open({ kind: 'qdpxExport', path });
  } catch (err) {
    report(err);
  }
}

export async function exportQdc(): Promise<void> {
  try {
    const path = await call('shell.saveFileDialog', { defaultName: `${await projectName()} ${i18next.t('exchange.ui.codebookSuffix')}`, extension: 'qdc' });
    if (!path) return;
    const result = await call('exchange.qdcExport', { path, language: i18next.language === 'en' ? 'en' : 'nl' });
    useUi.getState().setStatus(i18next.t('exchange.ui.qdcExported', { count: result.codes, file: result.path.split(/[\\/]/).pop() }));
  } catch (err) {
    report(err);
  }
}

export async function exportAttributes(): Promise<void> {
  try {
    const path = await call('shell.saveFileDialog', { defaultName: `${await projectName()} ${i18next.t('exchange.ui.sheetSuffix')}`, extension: 'xlsx' });
    if (!path) return;
    const result = await leakChecked((acceptLeaks) => call('exchange.attributesExport', { path, language: i18next.language === 'en' ? 'en' : 'nl', acceptLeaks }));
    if (!result) return useUi.getState().setStatus(i18next.t('pseudonymise.leak.stopped'));
    useUi.getState().setStatus(i18next.t('exchange.ui.sheetExported', { count: result.rows, file: result.path.split(/[\\/]/).pop() }));
  } catch (err) {
    report(err);
  }
}
