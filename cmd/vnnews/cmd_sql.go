package main

import (
	"strings"

	"github.com/vnnews/vnnews/query"
)

const sqlSynopsis = `QUERY [--format table|csv|json] [--db PATH]

The database is opened read-only: SELECT, WITH and read-only PRAGMAs run;
INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH and PRAGMA writes are refused.`

// runSQL runs a read-only SQL query and prints its rows.
func runSQL(e *env, args []string) error {
	fs := newFlags(e, "sql", sqlSynopsis)
	dbPath := dbFlag(fs)
	format := fs.String("format", "table", "output `FORMAT`: table, csv or json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("missing QUERY (e.g. vnnews sql \"SELECT province, count(*) FROM articles GROUP BY 1\")")
	}
	db, f, err := openForQuery(*dbPath, *format)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := query.SQL(e.ctx, db.SQL(), strings.Join(pos, " "))
	if err != nil {
		return queryErr(err)
	}
	return res.Write(e.stdout, f)
}
