import { useEffect } from 'react';
import { useUi } from '../state/ui-store.ts';

/** Calm confirmations (coded, undone) for sighted users and screen readers alike; they fade after a few seconds. */
export function StatusLine() {
  const status = useUi((s) => s.status);
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => useUi.getState().setStatus(null), 4000);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <div className="status-line" role="status" aria-live="polite">
      {status}
    </div>
  );
}
