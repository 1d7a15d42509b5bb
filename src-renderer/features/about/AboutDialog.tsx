// About Duiding with the third-party licence notices (issue 12 §8, ADR 0022).
// The notices are generated from node_modules by scripts/third-party-notices.ts
// and loaded with this dialog only. Each package is a native disclosure
// (<details>), so the long texts stay out of the way and keyboard users
// open them with Enter or Space.
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import notices from './third-party-notices.json' with { type: 'json' };
import { useAbout } from './about-store.ts';
import './about.css';

interface Notices {
  packages: Array<{ name: string; version: string; license: string; text: string | null }>;
  texts: Record<string, string>;
}

export function AboutDialog() {
  const { t } = useTranslation();
  const close = () => useAbout.getState().setOpen(false);
  const { packages, texts } = notices as Notices;
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && close()} className="modal">
      <Dialog className="dialog about">
        <Heading slot="title">{t('about.title')}</Heading>
        <p>{t('app.tagline')}</p>
        <p>{t('about.intro')}</p>
        <section className="about__notices" aria-labelledby="about-notices-title">
          <h3 id="about-notices-title">
            {t('about.noticesTitle')} <span className="muted">({t('about.count', { count: packages.length })})</span>
          </h3>
          <ul className="about__list">
            {packages.map((p) => (
              <li key={`${p.name}@${p.version}`}>
                <details>
                  <summary>{p.name} {p.version} — {p.license}</summary>
                  {p.text ? <pre className="about__text">{texts[p.text]}</pre> : <p className="muted">{t('about.noText', { license: p.license })}</p>}
                </details>
              </li>
            ))}
          </ul>
        </section>
        <div className="dialog__actions">
          <Button className="button button--primary" autoFocus onPress={close}>{t('about.close')}</Button>
        </div>
      </Dialog>
    </Modal>
  );
}
