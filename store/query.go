package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/vnnews/vnnews/extract/facts"
)

// articleID finds the article stored under u, matching either its
// (canonical) URL or the URL its page was fetched from.
func articleID(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, u string) (int64, bool, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM articles WHERE url = ?
		UNION ALL SELECT article_id FROM pages WHERE fetched_url = ? LIMIT 1`, u, u).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// HasURL reports whether an article is stored under url, as its canonical
// URL or as the URL its page was fetched from.
func (d *DB) HasURL(ctx context.Context, url string) (bool, error) {
	_, ok, err := articleID(ctx, d.db, url)
	if err != nil {
		return false, fmt.Errorf("look up %s: %w", url, err)
	}
	return ok, nil
}

// ArticleByHash returns the URL of a stored article whose body has the
// given ContentHash, for spotting the same article under another URL.
func (d *DB) ArticleByHash(ctx context.Context, hash string) (url string, ok bool, err error) {
	err = d.reader().QueryRowContext(ctx, `SELECT url FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1`, hash).Scan(&url)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("look up content hash %s: %w", hash, err)
	}
	return url, true, nil
}

// Validators returns the ETag and Last-Modified stored with the page of
// url, for a conditional GET; ok is false when no page is stored for it.
func (d *DB) Validators(ctx context.Context, url string) (etag, lastModified string, ok bool, err error) {
	id, ok, err := articleID(ctx, d.db, url)
	if err != nil || !ok {
		if err != nil {
			err = fmt.Errorf("look up validators of %s: %w", url, err)
		}
		return "", "", false, err
	}
	err = d.reader().QueryRowContext(ctx, `SELECT etag, last_modified FROM pages WHERE article_id = ?`, id).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, fmt.Errorf("look up validators of %s: %w", url, err)
	}
	return etag, lastModified, true, nil
}

// Touch records that the article stored under url was confirmed unchanged
// at fetchedAt (a 304 Not Modified): its fetched_at moves forward, nothing
// else changes. It returns an error wrapping ErrNotFound when url is not
// stored.
func (d *DB) Touch(ctx context.Context, url string, fetchedAt time.Time) error {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		id, ok, err := articleID(ctx, tx, url)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNotFound
		}
		_, err = tx.ExecContext(ctx, `UPDATE articles SET fetched_at = ? WHERE id = ?`, isoUTC(fetchedAt), id)
		return err
	})
	if err != nil {
		return d.wrapWrite("confirming "+url, err)
	}
	return nil
}

// eachPageBatch is how many pages EachPage reads before calling fn, so
// that fn may write (ReplaceFacts) through the one writer connection.
const eachPageBatch = 64

// EachPage calls fn for every stored raw page, decompressed, in article id
// order. p.URL is the article's stored URL. fn may call ReplaceFacts; an
// error from fn stops the walk and is returned as is.
func (d *DB) EachPage(ctx context.Context, fn func(id int64, p *Page) error) error {
	var last int64
	for {
		type row struct {
			id   int64
			p    Page
			at   string
			gzip []byte
		}
		rows, err := d.db.QueryContext(ctx, `SELECT a.id, a.url, p.fetched_url, p.status, p.content_type,
			p.etag, p.last_modified, p.fetched_at, p.province, p.raw_gzip
			FROM pages p JOIN articles a ON a.id = p.article_id
			WHERE a.id > ? ORDER BY a.id LIMIT ?`, last, eachPageBatch)
		if err != nil {
			return fmt.Errorf("read stored pages: %w", err)
		}
		var batch []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.p.URL, &r.p.FetchedURL, &r.p.Status, &r.p.ContentType,
				&r.p.ETag, &r.p.LastModified, &r.at, &r.p.Province, &r.gzip); err != nil {
				rows.Close()
				return fmt.Errorf("read stored pages: %w", err)
			}
			batch = append(batch, r)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("read stored pages: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		for i := range batch {
			r := &batch[i]
			last = r.id
			raw, err := gunzipBytes(r.gzip)
			if err != nil {
				return fmt.Errorf("read stored page of %s: %w", r.p.URL, err)
			}
			r.p.Raw = raw
			r.gzip = nil
			if t, err := time.Parse(time.RFC3339, r.at); err == nil {
				r.p.FetchedAt = t
			}
			if err := fn(r.id, &r.p); err != nil {
				return err
			}
		}
	}
}

// Article reads back what is stored for article id in the facts shape,
// facts in the order they were stored. Officials' titles are split on
// "; ".
func (d *DB) Article(ctx context.Context, id int64) (*facts.Article, error) {
	a := &facts.Article{}
	var title, published, eventDate, province sql.NullString
	var warnings string
	err := d.db.QueryRowContext(ctx, `SELECT url, site, province, title, published, event_date, body, author, warnings
		FROM articles WHERE id = ?`, id).Scan(&a.URL, &a.Site, &province, &title, &published, &eventDate, &a.Body, &a.Author, &warnings)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("read article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read article %d: %w", id, err)
	}
	a.Title, a.Published, a.EventDate, a.Province = strPtr(title), strPtr(published), strPtr(eventDate), strPtr(province)
	if warnings != "" && warnings != "[]" {
		if err := json.Unmarshal([]byte(warnings), &a.Warnings); err != nil {
			a.Warnings = []string{warnings}
		}
	}
	if err := d.readFacts(ctx, id, a); err != nil {
		return nil, fmt.Errorf("read facts of article %d: %w", id, err)
	}
	a.Normalize()
	return a, nil
}

func (d *DB) readFacts(ctx context.Context, id int64, a *facts.Article) error {
	each := func(query string, scan func(*sql.Rows) error) error {
		rows, err := d.db.QueryContext(ctx, query, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	if err := each(`SELECT code, kind, issued_on, mention FROM directives WHERE article_id = ? ORDER BY rowid`, func(r *sql.Rows) error {
		var x facts.Directive
		var date sql.NullString
		if err := r.Scan(&x.Code, &x.Kind, &date, &x.Mention); err != nil {
			return err
		}
		x.Date = strPtr(date)
		a.Directives = append(a.Directives, x)
		return nil
	}); err != nil {
		return err
	}
	if err := each(`SELECT name, titles, evidence FROM officials WHERE article_id = ? ORDER BY rowid`, func(r *sql.Rows) error {
		var x facts.Official
		var titles string
		if err := r.Scan(&x.Name, &titles, &x.Evidence); err != nil {
			return err
		}
		x.Titles = SplitTitles(titles)
		a.Officials = append(a.Officials, x)
		return nil
	}); err != nil {
		return err
	}
	if err := each(`SELECT collectives, individuals, total, form, conferred_by, period, evidence FROM awards WHERE article_id = ? ORDER BY rowid`, func(r *sql.Rows) error {
		var x facts.Award
		var c, i, t sql.NullInt64
		if err := r.Scan(&c, &i, &t, &x.Form, &x.ConferredBy, &x.Period, &x.Evidence); err != nil {
			return err
		}
		x.Collectives, x.Individuals, x.Total = intOf(c), intOf(i), intOf(t)
		a.Awards = append(a.Awards, x)
		return nil
	}); err != nil {
		return err
	}
	return each(`SELECT name, role, evidence FROM units WHERE article_id = ? ORDER BY rowid`, func(r *sql.Rows) error {
		var x facts.Unit
		if err := r.Scan(&x.Name, &x.Role, &x.Evidence); err != nil {
			return err
		}
		a.Units = append(a.Units, x)
		return nil
	})
}

func strPtr(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

func intOf(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// Counts is how much the database holds.
type Counts struct {
	Articles, Pages                      int
	Directives, Officials, Awards, Units int
	// AwardTotal is the sum of awards.total: people and collectives
	// commended, over all articles.
	AwardTotal int
}

// Counts returns the number of stored articles, pages and fact rows.
func (d *DB) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := d.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM pages),
		(SELECT count(*) FROM directives), (SELECT count(*) FROM officials),
		(SELECT count(*) FROM awards), (SELECT count(*) FROM units),
		(SELECT coalesce(sum(total), 0) FROM awards)`).Scan(
		&c.Articles, &c.Pages, &c.Directives, &c.Officials, &c.Awards, &c.Units, &c.AwardTotal)
	if err != nil {
		return Counts{}, fmt.Errorf("count rows in %s: %w", d.path, err)
	}
	return c, nil
}
