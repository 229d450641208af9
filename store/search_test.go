package store

import (
	"context"
	"strings"
	"testing"

	"github.com/vnnews/vnnews/extract/facts"
)

func TestMatchQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"khen thuong", `"khen" "thuong"`},
		{"Khen thưởng", `"khen" "thuong"`},
		{"Đảng ủy", `"dang" "uy"`},
		{`"Đảng ủy khối" Long An`, `"dang uy khoi" "long" "an"`},
		{"01-KL/TW", `"01 kl tw"`},
		{"khen OR NOT -thuong*", `"khen" "or" "not" "thuong"`},
		{`unclosed "quote here`, `"unclosed" "quote here"`},
		{"  ,.;  ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MatchQuery(tt.in); got != tt.want {
			t.Errorf("MatchQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func FuzzMatchQuery(f *testing.F) {
	for _, s := range []string{"khen thuong", `"Đảng ủy" 01-KL/TW`, `a" OR (b`, "NEAR/3 *", "\x00"} {
		f.Add(s)
	}
	d := openTemp(f)
	f.Fuzz(func(t *testing.T, q string) {
		m := MatchQuery(q)
		if m == "" {
			return
		}
		// Whatever the user typed, the expression is valid FTS4.
		var n int
		if err := d.SQL().QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, m).Scan(&n); err != nil {
			t.Fatalf("MatchQuery(%q) = %s: %v", q, m, err)
		}
	})
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	a := sampleArticle("https://longan.dcs.vn/khen")
	b := sampleArticle("https://baolongan.vn/hop")
	b.Title = facts.Str("Hội nghị Huyện ủy Châu Thành")
	b.Published = facts.Str("2024-06-01")
	b.Body = "Chiều 1/6, Huyện ủy Châu Thành tổ chức hội nghị quán triệt Chỉ thị 05-CT/TW."
	for _, x := range []*facts.Article{a, b} {
		if _, _, err := d.SaveArticle(ctx, nil, x); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"khen thuong", []string{a.URL}},
		{"khen thưởng", []string{a.URL}},
		{"dang uy", []string{a.URL}},
		{"huyen uy", []string{b.URL}},
		{"05-CT/TW", []string{b.URL}},
		{"tỉnh ủy OR", nil},
		{"Châu Thành", []string{b.URL}},
		{"16/5", []string{a.URL}},
		{"tổ chức", []string{b.URL, a.URL}}, // newest first
	}
	for _, tt := range tests {
		hits, err := d.Search(ctx, tt.q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.q, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.URL)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("Search(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
	hits, _ := d.Search(ctx, "khen thuong", 0)
	if len(hits) != 1 || hits[0].Title != *a.Title || hits[0].Province != "Long An" || !strings.Contains(hits[0].Snippet, "[khen]") {
		t.Errorf("hit = %+v", hits)
	}
	if _, err := d.Search(ctx, " ... ", 0); err == nil {
		t.Error("Search of no words succeeded")
	}
}
