// The turn header's "edit text" button (the same as F2 on that turn).
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { TurnView } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';
import './text-edit.css';

export function EditTurnButton({ turn, speaker, active }: { turn: TurnView; speaker: string; active: boolean }) {
  const { t } = useTranslation();
  const editing = useUi((s) => s.editingTurnId === turn.id);
  if (editing) return null;
  return (
    <Button
      className="turn__edit"
      aria-label={t('textEdit.editLabel', { speaker })}
      excludeFromTabOrder={!active}
      onPress={() => useUi.getState().setEditingTurn(turn.id)}
    >
      <span aria-hidden="true">✎</span>
    </Button>
  );
}
