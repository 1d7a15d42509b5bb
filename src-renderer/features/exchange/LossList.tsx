// What does not come along (or comes along differently): the same wording in
// the preview, the result and the saved report.
import { useTranslation } from 'react-i18next';
import type { LossEntry } from '../../../src-shared/contracts/exchange.ts';

export function LossList({ title, entries, group, empty }: {
  title: string;
  entries: readonly LossEntry<string>[];
  group: 'loss' | 'change' | 'notExported';
  empty?: string;
}) {
  const { t } = useTranslation();
  const id = `exchange-${group}-title`;
  if (entries.length === 0 && !empty) return null;
  return (
    <section className="exchange__section" aria-labelledby={id}>
      <h3 id={id} className="exchange__heading">{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="exchange__losses">
          {entries.map((e) => (
            <li key={e.kind}>
              <strong>{e.count} × {t(`exchange.${group}.${e.kind}`, { count: e.count })}</strong>
              {e.detail && <span className="muted">: {e.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
