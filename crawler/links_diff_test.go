package crawler

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnnews/vnnews/extract/page"
)

// linkPages are pages to run both FindLinks implementations over: the
// sample site's, the realistic test site's and the classifier's.
func linkPages(t testing.TB) map[string][]byte {
	t.Helper()
	pages := map[string][]byte{
		"article with related box":  []byte(fmt.Sprintf(articleWithRelated, relatedBox())),
		"listing with teasers":      []byte(listingWithTeasers()),
		"listing with long teasers": []byte(longTeasers()),
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "site", "*", "*.html"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "site", "*", "*", "*.html"))
	for _, f := range append(files, more...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[f] = raw
	}
	site := newTestSite(t, 40, func(s *testSite) { s.realistic = true })
	for _, p := range []string{"/", "/tin-tuc?page=2", "/bai/17.html"} {
		resp, err := http.Get(site.URL() + p)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		pages["realistic "+p] = raw
	}
	return pages
}

// TestFindLinksMatchesReference checks FindLinks against the goquery
// implementation it replaced.
func TestFindLinksMatchesReference(t *testing.T) {
	for name, raw := range linkPages(t) {
		const u = "https://tinhuy.quangtri.vn/tin-tuc/trang.html"
		got, err := FindLinks(raw, u)
		if err != nil {
			t.Fatal(err)
		}
		want, err := findLinksRef(raw, u)
		if err != nil {
			t.Fatal(err)
		}
		if got.Dated != want.Dated || len(got.Links) != len(want.Links) {
			t.Errorf("%s: %d links, %d dated; want %d, %d", name, len(got.Links), got.Dated, len(want.Links), want.Dated)
			continue
		}
		for i := range got.Links {
			g, w := got.Links[i], want.Links[i]
			if g.URL != w.URL || g.Pagination != w.Pagination || g.Feed != w.Feed || !g.Date.Equal(w.Date) || g.item != w.item {
				t.Errorf("%s: link %d = %+v\nwant %+v", name, i, g, w)
			}
		}
	}
}

// BenchmarkFindLinks measures FindLinks on a realistic 39 kB article
// page, beside the goquery implementation it replaced; "walk" is
// FindLinksIn alone, over a tree already parsed, which is what the
// crawler pays on top of extraction.
func BenchmarkFindLinks(b *testing.B) {
	raw := linkPages(b)["realistic /bai/17.html"]
	const u = "https://baothu.vn/bai/17.html"
	for _, bc := range []struct {
		name string
		fn   func([]byte, string) (*Links, error)
	}{{"parse+walk", FindLinks}, {"goquery", findLinksRef}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := bc.fn(raw, u); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("walk", func(b *testing.B) {
		doc, err := page.ParseTree(raw)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			if _, err := FindLinksIn(doc, u); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestFindDate(t *testing.T) {
	for s, want := range map[string]string{
		"Cập nhật: 16/05/2024 08:30":          "2024-05-16",
		"(20/5/2024)":                         "2024-05-20",
		"20/05/2024Sáng 16/5, Ban Thường vụ":  "2024-05-20",
		"Ngày 2024-05-16T08:00":               "2024-05-16",
		"16.05.2024":                          "2024-05-16",
		"31/02/2024 rồi 01/03/2024":           "2024-03-01",
		"Kết luận số 01-KL/TW ngày 18/5/2021": "2021-05-18",
		"mã 116/05/2024":                      "",
		"16/05/20245":                         "",
		"Số 123-2024-05-16":                   "2024-05-16",
		"năm 2024":                            "",
	} {
		got := ""
		if d, ok := findDate(s); ok {
			got = d.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("findDate(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzFindDate checks the hand-written date scanner against the regular
// expression it replaced.
func FuzzFindDate(f *testing.F) {
	for _, s := range []string{"16/05/2024", "20/05/2024Sáng 16/5", "2024-05-16", "1/1/1999 và 31.12.2000", "Thứ Hai, 31/02/2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gok := findDate(s)
		want, wok := refFindDate(s)
		if gok != wok || !got.Equal(want) {
			t.Fatalf("findDate(%q) = %v %v, regexp says %v %v", s, got, gok, want, wok)
		}
	})
}

// FuzzFindLinksReference checks that FindLinks finds what the
// goquery implementation finds, whatever the markup: the same links and
// feeds always, and the same pagination, dates and listing items when
// the page has no script or style (whose text the reference counts as
// the item's and FindLinks does not).
func FuzzFindLinksReference(f *testing.F) {
	for _, raw := range linkPages(f) {
		if len(raw) < 4000 {
			f.Add(string(raw))
		}
	}
	f.Add(`<p><a href="/a">a<div><a href="/b">b</a></div></a><table><tr><td><a href=c>c</td></tr></table>`)
	f.Add(`<ul><li><a href=/x>x</a> 16/05/2024<li><a href=/y>y</a> 17/05/2024</ul><noscript><a href=/n>n</a></noscript>`)
	f.Add(`<ul><li><a href=/x>x</a> 16/05/<b>2024</b><li><time datetime=bad></time><a href=/y>y</a> 17/05/2024</ul>`)
	f.Fuzz(func(t *testing.T, page string) {
		const u = "https://baolongan.vn/tin-tuc/"
		got, err := FindLinks([]byte(page), u)
		if err != nil {
			return
		}
		want, err := findLinksRef([]byte(page), u)
		if err != nil {
			return
		}
		lower := strings.ToLower(page)
		if !strings.Contains(lower, "<script") && !strings.Contains(lower, "<style") {
			if got.Dated != want.Dated || len(got.Links) != len(want.Links) {
				if datesReadApart(page) {
					return
				}
				t.Fatalf("%d links, %d dated; the DOM-based scan %d, %d", len(got.Links), got.Dated, len(want.Links), want.Dated)
			}
			for i := range got.Links {
				g, w := got.Links[i], want.Links[i]
				if g.URL != w.URL || g.Pagination != w.Pagination || g.Feed != w.Feed {
					t.Fatalf("link %d = %+v\nthe DOM-based scan %+v", i, g, w)
				}
				if (!g.Date.Equal(w.Date) || g.item != w.item) && !datesReadApart(page) {
					t.Fatalf("link %d = %+v\nthe DOM-based scan %+v", i, g, w)
				}
			}
			return
		}
		g, w := map[string]bool{}, map[string]bool{}
		for _, l := range got.Links {
			g[fmt.Sprint(l.URL, l.Feed)] = true
		}
		for _, l := range want.Links {
			w[fmt.Sprint(l.URL, l.Feed)] = true
		}
		if len(g) != len(w) {
			t.Fatalf("found %v, the DOM-based scan %v", g, w)
		}
		for k := range w {
			if !g[k] {
				t.Fatalf("missed %s; found %v", k, g)
			}
		}
	})
}

// datesReadApart reports whether findDate and the regular expression it
// replaced read a date differently somewhere in s: the expression does
// not look past its third match, and a failed match swallows the
// separator a following date starts after ("0.0.2000A01.1.2000").
// FuzzFindDate covers the scanners; the link finders are compared where
// they agree.
func datesReadApart(s string) bool {
	for i := 0; i < len(s); i++ {
		if i > 0 && isDigit(s[i-1]) || !isDigit(s[i]) {
			continue
		}
		g, gok := findDate(s[i:])
		w, wok := refFindDate(s[i:])
		if gok != wok || !g.Equal(w) {
			return true
		}
	}
	return false
}
