// The "Memo's en logboek" view: the project journal, and every memo in the
// project with a search over title, text and what it is about.
import { useTranslation } from 'react-i18next';
import { MemoPanel } from './MemoPanel.tsx';
import { AllMemos } from './AllMemos.tsx';
import './memos.css';

export function JournalView() {
  const { t } = useTranslation();
  return (
    <div className="journal">
      <div className="journal__section">
        <MemoPanel targetKind="project" targetId={null} headingLevel={2} intro={t('memos.journal.intro')} />
      </div>
      <AllMemos />
    </div>
  );
}
