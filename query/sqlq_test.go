package query

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSQLSelect(t *testing.T) {
	db, _ := fixtureDB(t)
	res, err := SQL(context.Background(), db.SQL(), `SELECT province, count(*) AS n FROM articles WHERE province IS NOT NULL GROUP BY province ORDER BY n DESC, province`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 3 || res.Rows[0][0] != "Long An" || res.Rows[0][1] != int64(2) {
		t.Fatalf("rows = %v", res.Rows)
	}
	var b bytes.Buffer
	if err := res.Write(&b, FormatTable); err != nil {
		t.Fatal(err)
	}
	want := "province        n\n──────────────  ─\nLong An         2\nHà Nội          1\nThừa Thiên Huế  1\n(3 rows)\n"
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	res.Write(&b, FormatCSV)
	if b.String() != "province,n\r\nLong An,2\r\nHà Nội,1\r\nThừa Thiên Huế,1\r\n" {
		t.Errorf("csv = %q", b.String())
	}
	b.Reset()
	res.Write(&b, FormatJSON)
	var objs []map[string]any
	if err := json.Unmarshal(b.Bytes(), &objs); err != nil || len(objs) != 3 || objs[1]["province"] != "Hà Nội" || objs[1]["n"] != 1.0 {
		t.Errorf("json %v: %s", err, b.String())
	}
	if !strings.HasPrefix(b.String(), "[\n  {\"province\": \"Long An\", \"n\": 2}") {
		t.Errorf("json keeps column order: %s", b.String())
	}
}

func TestSQLReadsPragmasAndNulls(t *testing.T) {
	db, _ := fixtureDB(t)
	ctx := context.Background()
	for _, q := range []string{
		"PRAGMA table_info(articles)",
		"PRAGMA user_version",
		"SELECT * FROM pragma_table_info('awards')",
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 3) SELECT i FROM n",
		"SELECT NULL AS empty, x'00ff' AS blob, 1.5 AS f",
	} {
		res, err := SQL(ctx, db.SQL(), q)
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		for _, f := range []Format{FormatTable, FormatCSV, FormatJSON} {
			if err := res.Write(&bytes.Buffer{}, f); err != nil {
				t.Errorf("%s as %s: %v", q, f, err)
			}
		}
	}
}

func TestSQLRefusesWrites(t *testing.T) {
	db, path := fixtureDB(t)
	ctx := context.Background()
	outside := filepath.Join(t.TempDir(), "other.db")
	for _, q := range []string{
		"DELETE FROM awards",
		"UPDATE articles SET province = 'X'",
		"INSERT INTO crawl_runs(started_at) VALUES ('now')",
		"DROP TABLE units",
		"CREATE TABLE t(x)",
		"CREATE TEMP TABLE t(x)",
		"ALTER TABLE units ADD COLUMN x",
		"ATTACH DATABASE '" + outside + "' AS other",
		"PRAGMA user_version = 99",
		"PRAGMA journal_mode = DELETE",
		"PRAGMA query_only = 0",
		"VACUUM INTO '" + outside + "'",
		"SELECT 1; DELETE FROM awards",
		"REINDEX",
		"ANALYZE",
		"INSERT INTO articles_fts(articles_fts) VALUES ('optimize')",
	} {
		_, err := SQL(ctx, db.SQL(), q)
		var ro *ReadOnlyError
		if !errors.As(err, &ro) {
			t.Errorf("%s: err = %v, want refused", q, err)
			continue
		}
		if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("%s: unclear error %q", q, err)
		}
	}
	if _, err := os.Stat(outside); err == nil {
		t.Error("a statement created a file outside the database")
	}
	// nothing changed
	res, err := SQL(ctx, db.SQL(), "SELECT (SELECT count(*) FROM awards), (SELECT count(*) FROM units), (SELECT count(*) FROM crawl_runs)")
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows[0][0] != int64(6) || res.Rows[0][1] != int64(11) || res.Rows[0][2] != int64(0) {
		t.Errorf("database changed: %v (%s)", res.Rows, path)
	}
}

func TestSQLBadQuery(t *testing.T) {
	db, _ := fixtureDB(t)
	_, err := SQL(context.Background(), db.SQL(), "SELEKT 1")
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("err = %v", err)
	}
	_, err = SQL(context.Background(), db.SQL(), "SELECT * FROM nowhere")
	if err == nil || !strings.Contains(err.Error(), "no such table: nowhere") {
		t.Errorf("err = %v", err)
	}
}

func TestSQLHostileCellsInCSV(t *testing.T) {
	db, _ := fixtureDB(t)
	res, err := SQL(context.Background(), db.SQL(), "SELECT name FROM units WHERE name LIKE '=%' OR name LIKE '+%'  ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	res.Write(&b, FormatCSV)
	if b.String() != "name\r\n'+1\r\n'=cmd|' /C calc'!A0\r\n" {
		t.Errorf("csv = %q", b.String())
	}
}
