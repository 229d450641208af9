package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// frontierV2 holds the crawl frontier, so a killed crawl resumes where it
// stopped, and what the crawler learnt about every URL it fetched (its
// class, the article it was stored under, its HTTP validators), so the
// next run fetches only what is new.
const frontierV2 = `
CREATE TABLE frontier (
	id         INTEGER PRIMARY KEY,
	url        TEXT NOT NULL UNIQUE,
	source     TEXT NOT NULL DEFAULT '',
	host       TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL DEFAULT '',
	depth      INTEGER NOT NULL DEFAULT 0,
	page       INTEGER NOT NULL DEFAULT 0,
	parent     TEXT NOT NULL DEFAULT '',
	gate       TEXT NOT NULL DEFAULT '',
	state      TEXT NOT NULL DEFAULT 'pending',
	attempts   INTEGER NOT NULL DEFAULT 0,
	not_before INTEGER NOT NULL DEFAULT 0,
	published  TEXT NOT NULL DEFAULT '',
	last_error TEXT NOT NULL DEFAULT '',
	added_at   TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX frontier_claim ON frontier(state, depth, id);
CREATE INDEX frontier_parent ON frontier(parent, state);

CREATE TABLE crawl_urls (
	url           TEXT PRIMARY KEY,
	kind          TEXT NOT NULL DEFAULT '',
	article_url   TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	fetched_at    TEXT NOT NULL
) WITHOUT ROWID;
`

// Frontier states.
const (
	FrontierPending  = "pending"  // waiting to be fetched
	FrontierInFlight = "inflight" // claimed by a worker
	FrontierDone     = "done"     // fetched and handled
	FrontierFailed   = "failed"   // gave up after errors
	FrontierSkipped  = "skipped"  // not fetched (robots, known, over budget ...)
)

// FrontierItem is one URL waiting in (or claimed from) the crawl frontier.
type FrontierItem struct {
	ID       int64
	URL      string
	Source   string // the configured source it belongs to
	Host     string // host[:port], the politeness key
	Kind     string // the crawler's class: start, sitemap, feed, listing, page ...
	Depth    int    // link hops from a start URL
	Page     int    // pagination hops from the first listing page
	Parent   string // URL of the page it was found on
	Gate     string // when set, claimed only once every item found on Gate is finished
	Attempts int    // fetch attempts so far, including the current claim
}

// EnqueueResult counts what Enqueue did with the URLs it was given.
type EnqueueResult struct {
	Added int // new in the frontier
	Known int // already stored as articles (not added)
	Seen  int // already in the frontier
}

// Enqueue adds items to the frontier in one transaction. A URL already in
// the frontier is left as it is. When skipStored is set, a URL already
// stored as an article (directly or as an alias recorded with
// RecordURL) is not added and counts as Known.
func (d *DB) Enqueue(ctx context.Context, items []FrontierItem, skipStored bool) (EnqueueResult, error) {
	var res EnqueueResult
	if len(items) == 0 {
		return res, nil
	}
	now := isoUTC(time.Time{})
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		known, err := tx.PrepareContext(ctx, `SELECT
			EXISTS(SELECT 1 FROM articles WHERE url = ?1) OR
			EXISTS(SELECT 1 FROM crawl_urls WHERE url = ?1 AND article_url != '')`)
		if err != nil {
			return err
		}
		defer known.Close()
		ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO frontier
			(url, source, host, kind, depth, page, parent, gate, added_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, it := range items {
			if skipStored {
				var k bool
				if err := known.QueryRowContext(ctx, it.URL).Scan(&k); err != nil {
					return err
				}
				if k {
					res.Known++
					continue
				}
			}
			r, err := ins.ExecContext(ctx, it.URL, it.Source, it.Host, it.Kind, it.Depth, it.Page, it.Parent, it.Gate, now, now)
			if err != nil {
				return err
			}
			if n, _ := r.RowsAffected(); n > 0 {
				res.Added++
			} else {
				res.Seen++
			}
		}
		return nil
	})
	if err != nil {
		return res, d.wrapWrite("adding to the crawl frontier", err)
	}
	return res, nil
}

// Outcome is the result of handling one claimed frontier item, for
// Finish and ClaimAfter.
type Outcome struct {
	ID        int64
	State     string // FrontierDone, FrontierFailed or FrontierSkipped
	Published string // the article's publication day (YYYY-MM-DD), may be ""
	ErrKind   string // why it failed or was skipped
}

// Claim marks the next ready item in-flight and returns it, or nil when no
// item is ready. An item is ready when it is pending, its retry time has
// come, its host is not in busy, and its gate (if any) has no unfinished
// items. Items are handed out breadth first.
func (d *DB) Claim(ctx context.Context, now time.Time, busy []string) (*FrontierItem, error) {
	return d.ClaimAfter(ctx, nil, now, busy)
}

// ClaimAfter records the outcomes of items handled since the last claim
// and claims the next ready item (as Claim does), in one transaction:
// one commit per page instead of two.
func (d *DB) ClaimAfter(ctx context.Context, done []Outcome, now time.Time, busy []string) (*FrontierItem, error) {
	its, err := d.ClaimBatch(ctx, done, now, busy, 1)
	if err != nil || len(its) == 0 {
		return nil, err
	}
	return its[0], nil
}

// ClaimBatch is ClaimAfter for up to n items, handed out breadth first:
// one transaction for n pages. Every item returned is in flight; one the
// caller does not handle goes back with Release (or, after a kill, with
// ResetInFlight).
func (d *DB) ClaimBatch(ctx context.Context, done []Outcome, now time.Time, busy []string, n int) ([]*FrontierItem, error) {
	var b strings.Builder
	b.WriteString(`UPDATE frontier SET state = 'inflight', attempts = attempts + 1, updated_at = ?
		WHERE id IN (SELECT f.id FROM frontier f WHERE f.state = 'pending' AND f.not_before <= ?`)
	args := []any{isoUTC(now), now.UnixMilli()}
	if len(busy) > 0 {
		b.WriteString(` AND f.host NOT IN (`)
		for i, h := range busy {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('?')
			args = append(args, h)
		}
		b.WriteByte(')')
	}
	// Items gated on the same page do not wait for each other.
	b.WriteString(` AND (f.gate = '' OR NOT EXISTS (SELECT 1 FROM frontier c
			WHERE c.parent = f.gate AND c.gate != f.gate AND c.state IN ('pending', 'inflight')))
		ORDER BY f.depth, f.id LIMIT ?)
		RETURNING id, url, source, host, kind, depth, page, parent, gate, attempts`)
	args = append(args, max(n, 1))
	var its []*FrontierItem
	claim := func(q interface {
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	}) error {
		rows, err := q.QueryContext(ctx, b.String(), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x FrontierItem
			if err := rows.Scan(&x.ID, &x.URL, &x.Source, &x.Host, &x.Kind, &x.Depth, &x.Page, &x.Parent,
				&x.Gate, &x.Attempts); err != nil {
				return err
			}
			its = append(its, &x)
		}
		return rows.Err()
	}
	var err error
	if len(done) == 0 {
		err = claim(d.db)
	} else {
		err = d.inTx(ctx, func(tx *sql.Tx) error {
			if err := finishAll(ctx, tx, done); err != nil {
				return err
			}
			return claim(tx)
		})
	}
	if err != nil {
		return nil, d.wrapWrite("claiming from the crawl frontier", err)
	}
	// RETURNING gives no order: hand them out breadth first.
	slices.SortFunc(its, func(a, b *FrontierItem) int {
		if a.Depth != b.Depth {
			return a.Depth - b.Depth
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return its, nil
}

// Release puts claimed items that were not handled back as pending, as
// if they had not been claimed.
func (d *DB) Release(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		now := isoUTC(time.Time{})
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE frontier SET state = 'pending', attempts = max(attempts - 1, 0),
				updated_at = ? WHERE id = ? AND state = 'inflight'`, now, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return d.wrapWrite("updating the crawl frontier", err)
	}
	return nil
}

func finishAll(ctx context.Context, tx *sql.Tx, done []Outcome) error {
	st, err := tx.PrepareContext(ctx, `UPDATE frontier SET state = ?, published = ?, last_error = ?, updated_at = ?
		WHERE id = ?`)
	if err != nil {
		return err
	}
	defer st.Close()
	now := isoUTC(time.Time{})
	for _, o := range done {
		if _, err := st.ExecContext(ctx, o.State, o.Published, o.ErrKind, now, o.ID); err != nil {
			return err
		}
	}
	return nil
}

// Finish records the outcome of a claimed item: state is FrontierDone,
// FrontierFailed or FrontierSkipped; published (YYYY-MM-DD, may be "")
// is the article's publication day, used to stop paginating with --since;
// errKind says why it failed or was skipped.
func (d *DB) Finish(ctx context.Context, id int64, state, published, errKind string) error {
	return d.FinishAll(ctx, []Outcome{{ID: id, State: state, Published: published, ErrKind: errKind}})
}

// FinishAll records several outcomes in one transaction.
func (d *DB) FinishAll(ctx context.Context, done []Outcome) error {
	if len(done) == 0 {
		return nil
	}
	if err := d.inTx(ctx, func(tx *sql.Tx) error { return finishAll(ctx, tx, done) }); err != nil {
		return d.wrapWrite("updating the crawl frontier", err)
	}
	return nil
}

// Retry puts a claimed item back as pending, to be claimed no earlier
// than notBefore; errKind records why.
func (d *DB) Retry(ctx context.Context, id int64, notBefore time.Time, errKind string) error {
	_, err := d.db.ExecContext(ctx, `UPDATE frontier SET state = 'pending', not_before = ?, last_error = ?, updated_at = ?
		WHERE id = ?`, notBefore.UnixMilli(), errKind, isoUTC(time.Time{}), id)
	if err != nil {
		return d.wrapWrite("updating the crawl frontier", err)
	}
	return nil
}

// OpenGates clears the gates of pending items: the way out when only
// gated items are left and none can be claimed.
func (d *DB) OpenGates(ctx context.Context) (int, error) {
	r, err := d.db.ExecContext(ctx, `UPDATE frontier SET gate = '' WHERE state = 'pending' AND gate != ''`)
	if err != nil {
		return 0, d.wrapWrite("updating the crawl frontier", err)
	}
	n, _ := r.RowsAffected()
	return int(n), nil
}

// FrontierStatus is the frontier's shape at one moment.
type FrontierStatus struct {
	Pending  int       // pending items, ready or not
	InFlight int       // claimed items
	NextAt   time.Time // earliest retry time among pending items (zero if none)
}

// PendingCount returns how many items are pending and in flight, and when
// the earliest pending one may be fetched.
func (d *DB) PendingCount(ctx context.Context) (FrontierStatus, error) {
	var s FrontierStatus
	var next sql.NullInt64
	err := d.reader().QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM frontier WHERE state = 'pending'),
		(SELECT count(*) FROM frontier WHERE state = 'inflight'),
		(SELECT min(not_before) FROM frontier WHERE state = 'pending')`).Scan(&s.Pending, &s.InFlight, &next)
	if err != nil {
		return s, fmt.Errorf("read the crawl frontier: %w", err)
	}
	if next.Valid && next.Int64 > 0 {
		s.NextAt = time.UnixMilli(next.Int64)
	}
	return s, nil
}

// ResetInFlight puts items left in flight by a killed crawl back to
// pending and returns how many there were.
func (d *DB) ResetInFlight(ctx context.Context) (int, error) {
	r, err := d.db.ExecContext(ctx, `UPDATE frontier SET state = 'pending', updated_at = ? WHERE state = 'inflight'`,
		isoUTC(time.Time{}))
	if err != nil {
		return 0, d.wrapWrite("resetting the crawl frontier", err)
	}
	n, _ := r.RowsAffected()
	return int(n), nil
}

// ClearFrontier empties the frontier of a finished crawl, so the next run
// starts afresh (listing pages are revisited; articles already stored are
// still skipped through the articles table and crawl_urls). Items that
// failed are kept and set pending again with their attempts reset, so
// they are retried.
func (d *DB) ClearFrontier(ctx context.Context) error {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM frontier WHERE state != 'failed'`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE frontier SET state = 'pending', attempts = 0, not_before = 0, updated_at = ?`,
			isoUTC(time.Time{}))
		return err
	})
	if err != nil {
		return d.wrapWrite("clearing the crawl frontier", err)
	}
	return nil
}

// FinishedBySource returns how many items of each source were fetched
// (done or failed) in the current frontier: a resumed crawl starts its
// per-source page budgets from there.
func (d *DB) FinishedBySource(ctx context.Context) (map[string]int, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT source, count(*) FROM frontier
		WHERE state IN ('done', 'failed') GROUP BY source`)
	if err != nil {
		return nil, fmt.Errorf("read the crawl frontier: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, fmt.Errorf("read the crawl frontier: %w", err)
		}
		out[s] = n
	}
	return out, rows.Err()
}

// ChildrenNewest returns the newest publication day (YYYY-MM-DD) among the
// finished items found on page parent, "" when none gave one.
func (d *DB) ChildrenNewest(ctx context.Context, parent string) (string, error) {
	var s sql.NullString
	err := d.reader().QueryRowContext(ctx, `SELECT max(published) FROM frontier
		WHERE parent = ? AND published != ''`, parent).Scan(&s)
	if err != nil {
		return "", fmt.Errorf("read the crawl frontier: %w", err)
	}
	return s.String, nil
}

// CountPath returns how many frontier URLs start with prefix (used to cap
// query-string variants of one path).
func (d *DB) CountPath(ctx context.Context, prefix string) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM frontier WHERE url >= ? AND url < ?`,
		prefix, prefix+"\U0010FFFF").Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("read the crawl frontier: %w", err)
	}
	return n, nil
}

// URLInfo is what the crawler remembers about a URL across runs.
type URLInfo struct {
	URL        string
	Kind       string // article, listing, feed, other
	ArticleURL string // the URL the article was stored under (its canonical), if any
	ETag       string
	LastMod    string
	FetchedAt  time.Time
}

// RecordURL remembers what a fetched URL turned out to be.
func (d *DB) RecordURL(ctx context.Context, u URLInfo) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO crawl_urls(url, kind, article_url, etag, last_modified, fetched_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET kind = excluded.kind, article_url = excluded.article_url,
			etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at`,
		u.URL, u.Kind, u.ArticleURL, u.ETag, u.LastMod, isoUTC(u.FetchedAt))
	if err != nil {
		return d.wrapWrite("recording "+u.URL, err)
	}
	return nil
}

// LookupURL returns what RecordURL remembered about url.
func (d *DB) LookupURL(ctx context.Context, url string) (URLInfo, bool, error) {
	u := URLInfo{URL: url}
	var fetched string
	err := d.reader().QueryRowContext(ctx, `SELECT kind, article_url, etag, last_modified, fetched_at
		FROM crawl_urls WHERE url = ?`, url).Scan(&u.Kind, &u.ArticleURL, &u.ETag, &u.LastMod, &fetched)
	if errors.Is(err, sql.ErrNoRows) {
		return u, false, nil
	}
	if err != nil {
		return u, false, fmt.Errorf("look up %s: %w", url, err)
	}
	u.FetchedAt, _ = time.Parse(timeFormat, fetched)
	return u, true, nil
}

// KnownURL tells in one query whether url is stored as an article
// (stored: as its URL or the URL its page was fetched from, as HasURL
// says), and returns what RecordURL remembered about it (found and
// info): the crawler's per-page look-up before a fetch.
func (d *DB) KnownURL(ctx context.Context, url string) (stored bool, info URLInfo, found bool, err error) {
	info = URLInfo{URL: url}
	var kind, articleURL, etag, lastMod, fetched sql.NullString
	err = d.reader().QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM articles WHERE url = ?1)
			OR EXISTS(SELECT 1 FROM pages WHERE fetched_url = ?1),
		c.kind, c.article_url, c.etag, c.last_modified, c.fetched_at
		FROM (SELECT 1) LEFT JOIN crawl_urls c ON c.url = ?1`, url).Scan(&stored, &kind, &articleURL, &etag, &lastMod, &fetched)
	if err != nil {
		return false, info, false, fmt.Errorf("look up %s: %w", url, err)
	}
	if fetched.Valid {
		found = true
		info.Kind, info.ArticleURL, info.ETag, info.LastMod = kind.String, articleURL.String, etag.String, lastMod.String
		info.FetchedAt, _ = time.Parse(timeFormat, fetched.String)
	}
	return stored, info, found, nil
}
