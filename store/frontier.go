package store

// frontierV2 holds the crawl frontier, so a killed crawl resumes where it
// stopped. Owned by the crawler work; reshape freely until it ships.
const frontierV2 = `
CREATE TABLE frontier (
	url        TEXT PRIMARY KEY,
	source     TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL DEFAULT '',
	depth      INTEGER NOT NULL DEFAULT 0,
	state      TEXT NOT NULL DEFAULT 'pending',
	attempts   INTEGER NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT '',
	added_at   TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX frontier_state ON frontier(state);
`
