package query

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnnews/vnnews/store"
)

// benchProvinces are the provinces the generated database spreads over.
var benchProvinces = []string{
	"An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
	"Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
	"Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
	"Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
	"Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
	"Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
	"Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
	"Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
	"Tiền Giang", "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
}

// genDB writes a database of nArticles articles with awardsPer awards
// each, in one transaction through recursive CTEs. Every 20th article
// repeats the previous article's ceremony from another site, so dedup has
// work to do.
func genDB(tb testing.TB, path string, nArticles, awardsPer int) {
	tb.Helper()
	db, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	var vals []string
	for _, p := range benchProvinces {
		vals = append(vals, "('"+p+"')")
	}
	stmts := []string{
		`CREATE TEMP TABLE prov(pi INTEGER PRIMARY KEY, name TEXT)`,
		`INSERT INTO prov(name) VALUES ` + strings.Join(vals, ","),
		fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < %d)
		INSERT INTO articles(id, url, site, province, title, published, event_date, body, fetched_at)
		SELECT i,
			'https://site' || (i %% 7) || '.example.vn/tin/' || i,
			'site' || (i %% 7) || '.example.vn',
			(SELECT name FROM prov WHERE prov.pi = 1 + ((CASE WHEN i %% 20 = 0 THEN i-1 ELSE i END) * 7919) %% %d),
			'Khen thưởng tập thể, cá nhân tiêu biểu số ' || i,
			date('2019-01-01', '+' || (((CASE WHEN i %% 20 = 0 THEN i-1 ELSE i END) * 31) %% 2500) || ' days'),
			CASE WHEN i %% 11 = 0 THEN NULL ELSE date('2019-01-01', '+' || (((CASE WHEN i %% 20 = 0 THEN i-1 ELSE i END) * 31) %% 2500) || ' days') END,
			'',
			'2025-01-01T00:00:00Z'
		FROM n`, nArticles, len(benchProvinces)),
		fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM n WHERE i < %d)
		INSERT INTO awards(article_id, collectives, individuals, total, form, conferred_by, evidence)
		SELECT a, c, ind, c + ind,
			CASE k %% 3 WHEN 0 THEN 'giấy khen' WHEN 1 THEN 'bằng khen' ELSE 'khen thưởng' END,
			'Ban Thường vụ Tỉnh ủy',
			'Tặng giấy khen cho ' || c || ' tập thể và ' || ind || ' cá nhân.'
		FROM (SELECT 1 + i / %d AS a, i %% %d AS k,
			(((CASE WHEN (1 + i / %d) %% 20 = 0 THEN i - %d ELSE i END) * 2654435761) %% 1000003) %% 50 AS c,
			(((CASE WHEN (1 + i / %d) %% 20 = 0 THEN i - %d ELSE i END) * 40503) %% 999983) %% 90 AS ind FROM n)`,
			nArticles*awardsPer-1, awardsPer, awardsPer, awardsPer, awardsPer, awardsPer, awardsPer),
		`INSERT INTO directives(article_id, code, kind, issued_on, mention)
		SELECT id, CASE id % 3 WHEN 0 THEN '01-KL/TW' WHEN 1 THEN '05-CT/TW' ELSE '21-CT/TW' END, 'Kết luận', NULL, '' FROM articles WHERE id % 4 <> 0`,
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			tb.Fatalf("generate: %v\n%s", err, s)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, "ANALYZE"); err != nil {
		tb.Fatal(err)
	}
}

// millionDB returns the path of a generated database with 1,000,000 award
// rows, built once and cached in the temp dir across runs; a cached file
// whose schema differs from the store's current one is built again.
func millionDB(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("vnnews-query-1m-v4-s%d.db", store.SchemaVersion()))
	want := schemaSQL(tb, "")
	if _, err := os.Stat(path); err == nil && schemaSQL(tb, path) == want {
		return path
	}
	tmp := path + ".part"
	for _, suf := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suf)
	}
	genDB(tb, tmp, 250_000, 4)
	for _, suf := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suf)
	}
	for _, suf := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suf)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// schemaSQL returns the schema of the database at path, or of a new
// store database when path is "".
func schemaSQL(tb testing.TB, path string) string {
	tb.Helper()
	if path == "" {
		path = filepath.Join(tb.TempDir(), "schema.db")
		db, err := store.Open(path)
		if err != nil {
			tb.Fatal(err)
		}
		db.Close()
	}
	db, err := store.OpenReadOnly(path)
	if err != nil {
		return ""
	}
	defer db.Close()
	var s string
	if err := db.SQL().QueryRow(`SELECT group_concat(coalesce(sql, ''), ';') FROM (SELECT sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name)`).Scan(&s); err != nil {
		return ""
	}
	return s
}
