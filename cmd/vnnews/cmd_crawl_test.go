package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// crawlArticle is article n of the test site: long enough to be taken
// for an article, with a headline and a date.
func crawlArticle(n int) string {
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Khen thưởng %[1]d tập thể thực hiện Chỉ thị 05-CT/TW</title></head>
<body><article>
<h1>Khen thưởng %[1]d tập thể thực hiện Chỉ thị 05-CT/TW</h1>
<p class="date">16/05/2024 09:27</p>
<p>Sáng 16/5, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 8 năm thực hiện Chỉ thị số 05-CT/TW
của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.</p>
<p>Hội nghị đánh giá việc học tập và làm theo Bác đã trở thành nền nếp trong các cơ quan, đơn vị;
nhiều mô hình hay, cách làm sáng tạo được nhân rộng ở cơ sở, góp phần xây dựng Đảng bộ trong sạch, vững mạnh.</p>
<p>Dịp này, Ban Thường vụ Huyện ủy tặng giấy khen cho %[1]d tập thể, 20 cá nhân có thành tích tiêu biểu.</p>
</article></body></html>`, n)
}

// robotsSite serves a home page linking two articles, a print page that
// robots.txt forbids and a page that is missing.
func robotsSite(t *testing.T, robots string) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, robots)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title></head><body>
<ul><li><a href="/bai/1.html">Bài 1</a></li><li><a href="/bai/2.html">Bài 2</a></li>
<li><a href="/in/1.html">Bản in</a></li><li><a href="/bai/mat.html">Bài đã gỡ</a></li></ul></body></html>`)
	})
	mux.HandleFunc("/bai/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.PathValue("n"), "%d.html", &n); err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, crawlArticle(n))
	})
	mux.HandleFunc("/in/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fetched %s, which robots.txt forbids", r.URL.Path)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, crawlArticle(99))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestCrawlSummarySkipsApart: the crawl summary counts what robots.txt
// forbids (and, on the second run, the stored articles it did not fetch
// again) as skips, by reason, and only the missing page as an error.
func TestCrawlSummarySkipsApart(t *testing.T) {
	srv := robotsSite(t, "User-agent: *\nDisallow: /in/\nDisallow: /sitemap.xml\n")
	db := filepath.Join(t.TempDir(), "vnnews.db")
	summary := regexp.MustCompile(`(?m)^crawl: \d+ pages in [^:]+: (.*)$`)

	code, out, errOut := runCLI(t, "", "crawl", "--db", db, "--delay", "0s", "--quiet", srv.URL+"/")
	if code != 0 {
		t.Fatalf("crawl exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	m := summary.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line in %q", out)
	}
	// /in/1.html and the /sitemap.xml probe are skipped, not failed.
	if want := "2 new articles, 0 updated, 0 unchanged; 1 error (http_4xx 1); skipped: robots 2"; m[1] != want {
		t.Errorf("first summary\n got %q\nwant %q", m[1], want)
	}

	code, out, errOut = runCLI(t, "", "crawl", "--db", db, "--delay", "0s", "--quiet", srv.URL+"/")
	if code != 0 {
		t.Fatalf("second crawl exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	m = summary.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line in %q", out)
	}
	if want := "0 new articles, 0 updated, 2 unchanged; 1 error (http_4xx 1); skipped: robots 2, stored 2"; m[1] != want {
		t.Errorf("second summary\n got %q\nwant %q", m[1], want)
	}

	code, out, _ = runCLI(t, "", "sql", "--db", db, "--format", "csv",
		"SELECT errors, errors_by_kind, skipped, skipped_by_reason FROM crawl_runs ORDER BY id")
	if want := "errors,errors_by_kind,skipped,skipped_by_reason\n" +
		`1,"{""http_4xx"":1}",2,"{""robots"":2}"` + "\n" +
		`1,"{""http_4xx"":1}",4,"{""robots"":2,""stored"":2}"` + "\n"; code != 0 || strings.ReplaceAll(out, "\r\n", "\n") != want {
		t.Errorf("crawl_runs: exit %d\n%s\nwant\n%s", code, out, want)
	}
}

// TestCrawlAllForbidden: a site whose robots.txt forbids everything
// stores nothing; the one-line error says so by skip reason, with no
// errors.
func TestCrawlAllForbidden(t *testing.T) {
	srv := robotsSite(t, "User-agent: *\nDisallow: /\n")
	db := filepath.Join(t.TempDir(), "vnnews.db")
	code, out, errOut := runCLI(t, "", "crawl", "--db", db, "--delay", "0s", "--quiet", srv.URL+"/")
	if code != 1 {
		t.Fatalf("crawl exit %d, want 1\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.HasSuffix(strings.TrimSpace(out), "0 unchanged; 0 errors; skipped: robots 2") {
		t.Errorf("summary %q", out)
	}
	if want := "nothing could be crawled (0 pages fetched, no article found; skipped: robots 2)"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q lacks %q", errOut, want)
	}
}
