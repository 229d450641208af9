package query

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// articleCols are the article columns every fact export ends with.
const articleCols = `a.id, a.province, coalesce(a.event_date, a.published), a.published, a.title, a.url`

var articleHeader = []string{"article_id", "province", "date", "published", "title", "url"}

// exportSpec is one exportable table: its columns and the natural key
// rows are sorted on. Columns and their order are stable; COLUMNS.md
// documents them.
type exportSpec struct {
	name   string
	header []string
	query  string
	sortBy []string // header names, compared in Vietnamese collation
}

var exports = []exportSpec{
	{
		name:   "units",
		header: append([]string{"name", "role", "evidence"}, articleHeader...),
		query:  `SELECT u.name, u.role, u.evidence, ` + articleCols + ` FROM units u JOIN articles a ON a.id = u.article_id`,
		sortBy: []string{"name", "role", "province", "date", "url"},
	},
	{
		name:   "awards",
		header: append([]string{"collectives", "individuals", "total", "form", "conferred_by", "period", "evidence"}, articleHeader...),
		query:  `SELECT w.collectives, w.individuals, w.total, w.form, w.conferred_by, w.period, w.evidence, ` + articleCols + ` FROM awards w JOIN articles a ON a.id = w.article_id`,
		sortBy: []string{"province", "date", "conferred_by", "form", "url", "evidence"},
	},
	{
		name:   "officials",
		header: append([]string{"name", "titles", "evidence"}, articleHeader...),
		query:  `SELECT o.name, o.titles, o.evidence, ` + articleCols + ` FROM officials o JOIN articles a ON a.id = o.article_id`,
		sortBy: []string{"name", "titles", "province", "date", "url"},
	},
	{
		name:   "directives",
		header: append([]string{"code", "kind", "issued_on", "mention"}, articleHeader...),
		query:  `SELECT d.code, d.kind, d.issued_on, d.mention, ` + articleCols + ` FROM directives d JOIN articles a ON a.id = d.article_id`,
		sortBy: []string{"code", "province", "date", "url"},
	},
	{
		name:   "articles",
		header: []string{"article_id", "province", "date", "published", "event_date", "title", "url", "site", "author", "fetched_at"},
		query:  `SELECT a.id, a.province, coalesce(a.event_date, a.published), a.published, a.event_date, a.title, a.url, a.site, a.author, a.fetched_at FROM articles a`,
		sortBy: []string{"province", "date", "title", "url"},
	},
}

// ExportTables names the tables Export writes.
func ExportTables() []string {
	var n []string
	for _, e := range exports {
		n = append(n, e.name)
	}
	return n
}

// ExportColumns returns the CSV header of a table's export, or nil for an
// unknown table.
func ExportColumns(table string) []string {
	for _, e := range exports {
		if e.name == table {
			return slices.Clone(e.header)
		}
	}
	return nil
}

// ExportOptions tunes Export.
type ExportOptions struct {
	// BOM starts the file with a UTF-8 byte order mark, so Excel reads it
	// as UTF-8.
	BOM bool
}

// Export writes table (see ExportTables) as CSV: RFC 4180 with CRLF line
// ends, UTF-8, a header row, each row joined with its article's province,
// date, title and URL, rows in Vietnamese collation order on the table's
// natural key, and every cell neutralized against formula injection.
func Export(ctx context.Context, db *sql.DB, table string, w io.Writer, opt ExportOptions) error {
	var spec *exportSpec
	for i := range exports {
		if exports[i].name == table {
			spec = &exports[i]
		}
	}
	if spec == nil {
		return optionErrorf("unknown table %q (want %s)", table, strings.Join(ExportTables(), ", "))
	}
	rows, err := readRows(ctx, db, spec.query, len(spec.header))
	if err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	sortRecords(rows, spec.header, spec.sortBy)
	cw, err := newCSVWriter(w, opt.BOM)
	if err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	if err := cw.write(spec.header); err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	for _, r := range rows {
		if err := cw.write(r); err != nil {
			return fmt.Errorf("export %s: %w", table, err)
		}
	}
	if err := cw.flush(); err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	return nil
}

// readRows reads every row of q as text, NULL as "". Repeated values
// (a province, an article's title on each of its facts) share one string.
func readRows(ctx context.Context, db *sql.DB, q string, ncol int) ([][]string, error) {
	rs, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	vals := make([]sql.RawBytes, ncol)
	dest := make([]any, ncol)
	for i := range vals {
		dest[i] = &vals[i]
	}
	intern := make([]map[string]string, ncol)
	for i := range intern {
		intern[i] = map[string]string{}
	}
	var out [][]string
	for rs.Next() {
		if err := rs.Scan(dest...); err != nil {
			return nil, err
		}
		rec := make([]string, ncol)
		for i, v := range vals {
			s, ok := intern[i][string(v)] // no allocation for the lookup
			if !ok {
				s = string(v)
				if len(intern[i]) < 1<<16 {
					intern[i][s] = s
				}
			}
			rec[i] = s
		}
		out = append(out, rec)
	}
	return out, rs.Err()
}

// sortRecords sorts rows on the named columns in Vietnamese collation.
// Each column's distinct values are ranked once with the collator; rows
// are then sorted on their ranks.
func sortRecords(rows [][]string, header, by []string) {
	var cols []int
	for _, name := range by {
		if i := slices.Index(header, name); i >= 0 {
			cols = append(cols, i)
		}
	}
	col := collate.New(language.Vietnamese, collate.Numeric)
	var buf collate.Buffer
	ranks := make([][]int32, len(cols)) // ranks[k][row]
	for k, c := range cols {
		distinct := map[string]int32{}
		for _, r := range rows {
			distinct[r[c]] = 0
		}
		type keyed struct {
			s   string
			key []byte
		}
		ks := make([]keyed, 0, len(distinct))
		for v := range distinct {
			ks = append(ks, keyed{v, col.KeyFromString(&buf, v)})
		}
		slices.SortFunc(ks, func(a, b keyed) int {
			if c := bytes.Compare(a.key, b.key); c != 0 {
				return c
			}
			return strings.Compare(a.s, b.s)
		})
		for i, kv := range ks {
			distinct[kv.s] = int32(i)
		}
		buf.Reset()
		ranks[k] = make([]int32, len(rows))
		for i, r := range rows {
			ranks[k][i] = distinct[r[c]]
		}
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		for k := range ranks {
			if d := ranks[k][a] - ranks[k][b]; d != 0 {
				return int(d)
			}
		}
		return 0
	})
	sorted := make([][]string, len(rows))
	for i, j := range idx {
		sorted[i] = rows[j]
	}
	copy(rows, sorted)
}

// WriteFileAtomic writes path through a temporary file in the same
// directory renamed into place once write succeeded, so a failure never
// leaves half a file behind (nor clobbers the old one).
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
