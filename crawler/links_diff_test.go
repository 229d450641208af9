package crawler

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
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

// TestFindLinksMatchesReference checks the one-pass FindLinks against
// the goquery implementation it replaced.
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
// page, beside the goquery implementation it replaced.
func BenchmarkFindLinks(b *testing.B) {
	raw := linkPages(b)["realistic /bai/17.html"]
	for _, bc := range []struct {
		name string
		fn   func([]byte, string) (*Links, error)
	}{{"onepass", FindLinks}, {"goquery", findLinksRef}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := bc.fn(raw, "https://baothu.vn/bai/17.html"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
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

// FuzzFindLinksReference checks that the tokenizing FindLinks finds the
// links and feeds the DOM-based one finds, whatever the markup. (Dates
// and pagination may differ on markup an HTML5 parser would rearrange.)
func FuzzFindLinksReference(f *testing.F) {
	for _, raw := range linkPages(f) {
		if len(raw) < 4000 {
			f.Add(string(raw))
		}
	}
	f.Add(`<p><a href="/a">a<div><a href="/b">b</a></div></a><table><tr><td><a href=c>c</td></tr></table>`)
	f.Add(`<ul><li><a href=/x>x</a> 16/05/2024<li><a href=/y>y</a> 17/05/2024</ul><noscript><a href=/n>n</a></noscript>`)
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
