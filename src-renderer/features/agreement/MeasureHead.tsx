import { useTranslation } from 'react-i18next';
import { Button, Tooltip, TooltipTrigger } from 'react-aria-components';

/** A column heading with its definition in a tooltip (hover or keyboard focus on the ? button). */
export function MeasureHead({ label, definition }: { label: string; definition: string }) {
  const { t } = useTranslation();
  return (
    <span className="measure-head">
      {label}
      <TooltipTrigger delay={300}>
        <Button className="measure-head__info" aria-label={t('agreement.definitionOf', { measure: label })}>?</Button>
        <Tooltip className="measure-tooltip" placement="bottom">{definition}</Tooltip>
      </TooltipTrigger>
    </span>
  );
}
