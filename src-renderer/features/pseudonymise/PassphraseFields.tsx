// The key file's passphrase (twice when a key is made): reported to the parent
// only when it is usable. Never stored anywhere but this component's state.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function PassphraseFields({ twice, onChange }: { twice: boolean; onChange(passphrase: string | null): void }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const problem = first.length > 0 && first.length < 8 ? t('pseudonymise.ui.key.short') : twice && second.length > 0 && second !== first ? t('pseudonymise.ui.key.mismatch') : null;
  const update = (a: string, b: string) => onChange(a.length >= 8 && (!twice || a === b) ? a : null);
  return (
    <div className="pseudo-passphrase">
      <label>
        {t('pseudonymise.ui.key.passphrase')}
        <input type="password" autoComplete="new-password" value={first} aria-invalid={problem !== null && first.length < 8}
          onChange={(e) => { setFirst(e.target.value); update(e.target.value, second); }} />
      </label>
      {twice && (
        <label>
          {t('pseudonymise.ui.key.repeat')}
          <input type="password" autoComplete="new-password" value={second} aria-invalid={problem === t('pseudonymise.ui.key.mismatch')}
            onChange={(e) => { setSecond(e.target.value); update(first, e.target.value); }} />
        </label>
      )}
      {problem && <p className="pseudo-passphrase__problem" role="alert">{problem}</p>}
    </div>
  );
}
