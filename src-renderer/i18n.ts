import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../src-shared/i18n/index.ts';
import { DEFAULT_LANGUAGE } from '../src-shared/i18n/catalog.ts';

void i18next.use(initReactI18next).init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  resources,
  initAsync: false,
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18next;
