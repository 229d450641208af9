package store

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/extract/vntext"
)

func FuzzContentHash(f *testing.F) {
	for _, s := range []string{
		"Khen thưởng 10 tập thể, 30 cá nhân",
		"Sáng 16/5, Đảng ủy khối\n\ntổ chức hội nghị.",
		"Khen thu\u031bo\u031b\u0309ng",
		"",
		" \t\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if got, want := normalizeBody(body), refNormalizeBody(body); got != want {
			t.Fatalf("normalizeBody(%q) = %q, rune by rune %q", body, got, want)
		}
		h := ContentHash(body)
		if len(h) != 64 {
			t.Fatalf("hash %q is not hex SHA-256", h)
		}
		// Spacing and composition do not change the hash.
		spaced := " " + strings.Join(strings.Fields(body), "\n\t ") + "\n"
		if utf8.ValidString(body) && ContentHash(spaced) != h {
			t.Errorf("respacing %q changed its hash", body)
		}
		if utf8.ValidString(body) && ContentHash(vntext.NFC(body)) != h {
			t.Errorf("NFC of %q changed its hash", body)
		}
	})
}

// refNormalizeBody is normalizeBody as first written, rune by rune.
func refNormalizeBody(body string) string {
	var b strings.Builder
	space := false
	for _, r := range vntext.NFC(body) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// FuzzSaveArticle stores arbitrary text and checks it reads back as NFC,
// in place, with the index searchable by its folded words.
func FuzzSaveArticle(f *testing.F) {
	f.Add("Khen thưởng 10 tập thể", "Đảng ủy khối tặng giấy khen cho 10 tập thể, 30 cá nhân.", "Bí thư Huyện ủy Châu Thành")
	f.Add("", "", "")
	f.Add("'; DROP TABLE articles; --", "\"khen\" OR thuong*", "Phó Chủ tịch UBND tỉnh")
	d := openTemp(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, title, body, officialTitle string) {
		if !utf8.ValidString(title) || !utf8.ValidString(body) || !utf8.ValidString(officialTitle) {
			t.Skip()
		}
		const u = "https://fuzz.vn/bai"
		a := &facts.Article{URL: u, Title: facts.Str(title), Body: body,
			Officials: []facts.Official{{Name: "Nguyễn Văn A", Titles: []string{officialTitle}}}}
		id, _, err := d.SaveArticle(ctx, &Page{URL: u, Raw: []byte(body)}, a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := d.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != clean(body) {
			t.Errorf("body %q read back as %q", body, got.Body)
		}
		wantTitle := clean(title)
		if (strings.TrimSpace(wantTitle) == "") != (got.Title == nil) || (got.Title != nil && *got.Title != wantTitle) {
			t.Errorf("title %q read back as %v", title, got.Title)
		}
		wantTitles := JoinTitles([]string{officialTitle})
		if JoinTitles(got.Officials[0].Titles) != wantTitles {
			t.Errorf("official title %q read back as %q", officialTitle, got.Officials[0].Titles)
		}
		if n := count(t, d, "SELECT count(*) FROM articles"); n != 1 {
			t.Errorf("%d articles for one URL", n)
		}
		// Every plain folded word of the text finds the article.
		for _, w := range strings.Fields(vntext.Fold(title + " " + body)) {
			if !isWord(w) {
				continue
			}
			if n := count(t, d, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, `"`+w+`"`); n != 1 {
				t.Errorf("MATCH %q found %d rows in %q", w, n, title+" "+body)
			}
			break
		}
	})
}

// isWord reports whether w is ASCII letters and digits only, a token
// unicode61 keeps whole.
func isWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return w != ""
}
