// Every memo in the project, newest edit first, filtered by a search.
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Input, Label, SearchField, Text } from 'react-aria-components';
import { useAllMemos } from './memo-queries.ts';
import { MemoHit } from './MemoHit.tsx';

export function AllMemos() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const memos = useAllMemos(deferred);
  const list = memos.data ?? [];
  return (
    <section className="journal__section" aria-labelledby="all-memos">
      <h2 id="all-memos">{t('memos.journal.all')}</h2>
      <SearchField className="journal__search" value={query} onChange={setQuery}>
        <Label>{t('memos.journal.search')}</Label>
        <Input />
        <Text slot="description" className="muted journal__hint">{t('memos.journal.searchHint')}</Text>
      </SearchField>
      <p className="muted journal__count" role="status">
        {memos.isSuccess &&
          (list.length === 0
            ? deferred.trim()
              ? t('memos.journal.noMatch', { query: deferred.trim() })
              : t('memos.journal.noMemos')
            : t('memos.journal.count', { count: list.length }))}
      </p>
      <ul className="plain-list" aria-label={t('memos.journal.all')} aria-busy={memos.isFetching}>
        {list.map((memo) => (
          <li key={memo.id}>
            <MemoHit memo={memo} />
          </li>
        ))}
      </ul>
    </section>
  );
}
