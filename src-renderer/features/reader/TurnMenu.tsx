import { useTranslation } from 'react-i18next';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import type { TurnView } from '../../../src-shared/contracts/index.ts';
import { codeSpeakerTurns, codeTurn, selectTurn } from './turn-actions.ts';
import { openReassign } from '../participants/participants-store.ts';

/** The turn header's menu: select the turn, code it, code all turns of this speaker, or change its speaker. */
export function TurnMenu({ turn, speaker, active }: { turn: TurnView; speaker: string; active: boolean }) {
  const { t } = useTranslation();
  return (
    <MenuTrigger>
      <Button className="turn__menu" aria-label={`${t('reader.turnMenu')}: ${speaker}`} excludeFromTabOrder={!active}>
        <span aria-hidden="true">⋯</span>
      </Button>
      <Popover placement="bottom end">
        <Menu
          className="menu-list"
          onAction={(key) => {
            if (key === 'select') selectTurn(turn);
            else if (key === 'turn') codeTurn(turn, speaker);
            else if (key === 'speaker') codeSpeakerTurns(turn, speaker);
            else if (key === 'reassign') openReassign(turn.id);
          }}
        >
          <MenuItem id="select" className="menu-item">{t('reader.selectTurn')}</MenuItem>
          <MenuItem id="turn" className="menu-item">{t('reader.codeTurn')}</MenuItem>
          <MenuItem id="speaker" className="menu-item">{t('reader.codeSpeaker', { speaker })}</MenuItem>
          <MenuItem id="reassign" className="menu-item">{t('participants.reassign.menu')}</MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
