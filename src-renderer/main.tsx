import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, notifyManager } from '@tanstack/react-query';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import './i18n.ts';
import './styles.css';
import { App } from './app/App.tsx';
import { preloadLazyViews } from './components/lazy-view.tsx';

// Query changes reach React in the same task (a microtask), not in a later
// setTimeout: an optimistic mark is then rendered before the frame that
// follows the key press, rather than after the write's reply has taken that
// frame's time (issue 11: code/remove visible within one frame).
notifyManager.setScheduler(queueMicrotask);

// Data changes only through our own calls and 'project.changed' events,
// so queries never go stale by time and are never retried blindly.
const client = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
});

/**
 * react-aria's own strings (announcements, hidden labels) and number formats
 * follow the app language, not the operating system's: the bundle carries
 * only its Dutch and English strings (electron.vite.config.ts).
 */
function AriaLocale({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  return <I18nProvider locale={i18n.language === 'en' ? 'en-GB' : 'nl-NL'}>{children}</I18nProvider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <AriaLocale>
        <App />
      </AriaLocale>
    </QueryClientProvider>
  </StrictMode>,
);

// After the first paint: fetch the split chunks (workspace, editors, analysis) in the background.
setTimeout(preloadLazyViews, 0);
