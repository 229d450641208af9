package query

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	db, _ := fixtureDB(t)
	ctx := context.Background()
	tests := []struct {
		q       string
		wantURL []string // the first hits, in order
		n       int      // total hits
		snippet string   // the first hit's snippet holds this
	}{
		{"khen thưởng", []string{"baothuathienhue.vn"}, 3, "[khen] [thưởng]"},
		{"khen thuong", []string{"baothuathienhue.vn"}, 3, "[khen] [thưởng]"},
		{"KHEN THUONG", []string{"baothuathienhue.vn"}, 3, ""},
		{`"khen thuong"`, []string{"baothuathienhue.vn"}, 3, "[khen] [thưởng]"},
		{"dang uy khoi", []string{"baolongan.vn"}, 1, "[Đảng] [ủy] [khối]"},
		{`"dan van kheo"`, []string{"baothuathienhue.vn"}, 1, "[dân] [vận] [khéo]"},
		{"bieu duong", []string{"hanoimoi.vn"}, 1, ""},
		{"tap the NOT Long", []string{"hanoimoi.vn"}, 3, ""},
		{"Huế OR Tân", nil, 2, ""},
		{"thanh*", nil, 2, "[Thành]"},
		{"title:Kết", nil, 2, ""},
		{"xyzzy", nil, 0, ""},
	}
	for _, tc := range tests {
		hits, err := Search(ctx, db.SQL(), tc.q, SearchOptions{})
		if err != nil {
			t.Errorf("%q: %v", tc.q, err)
			continue
		}
		if len(hits) != tc.n {
			t.Errorf("%q: %d hits, want %d: %+v", tc.q, len(hits), tc.n, hits)
			continue
		}
		for i, u := range tc.wantURL {
			if !strings.Contains(hits[i].URL, u) {
				t.Errorf("%q: hit %d is %s, want %s", tc.q, i, hits[i].URL, u)
			}
		}
		if tc.snippet != "" && !strings.Contains(hits[0].Snippet, tc.snippet) {
			t.Errorf("%q: snippet %q lacks %q", tc.q, hits[0].Snippet, tc.snippet)
		}
	}
}

func TestSearchShowsArticleFields(t *testing.T) {
	db, _ := fixtureDB(t)
	hits, err := Search(context.Background(), db.SQL(), "bieu duong", SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	h := hits[0]
	if h.Title != "Hà Nội biểu dương 27 tập thể, cá nhân tiêu biểu" || h.Date != "2023-12-14" || h.Province != "Hà Nội" {
		t.Errorf("hit = %+v", h)
	}
	var b bytes.Buffer
	if err := WriteHits(&b, hits, FormatTable); err != nil {
		t.Fatal(err)
	}
	want := "1. Hà Nội biểu dương 27 tập thể, cá nhân tiêu biểu (2023-12-14, Hà Nội)\n   https://hanoimoi.vn/bieu-duong-a3.html\n"
	if !strings.HasPrefix(b.String(), want) {
		t.Errorf("table:\n%s\nwant prefix:\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteHits(&b, hits, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var back []Hit
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back) != 1 || back[0].URL != h.URL {
		t.Errorf("json round trip: %v %+v", err, back)
	}
}

func TestSearchLimitAndRank(t *testing.T) {
	db, _ := fixtureDB(t)
	hits, err := Search(context.Background(), db.SQL(), "tap the", SearchOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Fatalf("%d hits, want 2", len(hits))
	}
	if hits[0].Score < hits[1].Score {
		t.Errorf("not ranked: %v then %v", hits[0].Score, hits[1].Score)
	}
}

func TestSearchBadQuery(t *testing.T) {
	db, _ := fixtureDB(t)
	for _, q := range []string{`"khen`, `khen AND`, `(khen`, `NOT`, `OR khen`} {
		_, err := Search(context.Background(), db.SQL(), q, SearchOptions{})
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("%q: err = %v, want a QueryError", q, err)
			continue
		}
		if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "invalid search query") {
			t.Errorf("%q: error %q is not one clear line", q, err)
		}
	}
	_, err := Search(context.Background(), db.SQL(), "  ", SearchOptions{})
	var oe *OptionError
	if !errors.As(err, &oe) {
		t.Errorf("empty query: err = %v", err)
	}
}

func TestSearchEmptyDatabase(t *testing.T) {
	db := emptyDB(t)
	hits, err := Search(context.Background(), db.SQL(), "khen thuong", SearchOptions{})
	if err != nil || len(hits) != 0 {
		t.Fatalf("hits %v, err %v", hits, err)
	}
	var b bytes.Buffer
	WriteHits(&b, hits, FormatJSON)
	if b.String() != "[]\n" {
		t.Errorf("json = %q", b.String())
	}
}

func TestExpandQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"khen thuong", "khen thuong"},
		{"dang uy", "(dang OR đang) uy"},
		{`"dang uy" OR tinh`, `("dang uy" OR "đang uy") OR tinh`},
		{"title:dang", "(title:dang OR title:đang)"},
		{"dan*", "(dan* OR đan*)"},
		{"(doan OR hoi) NOT dang", "((doan OR đoan) OR hoi) NOT (dang OR đang)"},
		{"dang NEAR uy", "dang NEAR uy"},
		{`"dang`, `"dang`},
		{"đảng", "đảng"},
		{"dddd", "(dddd OR đddd OR dđdd OR đđdd OR ddđd OR đdđd OR dđđd OR đđđd)"},
	}
	for _, tc := range tests {
		if got := ExpandQuery(tc.in); got != tc.want {
			t.Errorf("ExpandQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
