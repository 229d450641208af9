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
	space := false
	for _, r := range vntext.NFC(body) {
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
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE url = ?`, u).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			created = true
			res, err := tx.ExecContext(ctx, `INSERT INTO articles(url, fetched_at) VALUES (?, ?)`, u, fetched)
			if err != nil {
				return err
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET fetched_at = ? WHERE id = ?`, fetched, id); err != nil {
				return err
			}
		}
		site := siteOf(u)
		if site == "" {
			site = a.Site
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET site = ? WHERE id = ?`, site, id); err != nil {
			return err
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
		return writeFacts(ctx, tx, id, a)
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
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("article %d: %w", id, ErrNotFound)
		}
		return writeFacts(ctx, tx, id, a)
	})
	if err != nil {
		return d.wrapWrite(fmt.Sprintf("replacing facts of article %d", id), err)
	}
	return nil
}

// writeFacts writes a's extracted columns, fact rows and index entry for
// article id, replacing what was there.
func writeFacts(ctx context.Context, tx *sql.Tx, id int64, a *facts.Article) error {
	title := nfcPtr(a.Title)
	body := clean(a.Body)
	warnings := "[]"
	if len(a.Warnings) > 0 {
		b, err := json.Marshal(a.Warnings)
		if err != nil {
			return err
		}
		warnings = string(b)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET
		province = ?, title = ?, published = ?, event_date = ?, body = ?, author = ?,
		content_hash = ?, extracted_at = ?, warnings = ?
		WHERE id = ?`,
		nfcPtr(a.Province), title, ptr(a.Published), ptr(a.EventDate), body, clean(a.Author),
		ContentHash(body), isoUTC(time.Time{}), warnings, id); err != nil {
		return err
	}
	for _, table := range []string{"directives", "officials", "awards", "units"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE article_id = ?", id); err != nil {
			return err
		}
	}
	if len(a.Directives) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO directives(article_id, code, kind, issued_on, mention) VALUES (?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, x := range a.Directives {
			if _, err := st.ExecContext(ctx, id, clean(x.Code), clean(x.Kind), ptr(x.Date), clean(x.Mention)); err != nil {
				return err
			}
		}
	}
	if len(a.Officials) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO officials(article_id, name, titles, evidence) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, x := range a.Officials {
			if _, err := st.ExecContext(ctx, id, clean(x.Name), JoinTitles(x.Titles), clean(x.Evidence)); err != nil {
				return err
			}
		}
	}
	if len(a.Awards) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO awards(article_id, collectives, individuals, total, form, conferred_by, period, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, x := range a.Awards {
			if _, err := st.ExecContext(ctx, id, intPtr(x.Collectives), intPtr(x.Individuals), intPtr(x.Total),
				clean(x.Form), clean(x.ConferredBy), clean(x.Period), clean(x.Evidence)); err != nil {
				return err
			}
		}
	}
	if len(a.Units) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO units(article_id, name, role, evidence) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, x := range a.Units {
			if _, err := st.ExecContext(ctx, id, clean(x.Name), x.Role, clean(x.Evidence)); err != nil {
				return err
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = ?`, id); err != nil {
		return err
	}
	t := ""
	if title != nil {
		t = *title
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, body, folded) VALUES (?, ?, ?, ?)`,
		id, t, body, vntext.Fold(t+"\n"+body))
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
