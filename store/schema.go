package store

// migrations are applied in order on Open; migrations[i] brings the
// database to user_version i+1. Append only: never edit a migration that
// has shipped.
var migrations = []string{schemaV1, frontierV2, runsSkippedV3}

// schemaV1 holds the tables CONTRACT.md promises analysts, plus the raw
// pages kept for reextract and the full-text index.
const schemaV1 = `
CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	url          TEXT NOT NULL UNIQUE,
	site         TEXT NOT NULL DEFAULT '',
	province     TEXT,
	title        TEXT,
	published    TEXT,
	event_date   TEXT,
	body         TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	fetched_at   TEXT NOT NULL,
	content_hash TEXT NOT NULL DEFAULT '',
	extracted_at TEXT NOT NULL DEFAULT '',
	warnings     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_province ON articles(province);
-- dedup of one ceremony reported by several sites (query.Awards) walks
-- articles by province and event date.
CREATE INDEX articles_province_event ON articles(province, event_date);

-- the raw page as fetched, gzip-compressed, with its fetch metadata, so
-- reextract needs no network.
CREATE TABLE pages (
	article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	fetched_url   TEXT NOT NULL,
	status        INTEGER NOT NULL,
	content_type  TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	fetched_at    TEXT NOT NULL,
	province      TEXT NOT NULL DEFAULT '', -- the source's configured province, for reextract
	raw_gzip      BLOB NOT NULL
);
CREATE INDEX pages_fetched_url ON pages(fetched_url);

CREATE TABLE directives (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	code       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	issued_on  TEXT,
	mention    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX directives_article ON directives(article_id);
CREATE INDEX directives_code ON directives(code);

CREATE TABLE officials (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	titles     TEXT NOT NULL DEFAULT '',
	evidence   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX officials_article ON officials(article_id);

CREATE TABLE awards (
	article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	collectives  INTEGER,
	individuals  INTEGER,
	total        INTEGER,
	form         TEXT NOT NULL DEFAULT '',
	conferred_by TEXT NOT NULL DEFAULT '',
	period       TEXT NOT NULL DEFAULT '',
	evidence     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX awards_article ON awards(article_id);
-- covering index for award sums and their dedup (query.Awards).
CREATE INDEX awards_article_counts ON awards(article_id, collectives, individuals, total);

CREATE TABLE units (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	role       TEXT NOT NULL,
	evidence   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX units_article ON units(article_id);

CREATE TABLE crawl_runs (
	id           INTEGER PRIMARY KEY,
	started_at   TEXT NOT NULL,
	finished_at  TEXT,
	pages        INTEGER NOT NULL DEFAULT 0,
	new_articles INTEGER NOT NULL DEFAULT 0,
	errors       INTEGER NOT NULL DEFAULT 0,
	errors_by_kind TEXT NOT NULL DEFAULT '{}',
	status       TEXT NOT NULL DEFAULT 'running'
);

-- full-text index over title and body, rowid = articles.id. unicode61
-- with remove_diacritics=2 lets "khen thuong" find "khen thưởng"; the
-- folded column (title and body through vntext.Fold) adds what unicode61
-- does not fold, so "dang uy" finds "Đảng ủy". Builds with the default
-- go-sqlite3 (FTS3/4), no build tags.
CREATE VIRTUAL TABLE articles_fts USING fts4(
	title, body, folded,
	tokenize=unicode61 "remove_diacritics=2"
);
`
