import type { TurnView } from '../../../src-shared/contracts/index.ts';

interface Props {
  turn: TurnView;
  text: string;
}

/** Edits the text of one turn; placeholder until the text-edit feature lands. */
export function TurnEditor({ turn, text }: Props) {
  return <p className="turn__text">{text.slice(turn.start, turn.end)}</p>;
}
