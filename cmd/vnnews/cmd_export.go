package main

import (
	"io"
	"strings"

	"github.com/vnnews/vnnews/query"
	"github.com/vnnews/vnnews/store"
)

const exportSynopsis = "units|awards|officials|directives|articles [--out FILE] [--bom] [--db PATH]"

// runExport writes one table as CSV joined with its article, to stdout or
// atomically to --out.
func runExport(e *env, args []string) error {
	fs := newFlags(e, "export", exportSynopsis)
	dbPath := dbFlag(fs)
	out := fs.String("out", "", "write to `FILE` (through a temporary file renamed into place) instead of standard output")
	bom := fs.Bool("bom", false, "start with a UTF-8 byte order mark, for Excel")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	tables := strings.Join(query.ExportTables(), "|")
	if len(pos) != 1 {
		return usagef("want one table: %s", tables)
	}
	table := pos[0]
	if query.ExportColumns(table) == nil {
		return usagef("unknown table %q (want %s)", table, tables)
	}
	db, err := store.OpenReadOnly(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	write := func(w io.Writer) error {
		return query.Export(e.ctx, db.SQL(), table, w, query.ExportOptions{BOM: *bom})
	}
	if *out == "" || *out == "-" {
		return write(e.stdout)
	}
	return query.WriteFileAtomic(*out, write)
}
