import { useTranslation } from 'react-i18next';
import { useUi } from '../../state/ui-store.ts';
import { CodeDetails } from './CodeDetails.tsx';
import { ParticipantDetails } from './ParticipantDetails.tsx';
import { SourceDetails } from './SourceDetails.tsx';
import { CodingsHere } from '../coding/CodingsHere.tsx';
import { LostCodings } from '../text-edit/LostCodings.tsx';
import { MemoPanel } from '../memos/MemoPanel.tsx';
import { UnassignedReview } from '../participants/UnassignedReview.tsx';
import { useParticipantsUi } from '../participants/participants-store.ts';

export function Inspector() {
  const { t } = useTranslation();
  const selection = useUi((s) => s.selection);
  const codingIds = useUi((s) => s.selectedCodingIds);
  const reviewUnassigned = useParticipantsUi((s) => s.reviewUnassigned);
  return (
    <div className="inspector">
      <h2 className="inspector__title">{t('shell.inspector')}</h2>
      <CodingsHere />
      <LostCodings />
      {selection === null && (reviewUnassigned ? <UnassignedReview /> : <p className="muted">{t('shell.inspectorEmpty')}</p>)}
      {selection?.kind === 'code' && <CodeDetails id={selection.id} />}
      {selection?.kind === 'participant' && <ParticipantDetails id={selection.id} />}
      {selection?.kind === 'source' && <SourceDetails id={selection.id} />}
      {codingIds.length === 1 && <MemoPanel targetKind="coding" targetId={codingIds[0]!} />}
      {selection && <MemoPanel targetKind={selection.kind} targetId={selection.id} />}
    </div>
  );
}
