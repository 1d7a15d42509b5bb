// Under a speaker's mapping: what it means for the batch (issue 9 §8) — how
// many files it applies to (and a way to split this file off or join it back),
// a missing perspective, and a new participant that is the same person by name.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Button } from 'react-aria-components';
import type { SpeakerPreview, SpeakerTarget } from '../../../src-shared/contracts/import.ts';
import { useImport } from './import-store.ts';
import { existingByName, filesWithLabel, perspectiveOf, sameNameElsewhere, sharedCount, type KnownParticipant } from './batch.ts';

interface Props {
  path: string;
  fileName: string;
  speaker: SpeakerPreview;
  target: SpeakerTarget | undefined;
  split: boolean;
  people: readonly KnownParticipant[];
}

export function SpeakerBatchNotes({ path, fileName, speaker, target, split, people }: Props) {
  const { t } = useTranslation();
  const shared = useImport((s) => sharedCount(s, speaker.label));
  const inFiles = useImport((s) => filesWithLabel(s, speaker.label));
  const batch = useImport(useShallow((s) => ({ previews: s.previews, choices: s.choices, mapping: s.mapping, own: s.own })));
  const others = useMemo(() => sameNameElsewhere(batch, path, speaker.label), [batch, path, speaker.label]);
  const store = useImport.getState;
  const existing = existingByName(target, people);
  const perspective = perspectiveOf(target, people);
  return (
    <div className="speaker-batch">
      {!split && shared > 1 && (
        <p className="speaker-batch__line">
          <span className="badge">{t('importBatch.sharedFiles', { count: shared })}</span>{' '}
          <Button className="inline-link" aria-label={t('importBatch.splitOffLabel', { label: speaker.label, file: fileName })} onPress={() => store().split(path, speaker.label)}>
            {t('importBatch.splitOff')}
          </Button>
        </p>
      )}
      {split && (
        <p className="speaker-batch__line">
          <span className="badge">{speaker.generic ? t('importBatch.generic') : t('importBatch.ownMapping')}</span>
          {inFiles > 1 && (
            <>
              {' '}
              <Button className="inline-link" aria-label={t('importBatch.joinAllLabel', { label: speaker.label, file: fileName })} onPress={() => store().join(path, speaker.label)}>
                {t('importBatch.joinAll')}
              </Button>
            </>
          )}
        </p>
      )}
      {perspective === null && !existing && <p className="warning warning--small" role="note">{t('importBatch.noPerspective')}</p>}
      {(existing || others.length > 0) && target?.kind === 'new' && (
        <p className="speaker-batch__line" role="note">
          {existing
            ? t('importBatch.existingPerson', { name: existing.name, perspective: existing.perspective ? ` (${t(`perspective.${existing.perspective}`)})` : '' })
            : t('importBatch.samePerson', { others: others.map((o) => `${o.label} (${o.fileName})`).join(', ') })}{' '}
          <Button
            className="inline-link"
            aria-label={t('importBatch.otherPersonLabel', { label: speaker.label, file: fileName })}
            onPress={() => store().setTarget(path, speaker.label, { ...target, distinct: `${path}|${speaker.label.toLowerCase()}` })}
          >
            {t('importBatch.otherPerson')}
          </Button>
        </p>
      )}
      {target?.kind === 'new' && target.distinct !== undefined && !split && <p className="muted speaker-batch__line">{t('importBatch.distinct')}</p>}
    </div>
  );
}
