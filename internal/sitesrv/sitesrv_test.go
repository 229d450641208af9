package sitesrv

import (
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vnnews/vnnews"
)

func TestServe(t *testing.T) {
	fsys := fstest.MapFS{
		"a/index.html":   {Data: []byte("<p>trang chủ</p>")},
		"a/tin/bai.html": {Data: []byte("<meta charset=windows-1258>")},
		"a/rss.xml":      {Data: []byte("<rss/>")},
		"a/robots.txt":   {Data: []byte("User-agent: *\n")},
		"a/files/kh.pdf": {Data: []byte("%PDF-1.4")},
		"b/index.html":   {Data: []byte("b")},
		"README.md":      {Data: []byte("not a site")},
	}
	sites, err := Serve(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(sites)
	if len(sites) != 2 || sites[0].Name != "a" || sites[1].Name != "b" || sites[0].URL == sites[1].URL {
		t.Fatalf("sites = %+v", sites)
	}
	get := func(path string) (int, string, string) {
		resp, err := http.Get(sites[0].URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
	}
	tests := []struct{ path, ctype, body string }{
		{"/", "text/html", "trang chủ"},
		{"/tin/bai.html", "text/html", "windows-1258"}, // no charset in the header: the page's meta decides
		{"/rss.xml", "application/rss+xml", "<rss/>"},
		{"/robots.txt", "text/plain; charset=utf-8", "User-agent"},
		{"/files/kh.pdf", "application/pdf", "%PDF"},
	}
	for _, tc := range tests {
		code, ct, body := get(tc.path)
		if code != 200 || ct != tc.ctype || !strings.Contains(body, tc.body) {
			t.Errorf("GET %s = %d %q %q", tc.path, code, ct, body)
		}
	}
	if code, _, _ := get("/khong-co.html"); code != http.StatusNotFound {
		t.Errorf("missing page: %d, want 404", code)
	}
}

// twoSites is a tree of two small sites.
var twoSites = fstest.MapFS{
	"a/index.html": {Data: []byte("site a")},
	"b/index.html": {Data: []byte("site b")},
}

// body fetches u and returns its body.
func body(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// port returns the port of a site's URL.
func port(t *testing.T, s *Site) int {
	t.Helper()
	u, err := url.Parse(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	p, err := strconv.Atoi(u.Port())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func TestServeFixedPort(t *testing.T) {
	want := freePort(t)
	sites, err := Serve(twoSites, map[string]int{"a": want})
	if err != nil {
		t.Fatal(err)
	}
	defer Close(sites)
	a, b := sites[0], sites[1]
	if a.Fallback || a.Port != want || port(t, a) != want {
		t.Errorf("site a = %+v, want it on port %d", a, want)
	}
	if b.Fallback || b.Port != 0 {
		t.Errorf("site b = %+v, want a random port and no fallback", b)
	}
	if got := body(t, a.URL+"/"); got != "site a" {
		t.Errorf("site a serves %q", got)
	}
}

func TestServeFallsBackWhenPortTaken(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	taken := busy.Addr().(*net.TCPAddr).Port
	sites, err := Serve(twoSites, map[string]int{"a": taken})
	if err != nil {
		t.Fatalf("Serve with a taken port: %v", err)
	}
	defer Close(sites)
	a := sites[0]
	if !a.Fallback || a.Port != taken || port(t, a) == taken {
		t.Errorf("site a = %+v, want a fallback from the taken port %d", a, taken)
	}
	if got := body(t, a.URL+"/"); got != "site a" {
		t.Errorf("site a on its fallback port serves %q", got)
	}
	if got := body(t, sites[1].URL+"/"); got != "site b" {
		t.Errorf("site b serves %q", got)
	}
}

// TestSamplePorts checks that every sample site has its own fixed port,
// in the documented range.
func TestSamplePorts(t *testing.T) {
	ports := SamplePorts()
	entries, err := fs.ReadDir(vnnews.SampleSite(), ".")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]string{}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		p, ok := ports[e.Name()]
		switch {
		case !ok:
			t.Errorf("sample site %s has no fixed port", e.Name())
		case p < 18401 || p > 18499:
			t.Errorf("sample site %s on port %d, outside 18401-18499", e.Name(), p)
		case seen[p] != "":
			t.Errorf("sample sites %s and %s share port %d", seen[p], e.Name(), p)
		}
		seen[p] = e.Name()
	}
	if len(ports) != n {
		t.Errorf("SamplePorts names %d sites, the sample site has %d", len(ports), n)
	}
}
