package query

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"

	_ "github.com/mattn/go-sqlite3"
)

func FuzzNeutralize(f *testing.F) {
	for _, s := range []string{"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "Đảng", "", "'=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Neutralize(s)
		if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) {
			t.Errorf("Neutralize(%q) = %q still starts with a formula character", s, got)
		}
		if got != s && got != "'"+s {
			t.Errorf("Neutralize(%q) = %q changed more than a prefix", s, got)
		}
	})
}

// FuzzCSVRoundTrip checks that any cell survives the CSV writer and
// reader (modulo the neutralizing quote and carriage returns) and can
// never open a formula.
func FuzzCSVRoundTrip(f *testing.F) {
	for _, s := range []string{"=cmd|' /C calc'!A0", "a,b", "say \"hi\"", "line\nbreak", "Thừa Thiên Huế", "-1"} {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		var buf bytes.Buffer
		cw, _ := newCSVWriter(&buf, false)
		if err := cw.write([]string{a, b}); err != nil {
			t.Fatal(err)
		}
		if err := cw.flush(); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("%q %q: unreadable CSV: %v", a, b, err)
		}
		if len(recs) != 1 || len(recs[0]) != 2 {
			// a record of one empty cell reads back as nothing
			if a == "" && b == "" {
				return
			}
			t.Fatalf("%q %q: read back %q", a, b, recs)
		}
		norm := func(s string) string {
			s = strings.ReplaceAll(Neutralize(s), "\r", "")
			return s
		}
		for i, want := range []string{a, b} {
			if got := recs[0][i]; got != norm(want) {
				t.Errorf("cell %d: wrote %q, read %q", i, want, got)
			}
		}
	})
}

func FuzzNormalizeDirective(f *testing.F) {
	for _, s := range []string{"01-KL/TW", "23 – NQ/TƯ", "03-CT/T.Ư", "368/QĐ-TTg", "  05 ct / tw "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeDirective(s)
		if NormalizeDirective(n) != n {
			t.Errorf("not idempotent: %q → %q → %q", s, n, NormalizeDirective(n))
		}
		if strings.ContainsAny(n, " \t\n–—") {
			t.Errorf("NormalizeDirective(%q) = %q keeps spaces or dashes", s, n)
		}
	})
}

func FuzzProvinceKey(f *testing.F) {
	for _, s := range []string{"Long An", "long an", "Tỉnh Thừa Thiên - Huế", "TP. Hồ Chí Minh", "Đắk Lắk", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		k := provinceKey(s)
		if provinceKey(k) != k && !strings.HasPrefix(k, "tinh ") && !strings.HasPrefix(k, "tp ") && !strings.HasPrefix(k, "thanh pho ") {
			t.Errorf("provinceKey not stable: %q → %q → %q", s, k, provinceKey(k))
		}
		if provinceKey(strings.ToUpper(s)) != k && utf8.ValidString(s) && strings.ToLower(strings.ToUpper(s)) == strings.ToLower(s) {
			t.Errorf("case matters: %q vs %q", s, strings.ToUpper(s))
		}
	})
}

func FuzzDisplayWidth(f *testing.F) {
	for _, s := range []string{"Thừa Thiên Huế", "Thừa Thiên Huế", "日本", "a\u0301", "\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := DisplayWidth(s)
		if w < 0 || w > 2*utf8.RuneCountInString(s) {
			t.Errorf("DisplayWidth(%q) = %d", s, w)
		}
		c := cellText(s, 10)
		if DisplayWidth(c) > 10 || strings.ContainsAny(c, "\n\r\t") {
			t.Errorf("cellText(%q, 10) = %q", s, c)
		}
	})
}

// FuzzExpandQuery checks against a real FTS4 index that the rewrite
// never turns a valid query into an invalid one, nor finds less.
func FuzzExpandQuery(f *testing.F) {
	for _, s := range []string{"dang uy", `"dang uy" OR tinh`, "title:dang", "dan*", "(doan OR hoi) NOT dang", "d NEAR/2 u", `"d`, "AND", "đảng"} {
		f.Add(s)
	}
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{
		`CREATE VIRTUAL TABLE t USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2")`,
		`INSERT INTO t(rowid, title, body) VALUES (1, 'Đảng ủy khen thưởng', 'Đoàn thanh niên và Hội phụ nữ'), (2, 'dân vận', 'dang dở, đang làm')`,
	} {
		if _, err := db.Exec(q); err != nil {
			f.Fatal(err)
		}
	}
	count := func(q string) (int, error) {
		var n int
		err := db.QueryRowContext(context.Background(), `SELECT count(*) FROM t WHERE t MATCH ?`, q).Scan(&n)
		return n, err
	}
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) || strings.ContainsRune(q, 0) {
			return
		}
		x := ExpandQuery(q)
		before, err1 := count(q)
		after, err2 := count(x)
		if err1 == nil && err2 != nil {
			t.Fatalf("ExpandQuery(%q) = %q broke a valid query: %v", q, x, err2)
		}
		if err1 == nil && err2 == nil && after < before && !strings.Contains(q, "NOT") && !strings.Contains(q, "-") {
			t.Errorf("ExpandQuery(%q) = %q finds %d rows, the query itself %d", q, x, after, before)
		}
	})
}
