// The memo editor is Lexical: it loads with the first memo opened for editing.
import { lazyView } from '../../components/lazy-view.tsx';

export const LazyMemoEditor = lazyView(() => import('./MemoEditor.tsx').then((m) => m.MemoEditor));
