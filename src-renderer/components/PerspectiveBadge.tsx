import { useTranslation } from 'react-i18next';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';

export function PerspectiveBadge({ perspective }: { perspective: Perspective | null }) {
  const { t } = useTranslation();
  const key = perspective ?? 'none';
  return <span className={`badge badge--${key}`}>{t(`perspective.${key}`)}</span>;
}
