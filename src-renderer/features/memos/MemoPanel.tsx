// The memos attached to one thing (the journal, a transcript, a participant,
// a code, a coding): a list, "new memo", and the open memo in the editor.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { MemoTarget, MemoTargetKind } from '../../../src-shared/contracts/memos.ts';
import { createMemo, useTargetMemos } from './memo-queries.ts';
import { MemoEditor } from './MemoEditor.tsx';
import { memoDate, memoName } from './memo-format.ts';
import './memos.css';

export type { MemoTargetKind };

interface Props {
  targetKind: MemoTargetKind;
  targetId: number | null;
  /** Heading level in the surrounding page (the inspector uses h3). */
  headingLevel?: 2 | 3;
  /** A line under the heading saying what these memos are for. */
  intro?: string;
}

function toTarget(kind: MemoTargetKind, id: number | null): MemoTarget | null {
  if (kind === 'project') return { kind, id: null };
  return id === null ? null : { kind, id };
}

export function MemoPanel({ targetKind, targetId, headingLevel = 3, intro }: Props) {
  const target = toTarget(targetKind, targetId);
  // A new target starts with its memos closed (keyed, so no state carries over).
  return target ? <TargetMemos key={`${target.kind}:${target.id}`} target={target} headingLevel={headingLevel} intro={intro} /> : null;
}

function TargetMemos({ target, headingLevel, intro }: { target: MemoTarget; headingLevel: 2 | 3; intro: string | undefined }) {
  const { t, i18n } = useTranslation();
  const memos = useTargetMemos(target);
  const [openId, setOpenId] = useState<number | null>(null);
  const [fresh, setFresh] = useState<number | null>(null);
  const Heading = `h${headingLevel}` as const;
  const headingId = `memos-${target.kind}-${target.id ?? 'project'}`;
  const journal = target.kind === 'project';
  const list = memos.data ?? [];
  // Focus goes into a new memo once, when its editor first mounts (children's
  // effects run before this one); an editor that reappears later, after an
  // undo and redo, must not take focus.
  const freshShown = fresh !== null && list.some((m) => m.id === fresh);
  useEffect(() => {
    if (freshShown) setFresh(null);
  }, [freshShown]);

  const add = async () => {
    const memo = await createMemo(target);
    if (memo) {
      setOpenId(memo.id);
      setFresh(memo.id);
    }
  };

  return (
    <section className={`memo-panel memo-panel--${target.kind}`} aria-labelledby={headingId}>
      <div className="memo-panel__head">
        <Heading id={headingId} className="memo-panel__title">{t(`memos.heading.${target.kind}`)}</Heading>
        <Button className="tool tool--small" onPress={() => void add()}>
          {journal ? t('memos.newJournal') : t('memos.new')}
        </Button>
      </div>
      {intro && <p className="muted memo-panel__intro">{intro}</p>}
      {memos.isSuccess && list.length === 0 && <p className="muted memo-panel__empty">{journal ? t('memos.noneJournal') : t('memos.none')}</p>}
      <ul className="plain-list memo-panel__list">
        {list.map((memo) => {
          const open = memo.id === openId;
          return (
            <li key={memo.id} className={open ? 'memo-item memo-item--open' : 'memo-item'}>
              <Button className="memo-item__toggle" aria-expanded={open} onPress={() => setOpenId(open ? null : memo.id)}>
                <span className="memo-item__name">{memoName(t, memo)}</span>
                <span className="memo-item__date">
                  {memo.author ? `${memo.author} · ` : ''}
                  {memoDate(memo.updatedAt, i18n.language)}
                </span>
              </Button>
              {!open && memo.plain && memo.title && <p className="memo-item__excerpt">{memo.plain}</p>}
              {open && <MemoEditor memo={memo} autoFocus={fresh === memo.id} onClose={() => setOpenId(null)} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
