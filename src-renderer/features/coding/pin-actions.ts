import i18next from 'i18next';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';
import { usePins } from './pins-store.ts';

/** Pins the code on the first free key 1–9, or unpins it; says which in the status line. */
export function togglePin(project: string, code: Pick<CodeRow, 'id' | 'name'>): void {
  const pins = usePins.getState();
  if ((pins.byProject[project] ?? []).includes(code.id)) {
    pins.unpin(project, code.id);
    useUi.getState().setStatus(i18next.t('workspace.quick.unpinnedDone', { code: code.name }));
    return;
  }
  const key = pins.pin(project, code.id);
  if (key === null) useUi.getState().setNotice(i18next.t('workspace.quick.full'));
  else useUi.getState().setStatus(i18next.t('workspace.quick.pinnedDone', { code: code.name, key }));
}
