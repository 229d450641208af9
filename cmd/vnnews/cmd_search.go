package main

import (
	"strings"

	"github.com/vnnews/vnnews/query"
)

const searchSynopsis = `QUERY [--limit N] [--format table|csv|json] [--db PATH]

QUERY is full-text syntax: words (all must appear), "exact phrases",
OR, NOT, parentheses, prefix*. Diacritics and case are optional:
"khen thuong" finds "khen thưởng", "dang uy" finds "Đảng ủy".`

// runSearch prints the stored articles matching a full-text query, best
// first, each with a snippet marking the hit.
func runSearch(e *env, args []string) error {
	fs := newFlags(e, "search", searchSynopsis)
	dbPath := dbFlag(fs)
	limit := fs.Int("limit", 20, "show at most `N` articles")
	format := fs.String("format", "table", "output `FORMAT`: table, csv or json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("missing QUERY (e.g. vnnews search \"khen thuong\")")
	}
	if *limit <= 0 {
		return usagef("--limit must be positive")
	}
	db, f, err := openForQuery(*dbPath, *format)
	if err != nil {
		return err
	}
	defer db.Close()
	hits, err := query.Search(e.ctx, db.SQL(), strings.Join(pos, " "), query.SearchOptions{Limit: *limit})
	if err != nil {
		return queryErr(err)
	}
	return query.WriteHits(e.stdout, hits, f)
}
