// Code that the first screen does not need (the workspace of an open
// project, Lexical for memos and turn editing, d3 and the analysis views
// with the report builder) is split from the first chunk (issue 12 §7,
// ADR 0022). The window shows the start screen from the small first chunk;
// right after that first paint, preloadLazyViews() fetches the split chunks
// in the background, so opening a project or a memo does not wait for them.
import { Suspense, lazy, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

function Loading() {
  const { t } = useTranslation();
  return <div className="lazy-loading" aria-busy="true">{t('shell.loading')}</div>;
}

const loaders: Array<() => Promise<unknown>> = [];
let preloading = false;

/** A component whose module is imported on first render or preload; same props as the real one. */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let pending: Promise<ComponentType<P>> | undefined;
  const once = () => (pending ??= load());
  loaders.push(once);
  // Views declared inside a split chunk (the editors in the workspace) register late: fetch them at once.
  if (preloading) once().catch(() => undefined);
  const Lazy = lazy(async () => ({ default: await once() }));
  function LazyView(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyView;
}

/** Fetches every split chunk once the first screen is up (local files: cheap). */
export function preloadLazyViews(): void {
  preloading = true;
  for (const load of loaders) load().catch(() => undefined);
}
