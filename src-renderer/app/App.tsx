import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bridge, call } from '../bridge.ts';
import { invalidateTags, useCurrentProject } from '../state/queries.ts';
import { useUi } from '../state/ui-store.ts';
import { handleShortcut, runCommand } from './commands.ts';
import { Toolbar } from './Toolbar.tsx';
import { StartScreen } from '../features/start/StartScreen.tsx';
import { NewProjectDialog } from '../features/start/NewProjectDialog.tsx';
import { NoticeBanner } from '../components/NoticeBanner.tsx';
import { StatusLine } from '../components/StatusLine.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { ExchangeDialogs } from '../features/exchange/ExchangeDialogs.tsx';
import { LeakDialog } from '../features/pseudonymise/LeakDialog.tsx';
import { useFileDrop } from '../features/import/useFileDrop.ts';
import { isLanguage } from '../../src-shared/i18n/catalog.ts';
import { ReadOnlyBanner } from '../features/project-file/ReadOnlyBanner.tsx';
import { ReadOnlyOffer } from '../features/project-file/ReadOnlyOffer.tsx';
import { useProjectFile } from '../features/project-file/project-file-store.ts';
import { lazyView } from '../components/lazy-view.tsx';
import { useAbout } from '../features/about/about-store.ts';
import { useTeam } from '../features/team/team-store.ts';

// What needs an open project loads with the first project, so the start
// screen comes up from a small first chunk (issue 12 §7, ADR 0022).
const Workspace = lazyView(() => import('./Workspace.tsx').then((m) => m.Workspace));
const CodePalette = lazyView(() => import('../features/coding/CodePalette.tsx').then((m) => m.CodePalette));
const ImportDialog = lazyView(() => import('../features/import/ImportDialog.tsx').then((m) => m.ImportDialog));
const ParticipantsDialogs = lazyView(() => import('../features/participants/ParticipantsDialogs.tsx').then((m) => m.ParticipantsDialogs));
const AboutDialog = lazyView(() => import('../features/about/AboutDialog.tsx').then((m) => m.AboutDialog));
const TeamDialogs = lazyView(() => import('../features/team/TeamDialogs.tsx').then((m) => m.TeamDialogs));
const CopyDialog = lazyView(() => import('../features/project-file/CopyDialog.tsx').then((m) => m.CopyDialog));
import '../features/project-file/project-file.css';

/** True inside Electron, where the native menu owns the accelerators. */
const HAS_NATIVE_MENU = navigator.userAgent.includes('Electron');

export function App() {
  const client = useQueryClient();
  const { t, i18n } = useTranslation();
  const current = useCurrentProject();

  useEffect(() => {
    const offs = [
      bridge().on('project.changed', ({ tags }) => {
        // Another project (menu, second instance, file association): forget this one's selection.
        if (tags.includes('project')) useUi.getState().reset();
        invalidateTags(client, tags);
      }),
      bridge().on('command.invoke', ({ id }) => runCommand(id)),
      bridge().on('language.changed', ({ language }) => void i18n.changeLanguage(language)),
    ];
    void call('shell.getLanguage', {}).then(
      (lng) => {
        if (isLanguage(lng)) void i18n.changeLanguage(lng);
      },
      () => undefined,
    );
    const onKey = (e: KeyboardEvent) => handleShortcut(e, HAS_NATIVE_MENU);
    window.addEventListener('keydown', onKey);
    // Shortcuts work from here on; the test harness waits for this mark before it types.
    document.documentElement.dataset.shortcuts = 'on';
    return () => {
      delete document.documentElement.dataset.shortcuts;
      offs.forEach((off) => off());
      window.removeEventListener('keydown', onKey);
    };
  }, [client, i18n]);

  useEffect(() => {
    document.title = current.data ? `${current.data.name} — ${t('app.name')}` : t('app.name');
  }, [current.data, t]);

  const newProjectOpen = useUi((s) => s.newProjectOpen);
  const copyDialog = useProjectFile((s) => s.copyDialog);
  const dropping = useFileDrop(Boolean(current.data));
  const aboutOpen = useAbout((s) => s.open);
  const teamOpen = useTeam((s) => s.dialog.kind !== 'closed');

  return (
    <div className="app">
      <Toolbar project={current.data ?? null} />
      <NoticeBanner />
      <ReadOnlyOffer />
      {current.data?.readOnly && <ReadOnlyBanner project={current.data} />}
      {current.isError ? (
        <main className="app__center">
          <ErrorState error={current.error} onRetry={() => void current.refetch()} />
        </main>
      ) : current.isPending ? (
        <main className="app__center" aria-busy="true">{t('shell.loading')}</main>
      ) : current.data ? (
        <Workspace />
      ) : (
        <StartScreen />
      )}
      {newProjectOpen && <NewProjectDialog />}
      {current.data && copyDialog && <CopyDialog mode={copyDialog} />}
      {current.data && <ImportDialog />}
      {current.data && <CodePalette />}
      <ExchangeDialogs />
      {current.data && <LeakDialog />}
      {aboutOpen && <AboutDialog />}
      {current.data && <ParticipantsDialogs />}
      {current.data && teamOpen && <TeamDialogs />}
      <StatusLine />
      {dropping && <div className="drop-overlay" aria-hidden="true">{t('import.dropHere')}</div>}
    </div>
  );
}
