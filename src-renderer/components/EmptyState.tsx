import type { ReactNode } from 'react';

export function EmptyState({ title, body, children }: { title: string; body?: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <svg className="empty-state__icon" viewBox="0 0 48 48" aria-hidden="true">
        <rect x="10" y="6" width="28" height="36" rx="3" />
        <path d="M16 16h16M16 23h16M16 30h10" />
      </svg>
      <h2 className="empty-state__title">{title}</h2>
      {body && <p className="empty-state__body">{body}</p>}
      {children}
    </div>
  );
}
