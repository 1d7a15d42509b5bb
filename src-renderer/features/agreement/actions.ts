// Agreement actions with side effects: the XLSX export and recording a review decision.
import { leakChecked } from '../pseudonymise/leak-guard.ts';
import i18next from 'i18next';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { isLanguage } from '../../../src-shared/i18n/catalog.ts';
import type { DecisionInput } from '../../../src-shared/contracts/agreement.ts';
import { computeInput, type Setup } from './agreement-store.ts';

function fail(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: err instanceof Error ? err.name : 'error' }));
}

const language = () => (isLanguage(i18next.language) ? i18next.language : 'nl');

/** Asks where to save, then writes the report of the computed set-up as XLSX (in main). */
export async function exportAgreement(setup: Setup): Promise<void> {
  try {
    const path = await call('shell.saveFileDialog', { defaultName: i18next.t('agreement.defaultName'), extension: 'xlsx' });
    if (!path) return;
    const result = await leakChecked((acceptLeaks) => call('agreement.exportXlsx', { ...computeInput(setup), path, language: language(), acceptLeaks }));
    if (!result) return useUi.getState().setStatus(i18next.t('pseudonymise.leak.stopped'));
    useUi.getState().setNotice(null);
    useUi.getState().setStatus(i18next.t('agreement.exported', { file: result.path.split(/[\\/]/).pop() ?? result.path }));
  } catch (err) {
    fail(err);
  }
}

export type Decision = Omit<DecisionInput, 'language' | 'note' | 'skipInterviewer' | 'target'> & Partial<Pick<DecisionInput, 'note' | 'skipInterviewer' | 'target'>>;

export async function recordDecision(decision: Decision): Promise<boolean> {
  try {
    await call('agreement.decide', { ...decision, language: language() });
    useUi.getState().setNotice(null);
    useUi.getState().setStatus(i18next.t('agreement.review.recorded'));
    return true;
  } catch (err) {
    fail(err);
    return false;
  }
}
