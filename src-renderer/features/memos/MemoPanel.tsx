export type MemoTargetKind = 'project' | 'source' | 'participant' | 'code' | 'coding';

interface Props {
  targetKind: MemoTargetKind;
  targetId: number | null;
}

/** The memos attached to one thing; placeholder until the memos feature lands. */
export function MemoPanel(_props: Props) {
  return null;
}
