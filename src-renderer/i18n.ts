import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nl } from '../src-shared/i18n/nl.ts';
import { DEFAULT_LANGUAGE } from '../src-shared/i18n/catalog.ts';

/**
 * Dutch, the default, is in the first chunk; English is loaded when the
 * analyst switches to it (a local chunk, a few milliseconds), which keeps
 * the first chunk small (issue 12 §7, ADR 0022). i18next waits for it before
 * `changeLanguage` resolves, so no screen shows a half-translated state.
 */
const laterLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, done) {
    if (language !== 'en') return done(null, {});
    import('../src-shared/i18n/en.ts').then(
      (m) => done(null, m.en as unknown as ResourceKey),
      (error: unknown) => done(error instanceof Error ? error.message : String(error), null),
    );
  },
};

void i18next.use(laterLanguages).use(initReactI18next).init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  resources: { nl: { translation: nl } },
  partialBundledLanguages: true,
  initAsync: false,
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18next;
