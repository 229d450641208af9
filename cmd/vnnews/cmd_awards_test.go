package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/store"
)

// analystDB stores three articles through the store: one ceremony in
// Long An reported by two portals, and a Hà Nội article whose unit is a
// formula.
func analystDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vnnews.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, n := facts.Str, facts.Int
	for _, a := range []*facts.Article{
		{
			URL: "https://baolongan.vn/a1.html", Title: s("Khen thưởng 10 tập thể, 30 cá nhân"),
			Published: s("2024-05-16"), EventDate: s("2024-05-16"), Province: s("Long An"),
			Directives: []facts.Directive{{Code: "01-KL/TW", Kind: "Kết luận"}},
			Awards: []facts.Award{{Collectives: n(10), Individuals: n(30), Total: n(40), Form: "giấy khen",
				Evidence: "Đảng ủy khối tặng giấy khen cho 10 tập thể, 30 cá nhân."}},
			Units: []facts.Unit{{Name: "Đảng bộ Cục Thuế tỉnh", Role: facts.RoleExemplary}},
			Body:  "Đảng ủy khối tặng giấy khen cho 10 tập thể, 30 cá nhân có thành tích xuất sắc.",
		},
		{
			URL: "https://longan.dcs.vn/a2.html", Title: s("Sơ kết Kết luận 01"),
			Published: s("2024-05-17"), EventDate: s("2024-05-16"), Province: s("Long An"),
			Awards: []facts.Award{{Collectives: n(10), Individuals: n(30), Total: n(40), Form: "khen thưởng",
				Evidence: "10 tập thể và 30 cá nhân được khen thưởng."}},
			Body: "Nhân dịp này, 10 tập thể và 30 cá nhân được khen thưởng.",
		},
		{
			URL: "https://hanoimoi.vn/a3.html", Title: s("Hà Nội biểu dương điển hình"),
			Published: s("2023-12-14"), EventDate: s("2023-12-14"), Province: s("Hà Nội"),
			Awards: []facts.Award{{Collectives: n(5), Individuals: n(0), Total: n(5), Form: "bằng khen"}},
			Units:  []facts.Unit{{Name: "=HYPERLINK(\"http://x\")", Role: facts.RoleAwarded}, {Name: "Ấp Bắc", Role: facts.RoleAwarded}},
			Body:   "Thành ủy tặng bằng khen cho 5 tập thể.",
		},
	} {
		if _, _, err := db.SaveArticle(context.Background(), nil, a); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestAwardsCommand(t *testing.T) {
	db := analystDB(t)
	code, out, errs := runCLI(t, "", "awards", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"province", "Hà Nội", "Long An            10           30     40         1", "merged 1 repeat"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "", "awards", "--db", db, "--all", "--province", "long an", "--format", "csv")
	if code != 0 || out != "province,collectives,individuals,total,articles\r\nLong An,20,60,80,2\r\n" {
		t.Errorf("exit %d, csv %q", code, out)
	}
	code, out, _ = runCLI(t, "", "awards", "--by", "province,year", "--db", db, "--format", "json", "--directive", "01-kl/tw")
	var res struct {
		Rows []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil || len(res.Rows) != 1 || res.Rows[0]["year"] != "2024" {
		t.Errorf("exit %d, err %v, json %s", code, err, out)
	}
	code, out, _ = runCLI(t, "", "awards", "--db", db, "--evidence", "--province", "Long An")
	if code != 0 || !strings.Contains(out, "also reported: https://longan.dcs.vn/a2.html") {
		t.Errorf("exit %d, evidence:\n%s", code, out)
	}
}

func TestAnalystCommandErrors(t *testing.T) {
	db := analystDB(t)
	missing := filepath.Join(t.TempDir(), "missing.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"awards", "--db", missing}, 1, "missing.db"},
		{[]string{"search", "khen", "--db", missing}, 1, "missing.db"},
		{[]string{"export", "units", "--db", missing}, 1, "missing.db"},
		{[]string{"sql", "SELECT 1", "--db", missing}, 1, "missing.db"},
		{[]string{"awards", "--db", db, "--by", "planet"}, 2, `unknown dimension "planet"`},
		{[]string{"awards", "--db", db, "--from", "hôm qua"}, 2, "--from"},
		{[]string{"awards", "--db", db, "--format", "xml"}, 2, "unknown format"},
		{[]string{"search", "--db", db}, 2, "missing QUERY"},
		{[]string{"search", `"khen`, "--db", db}, 2, "invalid search query"},
		{[]string{"search", "khen", "--limit", "0", "--db", db}, 2, "--limit"},
		{[]string{"export", "--db", db}, 2, "want one table"},
		{[]string{"export", "secrets", "--db", db}, 2, `unknown table "secrets"`},
		{[]string{"sql", "--db", db}, 2, "missing QUERY"},
		{[]string{"sql", "DELETE FROM awards", "--db", db}, 1, "refused DELETE on awards"},
		{[]string{"sql", "ATTACH DATABASE 'x.db' AS x", "--db", db}, 1, "refused ATTACH"},
		{[]string{"sql", "PRAGMA user_version = 7", "--db", db}, 1, "refused PRAGMA user_version"},
		{[]string{"sql", "SELEKT", "--db", db}, 1, "syntax error"},
	}
	for _, tc := range tests {
		code, _, errs := runCLI(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q on one line", tc.args, code, errs, tc.code, tc.want)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a query command created the missing database")
	}
	if _, err := os.Stat("x.db"); err == nil {
		t.Error("ATTACH created x.db")
	}
}

func TestEmptyDatabaseCommands(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"awards"}, "no awards match\n"},
		{[]string{"search", "khen thuong"}, "no articles match\n"},
		{[]string{"export", "units"}, "name,role,evidence,article_id,province,date,published,title,url\r\n"},
		{[]string{"sql", "SELECT count(*) AS n FROM awards", "--format", "csv"}, "n\r\n0\r\n"},
	} {
		code, out, errs := runCLI(t, "", append(tc.args, "--db", path)...)
		if code != 0 || out != tc.want {
			t.Errorf("%v: exit %d, out %q, stderr %q; want %q", tc.args, code, out, errs, tc.want)
		}
	}
}

func TestSearchCommand(t *testing.T) {
	db := analystDB(t)
	code, out, errs := runCLI(t, "", "search", "khen thuong", "--db", db)
	if code != 0 || !strings.Contains(out, "[khen] [thưởng]") || !strings.Contains(out, "(2024-05-17, Long An)") {
		t.Errorf("exit %d (%s):\n%s", code, errs, out)
	}
	code, out, _ = runCLI(t, "", "search", "--format", "json", "--limit", "1", "--db", db, `"dang uy khoi"`)
	var hits []map[string]any
	if err := json.Unmarshal([]byte(out), &hits); code != 0 || err != nil || len(hits) != 1 || hits[0]["url"] != "https://baolongan.vn/a1.html" {
		t.Errorf("exit %d, %v: %s", code, err, out)
	}
}

func TestExportCommand(t *testing.T) {
	db := analystDB(t)
	out := filepath.Join(t.TempDir(), "units.csv")
	code, stdout, errs := runCLI(t, "", "export", "units", "--db", db, "--out", out, "--bom")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, errs)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF")) {
		t.Error("no BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(raw[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range recs[1:] {
		names = append(names, r[0])
	}
	want := []string{`'=HYPERLINK("http://x")`, "Ấp Bắc", "Đảng bộ Cục Thuế tỉnh"}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("units %q, want %q", names, want)
	}
	if recs[2][4] != "Hà Nội" || recs[2][8] != "https://hanoimoi.vn/a3.html" {
		t.Errorf("row not joined with its article: %v", recs[2])
	}
	// a failing export leaves the old file alone
	os.WriteFile(out, []byte("keep"), 0o644)
	code, _, _ = runCLI(t, "", "export", "units", "--db", filepath.Join(t.TempDir(), "gone.db"), "--out", out)
	if b, _ := os.ReadFile(out); code != 1 || string(b) != "keep" {
		t.Errorf("exit %d, file %q", code, b)
	}
}

func TestSQLCommand(t *testing.T) {
	db := analystDB(t)
	code, out, errs := runCLI(t, "", "sql", "SELECT province, count(*) AS n FROM articles GROUP BY province ORDER BY province", "--db", db)
	want := "province  n\n────────  ─\nHà Nội    1\nLong An   2\n(2 rows)\n"
	if code != 0 || out != want {
		t.Errorf("exit %d (%s):\n%s\nwant:\n%s", code, errs, out, want)
	}
	code, out, _ = runCLI(t, "", "sql", "--format", "json", "--db", db, "SELECT name FROM units WHERE role = 'exemplary'")
	if code != 0 || out != "[\n  {\"name\": \"Đảng bộ Cục Thuế tỉnh\"}\n]\n" {
		t.Errorf("exit %d, json %q", code, out)
	}
}
