import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { createProject, openProjectAt, runCommand } from '../../app/commands.ts';
import { useRecent } from '../../state/queries.ts';

/** What the window shows when no project is open: designed, never blank. */
export function StartScreen() {
  const { t } = useTranslation();
  const recent = useRecent();
  return (
    <main className="start">
      <section className="start__card" aria-labelledby="start-title">
        <h2 id="start-title" className="start__title">{t('start.title')}</h2>
        <p className="start__intro">{t('start.intro')}</p>
        <p className="start__status" role="status">
          <strong>{t('shell.noProject.title')}.</strong> {t('shell.noProject.body')}
        </p>
        <div className="start__actions">
          <Button className="button button--primary" onPress={() => void createProject('jzojp')}>{t('start.newJzojp')}</Button>
          <Button className="button" onPress={() => void createProject('empty')}>{t('start.newEmpty')}</Button>
          <Button className="button" onPress={() => runCommand('project.open')}>{t('start.open')}</Button>
          <Button className="button" onPress={() => runCommand('project.openExample')}>{t('start.example')}</Button>
          <Button className="button" onPress={() => runCommand('exchange.importQdpx')}>{t('exchange.ui.startImportQdpx')}</Button>
        </div>
        <h3 className="start__subtitle">{t('start.recent')}</h3>
        {recent.data && recent.data.length > 0 ? (
          <ul className="start__recent">
            {recent.data.map((r) => (
              <li key={r.path}>
                <Button className="link-button" onPress={() => void openProjectAt(r.path)}>
                  <span>{r.name}</span>
                  <span className="muted">{r.path}</span>
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('start.noRecent')}</p>
        )}
      </section>
    </main>
  );
}
