import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Label, ProgressBar } from 'react-aria-components';
import { bridge, call } from '../../bridge.ts';
import { useExchange } from './exchange-store.ts';

/** Listens to exchange progress events while mounted. */
export function useExchangeProgress(): void {
  useEffect(() => bridge().on('exchange.progress', ({ done, total }) => useExchange.getState().setProgress({ done, total })), []);
}

export function ExchangeProgress({ label }: { label: string }) {
  const { t } = useTranslation();
  const progress = useExchange((s) => s.progress);
  const total = Math.max(1, progress?.total ?? 1);
  return (
    <div className="exchange__progress">
      <ProgressBar className="progress" value={progress?.done ?? 0} maxValue={total}>
        {({ percentage }) => (
          <>
            <Label>{label}</Label>
            <div className="progress__track"><div className="progress__fill" style={{ width: `${percentage ?? 0}%` }} /></div>
          </>
        )}
      </ProgressBar>
      <div className="dialog__actions">
        <Button className="button" onPress={() => void call('exchange.cancel', {})}>{t('exchange.ui.stop')}</Button>
      </div>
    </div>
  );
}
