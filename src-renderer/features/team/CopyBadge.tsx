// In a coder copy the toolbar says whose copy it is and whether the lead
// locked its codebook (issue 15 §1), so nobody mistakes it for the main project.
import { useTranslation } from 'react-i18next';
import { useTeamStatus } from './status.ts';
import './team.css';

export function CopyBadge() {
  const { t } = useTranslation();
  const copy = useTeamStatus().data?.copy;
  if (!copy) return null;
  return (
    <span className="badge team-badge">
      {t('team.ui.badge', { coder: copy.coder })}
      {copy.lockCodebook && ` · ${t('team.ui.badgeLocked')}`}
    </span>
  );
}
