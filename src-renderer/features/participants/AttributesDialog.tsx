// Managing participant attributes: every attribute with its type, how often
// it is filled in and its choices (learning regions beyond the template's ten
// are added here), plus a form for a new one.
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useAttributes } from '../../state/queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useParticipantsUi } from './participants-store.ts';
import { ParticipantsModal } from './ParticipantsModal.tsx';
import { AttributeCard } from './AttributeCard.tsx';
import { NewAttributeForm } from './NewAttributeForm.tsx';

export function AttributesDialog() {
  const { t } = useTranslation();
  const attributes = useAttributes();
  return (
    <ParticipantsModal title={t('participants.attributes.title')} className="people-dialog--wide">
      <p className="muted people-hint">{t('participants.attributes.intro')}</p>
      {attributes.isError && <ErrorState error={attributes.error} onRetry={() => void attributes.refetch()} />}
      {attributes.data?.length === 0 && <p className="muted">{t('participants.attributes.none')}</p>}
      <ul className="attribute-list">
        {(attributes.data ?? []).map((a) => <AttributeCard key={a.id} attribute={a} />)}
      </ul>
      <NewAttributeForm />
      <div className="dialog__actions">
        <Button className="button" onPress={() => useParticipantsUi.getState().close()}>{t('participants.close')}</Button>
      </div>
    </ParticipantsModal>
  );
}
