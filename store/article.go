package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/extract/vntext"
)

// Page is one fetched page as the crawler got it: kept gzip-compressed
// beside its article so reextract needs no network.
type Page struct {
	// URL is the absolute URL the article is stored under: the page's
	// canonical URL where it names one on the same site.
	URL string
	// FetchedURL is the URL actually requested (after redirects).
	FetchedURL string
	// Status is the HTTP status code (200 for a page read from disk).
	Status int
	// ContentType is the Content-Type header as served.
	ContentType string
	// ETag and LastModified are the validators for a conditional GET.
	ETag, LastModified string
	// FetchedAt is when the page was fetched; zero means now.
	FetchedAt time.Time
	// Raw is the response body exactly as served, in its own charset.
	Raw []byte
	// Province is the province configured for the page's source
	// (extract.Options.Province), kept so reextract extracts the page
	// with the same options; "" when the source names none.
	Province string
}

// ErrNotFound is returned (wrapped) when the article asked for is not
// stored.
var ErrNotFound = errors.New("not stored")

// timeFormat is how the store writes instants: ISO 8601 in UTC.
const timeFormat = "2006-01-02T15:04:05Z"

func isoUTC(t time.Time) string {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Format(timeFormat)
}

// ContentHash is the key for duplicate detection: the hex SHA-256 of the
// body in NFC with runs of white space collapsed to one space, so the same
// text served twice with different spacing or composition hashes the same.
func ContentHash(body string) string {
	sum := sha256.Sum256([]byte(normalizeBody(body)))
	return hex.EncodeToString(sum[:])
}

func normalizeBody(body string) string {
	var b strings.Builder
	b.Grow(len(body))
	body = vntext.NFC(body)
	if !utf8.ValidString(body) {
		// Rune by rune, bad bytes written as U+FFFD, as hashes were
		// always taken.
		space := false
		for _, r := range body {
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
		return b.String()
	}
	for f := range strings.FieldsSeq(body) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// siteOf returns the host of an absolute URL, lower case, without port.
func siteOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// SaveArticle stores one article, its facts and its raw page in a single
// transaction: a crash or kill at any point leaves either the whole
// article or none of it. The article is keyed by URL (p.URL, else a.URL):
// storing the same URL again updates the row in place, keeps its id and
// replaces its facts, page and index entry. created reports whether the
// URL was new. p may be nil when there is no raw page to keep.
func (d *DB) SaveArticle(ctx context.Context, p *Page, a *facts.Article) (id int64, created bool, err error) {
	if a == nil {
		return 0, false, errors.New("store article: no article")
	}
	u := a.URL
	if p != nil && p.URL != "" {
		u = p.URL
	}
	if u == "" {
		return 0, false, errors.New("store article: no URL")
	}
	var fetchedAt time.Time
	var gz []byte
	if p != nil {
		fetchedAt = p.FetchedAt
		if gz, err = d.gzipBytes(p.Raw); err != nil {
			return 0, false, fmt.Errorf("store %s: compress page: %w", u, err)
		}
	}
	fetched := isoUTC(fetchedAt)
	site := siteOf(u)
	if site == "" {
		site = a.Site
	}
	cols, err := articleColumns(a)
	if err != nil {
		return 0, false, fmt.Errorf("store %s: %w", u, err)
	}
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		// A new URL is inserted with every column in one statement; a
		// stored one keeps its id and has its columns rewritten.
		res, err := tx.ExecContext(ctx, `INSERT INTO articles(url, site, fetched_at,
			province, title, published, event_date, body, author, content_hash, extracted_at, warnings)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO NOTHING`,
			u, site, fetched, cols.province, cols.title, cols.published, cols.eventDate, cols.body, cols.author,
			cols.hash, cols.extractedAt, cols.warnings)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 1 {
			created = true
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			if err := tx.QueryRowContext(ctx, `UPDATE articles SET site = ?, fetched_at = ? WHERE url = ? RETURNING id`,
				site, fetched, u).Scan(&id); err != nil {
				return err
			}
			if err := cols.update(ctx, tx, id); err != nil {
				return err
			}
		}
		if p != nil {
			fu := p.FetchedURL
			if fu == "" {
				fu = u
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO pages
				(article_id, fetched_url, status, content_type, etag, last_modified, fetched_at, province, raw_gzip)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, fu, p.Status, p.ContentType, p.ETag, p.LastModified, fetched, vntext.NFC(p.Province), gz); err != nil {
				return err
			}
		}
		return writeFactRows(ctx, tx, id, a, cols)
	})
	if err != nil {
		return 0, false, d.wrapWrite("storing "+u, err)
	}
	return id, created, nil
}

// ReplaceFacts replaces what was extracted for stored article id (its
// title, dates, province, body and every fact row) with a, in one
// transaction. The URL, site and raw page stay as they are.
func (d *DB) ReplaceFacts(ctx context.Context, id int64, a *facts.Article) error {
	if a == nil {
		return fmt.Errorf("replace facts of article %d: no article", id)
	}
	cols, err := articleColumns(a)
	if err != nil {
		return fmt.Errorf("replace facts of article %d: %w", id, err)
	}
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		if err := cols.update(ctx, tx, id); err != nil {
			return err
		}
		return writeFactRows(ctx, tx, id, a, cols)
	})
	if err != nil {
		return d.wrapWrite(fmt.Sprintf("replacing facts of article %d", id), err)
	}
	return nil
}

// columns are an article's extracted columns, ready for the articles
// table.
type columns struct {
	province, title                 *string
	published, eventDate            any
	body, author, hash, extractedAt string
	warnings                        string
}

// articleColumns cleans a's extracted columns for storing.
func articleColumns(a *facts.Article) (columns, error) {
	c := columns{province: nfcPtr(a.Province), title: nfcPtr(a.Title), published: ptr(a.Published),
		eventDate: ptr(a.EventDate), body: clean(a.Body), author: clean(a.Author),
		extractedAt: isoUTC(time.Time{}), warnings: "[]"}
	c.hash = ContentHash(c.body)
	if len(a.Warnings) > 0 {
		b, err := json.Marshal(a.Warnings)
		if err != nil {
			return c, err
		}
		c.warnings = string(b)
	}
	return c, nil
}

// update writes the columns over stored article id; ErrNotFound (wrapped)
// when there is none.
func (c columns) update(ctx context.Context, tx *sql.Tx, id int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE articles SET
		province = ?, title = ?, published = ?, event_date = ?, body = ?, author = ?,
		content_hash = ?, extracted_at = ?, warnings = ?
		WHERE id = ?`,
		c.province, c.title, c.published, c.eventDate, c.body, c.author, c.hash, c.extractedAt, c.warnings, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return nil
}

// writeFactRows writes a's fact rows and index entry for article id,
// replacing what was there.
func writeFactRows(ctx context.Context, tx *sql.Tx, id int64, a *facts.Article, cols columns) error {
	for _, table := range []string{"directives", "officials", "awards", "units"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE article_id = ?", id); err != nil {
			return err
		}
	}
	for _, x := range a.Directives {
		if _, err := tx.ExecContext(ctx, `INSERT INTO directives(article_id, code, kind, issued_on, mention) VALUES (?, ?, ?, ?, ?)`,
			id, clean(x.Code), clean(x.Kind), ptr(x.Date), clean(x.Mention)); err != nil {
			return err
		}
	}
	for _, x := range a.Officials {
		if _, err := tx.ExecContext(ctx, `INSERT INTO officials(article_id, name, titles, evidence) VALUES (?, ?, ?, ?)`,
			id, clean(x.Name), JoinTitles(x.Titles), clean(x.Evidence)); err != nil {
			return err
		}
	}
	for _, x := range a.Awards {
		if _, err := tx.ExecContext(ctx, `INSERT INTO awards(article_id, collectives, individuals, total, form, conferred_by, period, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, intPtr(x.Collectives), intPtr(x.Individuals), intPtr(x.Total),
			clean(x.Form), clean(x.ConferredBy), clean(x.Period), clean(x.Evidence)); err != nil {
			return err
		}
	}
	for _, x := range a.Units {
		if _, err := tx.ExecContext(ctx, `INSERT INTO units(article_id, name, role, evidence) VALUES (?, ?, ?, ?)`,
			id, clean(x.Name), x.Role, clean(x.Evidence)); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = ?`, id); err != nil {
		return err
	}
	t := ""
	if cols.title != nil {
		t = *cols.title
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, body, folded) VALUES (?, ?, ?, ?)`,
		id, t, cols.body, vntext.Fold(t+"\n"+cols.body))
	return err
}

// TitleSep joins an official's titles in the officials.titles column.
const TitleSep = "; "

// JoinTitles joins an official's titles as the officials table stores
// them: NFC, separated by "; ".
func JoinTitles(titles []string) string {
	out := make([]string, 0, len(titles))
	for _, t := range titles {
		if t = strings.TrimSpace(clean(t)); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, TitleSep)
}

// SplitTitles is the inverse of JoinTitles.
func SplitTitles(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, TitleSep)
}

func ptr(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// nfcPtr cleans optional text; blank text is no text (NULL).
func nfcPtr(s *string) *string {
	if s == nil {
		return nil
	}
	v := clean(*s)
	if strings.TrimSpace(v) == "" {
		return nil
	}
	return &v
}

// clean readies text for storing: NFC, without NUL bytes (which end C
// strings, and so the text, for the full-text tokenizer).
func clean(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return vntext.NFC(s)
}

func intPtr(n *int) any {
	if n == nil {
		return nil
	}
	return int64(*n)
}

// gzipBytes compresses raw, reusing the DB's gzip writers: a fresh
// flate writer costs more to allocate than a page costs to compress.
func (d *DB) gzipBytes(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(raw)/4 + 64)
	zw, _ := d.gzips.Get().(*gzip.Writer)
	if zw == nil {
		var err error
		if zw, err = gzip.NewWriterLevel(&buf, gzip.BestSpeed); err != nil {
			return nil, err
		}
	} else {
		zw.Reset(&buf)
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	d.gzips.Put(zw)
	return buf.Bytes(), nil
}

func gunzipBytes(gz []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// inTx runs fn in one write transaction, committing when fn succeeds and
// rolling back otherwise.
func (d *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
