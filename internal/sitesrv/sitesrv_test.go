package sitesrv

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
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
	sites, err := Serve(fsys)
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
