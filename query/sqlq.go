package query

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-sqlite3"
)

// SQLResult is the grid a read-only SQL query returns.
type SQLResult struct {
	Columns []string
	// Rows hold int64, float64, string, []byte or nil per cell.
	Rows [][]any
}

// ReadOnlyError is a statement refused because it would change the
// database or reach outside it.
type ReadOnlyError struct {
	What string // the refused operation, e.g. "DELETE on awards"
}

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("refused %s: vnnews sql is read-only (SELECT, WITH and read-only PRAGMAs only)", e.What)
}

// sqliteRecursive is SQLITE_RECURSIVE, which go-sqlite3 does not export.
const sqliteRecursive = 33

// readPragmas may run with an argument (it names a table or index).
var readPragmas = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true, "index_list": true,
	"index_info": true, "index_xinfo": true, "foreign_key_list": true, "foreign_key_check": true,
	"database_list": true, "collation_list": true, "function_list": true, "pragma_list": true,
	"module_list": true, "compile_options": true, "integrity_check": true, "quick_check": true,
}

// valuePragmas may run only to read their value, without an argument.
var valuePragmas = map[string]bool{
	"user_version": true, "schema_version": true, "application_id": true, "page_size": true,
	"page_count": true, "freelist_count": true, "encoding": true, "journal_mode": true,
	"foreign_keys": true, "data_version": true, "query_only": true,
}

var authorizerActions = map[int]string{
	sqlite3.SQLITE_INSERT: "INSERT", sqlite3.SQLITE_UPDATE: "UPDATE", sqlite3.SQLITE_DELETE: "DELETE",
	sqlite3.SQLITE_ATTACH: "ATTACH", sqlite3.SQLITE_DETACH: "DETACH",
	sqlite3.SQLITE_CREATE_TABLE: "CREATE TABLE", sqlite3.SQLITE_DROP_TABLE: "DROP TABLE",
	sqlite3.SQLITE_CREATE_INDEX: "CREATE INDEX", sqlite3.SQLITE_DROP_INDEX: "DROP INDEX",
	sqlite3.SQLITE_CREATE_VIEW: "CREATE VIEW", sqlite3.SQLITE_DROP_VIEW: "DROP VIEW",
	sqlite3.SQLITE_CREATE_TRIGGER: "CREATE TRIGGER", sqlite3.SQLITE_DROP_TRIGGER: "DROP TRIGGER",
	sqlite3.SQLITE_CREATE_TEMP_TABLE: "CREATE TEMP TABLE", sqlite3.SQLITE_ALTER_TABLE: "ALTER TABLE",
	sqlite3.SQLITE_REINDEX: "REINDEX", sqlite3.SQLITE_ANALYZE: "ANALYZE",
	sqlite3.SQLITE_CREATE_VTABLE: "CREATE VIRTUAL TABLE", sqlite3.SQLITE_DROP_VTABLE: "DROP VIRTUAL TABLE",
}

// SQL runs q, one or more statements, and returns the rows of the last.
// Besides the read-only connection (mode=ro, query_only) the statement
// passes an authorizer that allows reading only, so writes, ATTACH and
// PRAGMA writes are refused with a *ReadOnlyError before they run.
func SQL(ctx context.Context, db *sql.DB, q string) (*SQLResult, error) {
	if strings.TrimSpace(q) == "" {
		return nil, &OptionError{"empty SQL query"}
	}
	if isVacuum(q) {
		return nil, &ReadOnlyError{What: "VACUUM"}
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("sql: %w", err)
	}
	defer conn.Close()
	var denied string
	auth := func(action int, a1, a2, a3 string) int {
		switch action {
		case sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqliteRecursive,
			sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_SAVEPOINT:
			return sqlite3.SQLITE_OK
		case sqlite3.SQLITE_FUNCTION:
			if strings.EqualFold(a2, "load_extension") {
				denied = "load_extension"
				return sqlite3.SQLITE_DENY
			}
			return sqlite3.SQLITE_OK
		case sqlite3.SQLITE_PRAGMA:
			name := strings.ToLower(a1)
			if readPragmas[name] || (valuePragmas[name] && a2 == "") {
				return sqlite3.SQLITE_OK
			}
			denied = "PRAGMA " + a1
			if a2 != "" {
				denied += " = " + a2
			}
			return sqlite3.SQLITE_DENY
		}
		op, ok := authorizerActions[action]
		if !ok {
			op = "operation " + strconv.Itoa(action)
		}
		if a1 != "" && action != sqlite3.SQLITE_ATTACH {
			op += " on " + a1
		}
		denied = op
		return sqlite3.SQLITE_DENY
	}
	setAuth := func(fn func(int, string, string, string) int) error {
		return conn.Raw(func(dc any) error {
			c, ok := dc.(*sqlite3.SQLiteConn)
			if !ok {
				return fmt.Errorf("sql: unexpected driver connection %T", dc)
			}
			c.RegisterAuthorizer(fn)
			return nil
		})
	}
	if err := setAuth(auth); err != nil {
		return nil, err
	}
	defer setAuth(nil)
	res, err := runSQL(ctx, conn, q)
	if err != nil {
		if denied != "" {
			return nil, &ReadOnlyError{What: denied}
		}
		var se sqlite3.Error
		if errors.As(err, &se) && se.Code == sqlite3.ErrReadonly {
			return nil, &ReadOnlyError{What: "a write"}
		}
		return nil, fmt.Errorf("sql: %w", err)
	}
	return res, nil
}

// isVacuum reports whether q is a VACUUM (which the authorizer does not
// see, and which with INTO writes a new file).
func isVacuum(q string) bool {
	for _, stmt := range strings.Split(q, ";") {
		f := strings.Fields(stmt)
		if len(f) > 0 && strings.EqualFold(f[0], "vacuum") {
			return true
		}
	}
	return false
}

func runSQL(ctx context.Context, conn *sql.Conn, q string) (*SQLResult, error) {
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	res := &SQLResult{Columns: cols, Rows: [][]any{}}
	for rows.Next() {
		vals := make([]any, len(cols))
		dest := make([]any, len(cols))
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok && utf8.Valid(b) {
				vals[i] = string(b)
			}
		}
		res.Rows = append(res.Rows, vals)
	}
	return res, rows.Err()
}

// cellString renders one value as text: NULL as "", blobs as hex.
func cellString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []byte:
		return fmt.Sprintf("x'%X'", x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		if x {
			return "1"
		}
		return "0"
	}
	return fmt.Sprint(v)
}

// Write prints the result as an aligned table (long cells cut, NULL as
// "NULL"), CSV (header row, cells neutralized) or JSON (an array of
// objects keyed by column, in column order).
func (r *SQLResult) Write(w io.Writer, f Format) error {
	switch f {
	case FormatCSV:
		cw, err := newCSVWriter(w, false)
		if err != nil {
			return err
		}
		if err := cw.write(r.Columns); err != nil {
			return err
		}
		rec := make([]string, len(r.Columns))
		for _, row := range r.Rows {
			for i, v := range row {
				rec[i] = cellString(v)
			}
			if err := cw.write(rec); err != nil {
				return err
			}
		}
		return cw.flush()
	case FormatJSON:
		var b strings.Builder
		b.WriteString("[")
		for n, row := range r.Rows {
			if n > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n  {")
			for i, v := range row {
				if i > 0 {
					b.WriteString(", ")
				}
				k, _ := marshalNoEscape(r.Columns[i])
				b.Write(k)
				b.WriteString(": ")
				if bs, ok := v.([]byte); ok {
					v = cellString(bs)
				}
				val, err := marshalNoEscape(v)
				if err != nil {
					return err
				}
				b.Write(val)
			}
			b.WriteString("}")
		}
		if len(r.Rows) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("]\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	t := &textTable{header: r.Columns, right: make([]bool, len(r.Columns))}
	for i := range r.Columns {
		t.right[i] = len(r.Rows) > 0
		for _, row := range r.Rows {
			switch row[i].(type) {
			case int64, float64, nil:
			default:
				t.right[i] = false
			}
		}
	}
	for _, row := range r.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			if v == nil {
				cells[i] = "NULL"
			} else {
				cells[i] = cellText(cellString(v), 60)
			}
		}
		t.rows = append(t.rows, cells)
	}
	if err := t.write(w); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(%d rows)\n", len(r.Rows))
	return err
}
