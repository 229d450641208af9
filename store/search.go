package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"github.com/vnnews/vnnews/extract/vntext"
)

// MatchQuery turns what a user types into a safe FTS4 MATCH expression
// over articles_fts: the text is folded (vntext.Fold, so "Đảng" and "dang"
// are the same), every word must appear, a "quoted phrase" must appear as
// written, and a chunk such as "01-KL/TW" is a phrase of its parts. FTS
// operators typed by the user are taken as words, so no input is a syntax
// error. It returns "" when the query has no word at all.
func MatchQuery(q string) string {
	var terms []string
	for i, chunk := range strings.Split(q, `"`) {
		words := func(s string) []string {
			return strings.FieldsFunc(vntext.Fold(s), func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsNumber(r)
			})
		}
		if i%2 == 1 { // inside quotes
			if w := words(chunk); len(w) > 0 {
				terms = append(terms, `"`+strings.Join(w, " ")+`"`)
			}
			continue
		}
		for _, field := range strings.Fields(chunk) {
			if w := words(field); len(w) > 0 {
				terms = append(terms, `"`+strings.Join(w, " ")+`"`)
			}
		}
	}
	return strings.Join(terms, " ")
}

// Hit is one article found by Search.
type Hit struct {
	ID        int64
	URL       string
	Title     string // "" when the page has no headline
	Province  string
	Published string // YYYY-MM-DD or ""
	// Snippet is a piece of the body around the match, matched words in
	// [brackets] where they are written as typed.
	Snippet string
}

// Search finds stored articles whose title or body holds every word of
// query, diacritics optional (see MatchQuery), newest first, at most
// limit (all when limit <= 0).
func (d *DB) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	m := MatchQuery(query)
	if m == "" {
		return nil, fmt.Errorf("search %q: no words to look for", query)
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := d.db.QueryContext(ctx, `SELECT a.id, a.url, coalesce(a.title, ''), coalesce(a.province, ''),
		coalesce(a.published, ''), snippet(articles_fts, '[', ']', '…', 1, 24)
		FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
		WHERE articles_fts MATCH ?
		ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?`, m, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var snip sql.NullString
		if err := rows.Scan(&h.ID, &h.URL, &h.Title, &h.Province, &h.Published, &snip); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		h.Snippet = snip.String
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}
