-- Full-text index over source text, one row per turn (or per paragraph when a
-- source has no turns). `body` is the chunk's text as is: FTS5 tokenizes it,
-- folds case and diacritics, and keeps positions for phrase and prefix
-- queries. `stems` holds the chunk's distinct Dutch stems (written by
-- src-main/search), so a word also finds its inflections. Contentless: the
-- text already lives in `sources`; rows are deleted by rowid.
CREATE VIRTUAL TABLE `search_index` USING fts5(
	body,
	stems,
	source_id UNINDEXED,
	chunk_start UNINDEXED,
	chunk_end UNINDEXED,
	content = '',
	contentless_delete = 1,
	contentless_unindexed = 1,
	tokenize = 'unicode61 remove_diacritics 2'
);
