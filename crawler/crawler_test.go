package crawler

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vnnews/vnnews/store"
)

func openDB(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "vnnews.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// testConfig crawls site with politeness turned down for speed.
func testConfig(t testing.TB, site *testSite) *Config {
	t.Helper()
	cfg, err := ConfigForURLs(nil, []string{site.URL() + "/"})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Delay = 0
	cfg.Workers = 4
	cfg.Parallelism = 4
	cfg.RetryWait = Duration(10 * time.Millisecond)
	cfg.MaxRetryWait = Duration(200 * time.Millisecond)
	cfg.Timeout = Duration(2 * time.Second)
	cfg.MaxDepth = 5
	return cfg
}

func crawl(t testing.TB, db *store.DB, cfg *Config, opt Options) Stats {
	t.Helper()
	c, err := New(db, cfg, opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	st, err := c.Run(ctx)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if st.Interrupted {
		t.Fatalf("run timed out: %s", st)
	}
	return st
}

func storedURLs(t testing.TB, db *store.DB) map[string]bool {
	t.Helper()
	rows, err := db.SQL().Query(`SELECT url FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			t.Fatal(err)
		}
		out[u] = true
	}
	return out
}

type runRow struct {
	Pages, New, Errors int
	ByKind             map[string]int
	Status             string
}

func lastRun(t testing.TB, db *store.DB) runRow {
	t.Helper()
	var r runRow
	var byKind string
	err := db.SQL().QueryRow(`SELECT pages, new_articles, errors, errors_by_kind, status FROM crawl_runs
		ORDER BY id DESC LIMIT 1`).Scan(&r.Pages, &r.New, &r.Errors, &byKind, &r.Status)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(byKind), &r.ByKind); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCrawlSite(t *testing.T) {
	site := newTestSite(t, 25, nil)
	db := openDB(t)
	st := crawl(t, db, testConfig(t, site), Options{})
	if st.New != 25 {
		t.Errorf("new articles = %d, want 25 (%s)", st.New, st)
	}
	got := storedURLs(t, db)
	for n := 1; n <= 25; n++ {
		if u := fmt.Sprintf("%s/bai/%d.html", site.URL(), n); !got[u] {
			t.Errorf("%s not stored", u)
		}
	}
	for _, h := range site.requests() {
		if !strings.HasPrefix(h.UA, "vnnews/0.1 (+") {
			t.Fatalf("User-Agent %q does not identify the crawler", h.UA)
		}
	}
	hits := site.hits()
	for p, n := range hits {
		if strings.HasPrefix(p, "/bai/") && n != 1 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
	if hits["/rss.xml"] == 0 || hits["/sitemap.xml"] == 0 {
		t.Errorf("feed or sitemap not read: %v", hits)
	}
	r := lastRun(t, db)
	if r.Status != store.RunFinished || r.New != 25 || r.Pages != st.Pages {
		t.Errorf("crawl_runs row = %+v, stats %s", r, st)
	}
}

func TestSecondRunFetchesOnlyNew(t *testing.T) {
	site := newTestSite(t, 25, nil)
	db := openDB(t)
	crawl(t, db, testConfig(t, site), Options{})
	site.articles = 28
	site.resetLog()
	st := crawl(t, db, testConfig(t, site), Options{})
	if st.New != 3 {
		t.Errorf("second run stored %d new, want 3 (%s)", st.New, st)
	}
	hits := site.hits()
	for n := 1; n <= 25; n++ {
		if k := hits[fmt.Sprintf("/bai/%d.html", n)]; k != 0 {
			t.Errorf("stored article %d fetched again (%d times)", n, k)
		}
	}
	if hits["/"] == 0 {
		t.Errorf("listing not revisited: %v", hits)
	}
}

func TestRobotsDisallow(t *testing.T) {
	site := newTestSite(t, 12, func(s *testSite) {
		s.robots = "User-agent: *\nDisallow: /bai/7.html\nDisallow: /sitemap.xml\n"
	})
	db := openDB(t)
	st := crawl(t, db, testConfig(t, site), Options{})
	hits := site.hits()
	if hits["/bai/7.html"] != 0 || hits["/sitemap.xml"] != 0 {
		t.Errorf("disallowed paths fetched: %v", hits)
	}
	if st.New != 11 || st.Skips[SkipRobots] == 0 || st.ErrorCount() != 0 {
		t.Errorf("stats %s, want 11 new, robots skips and no errors", st)
	}
}

// TestRobotsSkipsAreNoErrors: what robots.txt forbids is a skip, by
// reason, in Stats and in the crawl_runs row read back from the SQLite
// file; errors keeps the real failures only (a linked page that is
// missing). A second run adds the stored articles it did not fetch.
func TestRobotsSkipsAreNoErrors(t *testing.T) {
	site := newTestSite(t, 12, func(s *testSite) {
		s.robots = "User-agent: *\nDisallow: /bai/7.html\nDisallow: /bai/8.html\nDisallow: /sitemap.xml\n"
		s.extra["/"] = func(w http.ResponseWriter, r *http.Request) {
			// the home page: the listing plus a link to a missing page
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body><a href="/bai/7.html">7</a> <a href="/bai/8.html">8</a>
				<a href="/trang-mat.html">mất</a> <a href="/tin-tuc">Tin tức</a></body></html>`)
		}
		s.extra["/trang-mat.html"] = http.NotFound
	})
	path := filepath.Join(t.TempDir(), "vnnews.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st := crawl(t, db, testConfig(t, site), Options{})
	hits := site.hits()
	if hits["/bai/7.html"]+hits["/bai/8.html"]+hits["/sitemap.xml"] != 0 {
		t.Errorf("disallowed paths fetched: %v", hits)
	}
	if hits["/trang-mat.html"] == 0 {
		t.Fatalf("the missing page was never asked for: %v", hits)
	}
	// /bai/7.html, /bai/8.html and the /sitemap.xml probe
	if st.Skips[SkipRobots] != 3 || st.SkipCount() != 3 {
		t.Errorf("skips %v, want robots 3 only (%s)", st.Skips, st)
	}
	if _, ok := st.Errors[SkipRobots]; ok || st.ErrorCount() != 1 || st.Errors[ErrHTTP4xx] != 1 {
		t.Errorf("errors %v, want http_4xx 1 only (%s)", st.Errors, st)
	}
	if want := "; 1 error (http_4xx 1); skipped: robots 3"; !strings.HasSuffix(st.String(), want) {
		t.Errorf("summary %q does not end in %q", st.String(), want)
	}
	st2 := crawl(t, db, testConfig(t, site), Options{})
	if st2.Skips[SkipStored] != st.New || st2.Skips[SkipRobots] != 3 || st2.SkipCount() != st.New+3 {
		t.Errorf("second run skips %v, want stored %d and robots 3 (%s)", st2.Skips, st.New, st2)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	// The rows as the file holds them, through plain SQL.
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT errors, errors_by_kind, skipped, skipped_by_reason FROM crawl_runs ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got [][4]any
	for rows.Next() {
		var errs, skipped int
		var byKind, byReason string
		if err := rows.Scan(&errs, &byKind, &skipped, &byReason); err != nil {
			t.Fatal(err)
		}
		got = append(got, [4]any{errs, byKind, skipped, byReason})
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := [][4]any{
		{1, `{"http_4xx":1}`, 3, `{"robots":3}`},
		{1, `{"http_4xx":1}`, st.New + 3, fmt.Sprintf(`{"robots":3,"stored":%d}`, st.New)},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("crawl_runs (errors, errors_by_kind, skipped, skipped_by_reason) = %v, want %v", got, want)
	}
}

func TestRobotsCrawlDelayAndPerHostDelay(t *testing.T) {
	for _, tc := range []struct {
		name   string
		delay  time.Duration
		robots string
		want   time.Duration
	}{
		{"configured delay", 80 * time.Millisecond, "", 80 * time.Millisecond},
		{"robots Crawl-delay is longer", 10 * time.Millisecond, "User-agent: *\nCrawl-delay: 0.15\nAllow: /\n", 150 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := newTestSite(t, 4, func(s *testSite) { s.robots = tc.robots; s.perPage = 4 })
			if tc.robots == "" {
				site.robots = "User-agent: *\nAllow: /\n"
			}
			db := openDB(t)
			cfg := testConfig(t, site)
			cfg.Delay = Duration(tc.delay)
			cfg.Parallelism = 1
			crawl(t, db, cfg, Options{})
			var last time.Time
			n := 0
			for _, h := range site.requests() {
				if h.Path == "/robots.txt" {
					continue
				}
				if !last.IsZero() {
					if gap := h.At.Sub(last); gap < tc.want-10*time.Millisecond {
						t.Errorf("request %s came %v after the previous one, want >= %v", h.Path, gap, tc.want)
					}
				}
				last = h.At
				n++
			}
			if n < 5 {
				t.Errorf("only %d requests", n)
			}
		})
	}
}

func TestRetriesThenRecorded(t *testing.T) {
	flaky := 0
	site := newTestSite(t, 6, func(s *testSite) {
		s.extra["/bai/3.html"] = func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "lỗi máy chủ", http.StatusInternalServerError)
		}
		s.extra["/bai/4.html"] = func(w http.ResponseWriter, r *http.Request) {
			flaky++
			if flaky == 1 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "bận", http.StatusServiceUnavailable)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, articleHTML(s.srv.URL, 4, s.articleDate(4)))
		}
		s.extra["/bai/5.html"] = func(w http.ResponseWriter, r *http.Request) {
			select { // longer than the timeout
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}
	})
	db := openDB(t)
	cfg := testConfig(t, site)
	cfg.Timeout = Duration(300 * time.Millisecond)
	cfg.Retries = 2
	cfg.Parallelism = 1
	st := crawl(t, db, cfg, Options{})
	hits := site.hits()
	// The timing-out page is tried 3 times too, but on a loaded machine an
	// attempt can time out before the server has logged it.
	if hits["/bai/3.html"] != 3 || hits["/bai/5.html"] < 2 || hits["/bai/5.html"] > 3 {
		t.Errorf("500 fetched %d times, timeout %d times; want 3 each (1 + 2 retries)", hits["/bai/3.html"], hits["/bai/5.html"])
	}
	if hits["/bai/4.html"] != 2 || !storedURLs(t, db)[site.URL()+"/bai/4.html"] {
		t.Errorf("503 then 200: fetched %d times, stored %v", hits["/bai/4.html"], storedURLs(t, db))
	}
	r := lastRun(t, db)
	if r.ByKind[ErrHTTP5xx] != 1 || r.ByKind[ErrTimeout] != 1 {
		t.Errorf("crawl_runs errors_by_kind = %v, want http_5xx 1, timeout 1 (%s)", r.ByKind, st)
	}
	if st.New != 4 {
		t.Errorf("stats %s, want 4 new", st)
	}
}

func TestHostileServers(t *testing.T) {
	const limit = 1 << 20
	sent := make(chan int64, 1)
	site := newTestSite(t, 3, func(s *testSite) {
		s.extra["/"] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body><h1>Trang chủ</h1>
<a href="/bai/1.html">1</a> <a href="/bai/2.html">2</a> <a href="/bai/3.html">3</a>
<a href="/vong-lap">vòng lặp</a> <a href="/lon.html">rất lớn</a> <a href="/nho-giot.html">chậm</a>
<a href="/hong.html">hỏng</a> <a href="/sai-ma.html">sai mã</a> <a href="/van-ban.pdf">PDF</a>
<a href="/tai-lieu.html">tài liệu</a> <a href="/lich?thang=5&nam=2024">lịch</a>
<a href="/tim?q=a">tìm</a> <a href="/bai/2.html;jsessionid=ABC123">phiên</a> <a href="/bai/2.html?PHPSESSID=x">phiên</a>`)
		}
		s.extra["/vong-lap"] = func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/vong-lap-2", http.StatusFound) }
		s.extra["/vong-lap-2"] = func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/vong-lap", http.StatusFound) }
		s.extra["/lon.html"] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			chunk := []byte(strings.Repeat("<p>Khen thưởng tập thể</p>\n", 1000))
			var n int64
			for n < 50<<20 {
				k, err := w.Write(chunk)
				n += int64(k)
				if err != nil {
					break
				}
			}
			sent <- n
		}
		s.extra["/nho-giot.html"] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for i := 0; i < 100; i++ {
				if _, err := fmt.Fprint(w, "<p>chậm</p>"); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(50 * time.Millisecond):
				}
			}
		}
		s.extra["/hong.html"] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><div><p>Hỏng <b><i></div></p><table><tr><td>&#xZZ; <<<>>> \x00\xff\xfe")
		}
		s.extra["/sai-ma.html"] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=iso-8859-1") // the bytes are UTF-8
			fmt.Fprint(w, articleHTML(s.srv.URL, 99, s.articleDate(1)))
		}
		s.extra["/tai-lieu.html"] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.4 " + strings.Repeat("x", 1<<20)))
		}
		s.extra["/lich"] = func(w http.ResponseWriter, r *http.Request) {
			q := r.URL.Query()
			var m, y int
			fmt.Sscan(q.Get("thang"), &m)
			fmt.Sscan(q.Get("nam"), &y)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><body><h1>Lịch tháng %d/%d</h1><a href="/lich?thang=%d&nam=%d">Tháng sau</a>
<a href="/lich?thang=%d&nam=%d">Tháng trước</a></body></html>`, m, y, m%12+1, y+m/12, (m+10)%12+1, y-(12-m+1)/12)
		}
		s.extra["/tim"] = func(w http.ResponseWriter, r *http.Request) {
			q := r.URL.Query().Get("q")
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><body><a href="/tim?q=%sa">thêm</a><a href="/tim?q=%sb">thêm</a></body></html>`, q, q)
		}
	})
	db := openDB(t)
	cfg := testConfig(t, site)
	cfg.MaxBodySize = limit
	cfg.Timeout = Duration(500 * time.Millisecond)
	cfg.Retries = 1
	cfg.MaxQueryVariants = 20
	cfg.MaxDepth = 30
	st := crawl(t, db, cfg, Options{})
	hits := site.hits()
	if hits["/van-ban.pdf"] != 0 {
		t.Error("a .pdf link was fetched")
	}
	if st.Errors[ErrBadContentType] != 1 {
		t.Errorf("PDF served as .html: errors %v, want bad_content_type 1", st.Errors)
	}
	if st.Errors[ErrRedirect] != 1 {
		t.Errorf("redirect loop: errors %v", st.Errors)
	}
	if st.Errors[ErrTooLarge] != 1 {
		t.Errorf("50 MB body: errors %v, want too_large 1", st.Errors)
	}
	select {
	case n := <-sent:
		if n >= 50<<20 {
			t.Errorf("the whole 50 MB body was read")
		}
	case <-time.After(5 * time.Second):
		t.Error("the 50 MB handler never finished")
	}
	if st.Errors[ErrTimeout] != 1 || hits["/nho-giot.html"] != 2 {
		t.Errorf("slow drip: errors %v, fetched %d times", st.Errors, hits["/nho-giot.html"])
	}
	cal := 0
	search := 0
	for p, n := range hits {
		if strings.HasPrefix(p, "/lich") {
			cal += n
		}
		if strings.HasPrefix(p, "/tim") {
			search += n
		}
	}
	if cal == 0 || cal > maxCalendarPages+1 {
		t.Errorf("calendar fetched %d times, want 1..%d", cal, maxCalendarPages+1)
	}
	if search == 0 || search > 21 {
		t.Errorf("query explosion fetched %d times, want 1..21", search)
	}
	if hits["/bai/2.html"] != 1 {
		t.Errorf("session-id variants fetched separately: %v", hits)
	}
	got := storedURLs(t, db)
	if !got[site.URL()+"/bai/99.html"] { // the canonical of the lying-charset page
		t.Errorf("lying-charset page not stored: %v", got)
	}
	var title string
	db.SQL().QueryRow(`SELECT title FROM articles WHERE url = ?`, site.URL()+"/bai/99.html").Scan(&title)
	if !strings.Contains(title, "Khen thưởng") {
		t.Errorf("lying charset: title %q", title)
	}
	if st.New < 4 {
		t.Errorf("stats %s, want at least 4 new", st)
	}
}

func TestSitemapIndexAndFeedOnly(t *testing.T) {
	site := newTestSite(t, 8, func(s *testSite) {
		s.index = true
		s.extra["/"] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><body><p>Chào mừng</p></body></html>`)
		}
	})
	db := openDB(t)
	st := crawl(t, db, testConfig(t, site), Options{})
	hits := site.hits()
	if hits["/sitemap-1.xml"] != 1 || hits["/sitemap-2.xml"] != 1 {
		t.Errorf("sitemap index parts not read: %v", hits)
	}
	if st.New != 8 {
		t.Errorf("stats %s, want 8 new from the sitemaps", st)
	}
}

func TestConditionalGET(t *testing.T) {
	site := newTestSite(t, 5, func(s *testSite) { s.etags = true })
	db := openDB(t)
	crawl(t, db, testConfig(t, site), Options{})
	site.resetLog()
	st := crawl(t, db, testConfig(t, site), Options{Refresh: true})
	if st.New != 0 || st.Updated != 0 || st.Unchanged < 5 {
		t.Errorf("refresh run: %s, want 5 unchanged by 304", st)
	}
	for _, h := range site.requests() {
		if strings.HasPrefix(h.Path, "/bai/") && h.INM == "" {
			t.Errorf("%s fetched without If-None-Match", h.Path)
		}
	}
}

func TestSinceStopsPagination(t *testing.T) {
	site := newTestSite(t, 50, func(s *testSite) {
		s.robots = "User-agent: *\nAllow: /\n"
		s.extra["/sitemap.xml"] = http.NotFound
	})
	db := openDB(t)
	since := site.articleDate(35)
	st := crawl(t, db, testConfig(t, site), Options{Since: since})
	hits := site.hits()
	if hits["/tin-tuc?page=3"] != 1 || hits["/tin-tuc?page=4"] != 0 {
		t.Errorf("pagination with --since: %v", hits)
	}
	if st.New < 16 || st.New > 25 {
		t.Errorf("stats %s, want about 16 new", st)
	}
}

func TestSinceWithoutListingDates(t *testing.T) {
	site := newTestSite(t, 40, func(s *testSite) {
		s.noDates = true
		s.robots = "User-agent: *\nAllow: /\n"
		s.extra["/sitemap.xml"] = http.NotFound
		s.extra["/rss.xml"] = http.NotFound
	})
	db := openDB(t)
	cfg := testConfig(t, site)
	cfg.MaxDepth = 1
	crawl(t, db, cfg, Options{Since: site.articleDate(45)}) // after every article
	hits := site.hits()
	if hits["/tin-tuc?page=2"] != 0 {
		t.Errorf("paginated past a listing whose articles are all older: %v", hits)
	}
}

func TestResumeAfterCancel(t *testing.T) {
	site := newTestSite(t, 20, nil)
	db := openDB(t)
	cfg := testConfig(t, site)
	cfg.Workers = 1
	cfg.Parallelism = 1
	cfg.Delay = Duration(10 * time.Millisecond)
	c, err := New(db, cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for ctx.Err() == nil {
			n := 0
			for p := range site.hits() {
				if strings.HasPrefix(p, "/bai/") {
					n++
				}
			}
			if n >= 6 {
				cancel()
				return
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	st, err := c.Run(ctx)
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	if !st.Interrupted || st.New == 0 || st.New >= 20 {
		t.Fatalf("first run: %s", st)
	}
	first := storedURLs(t, db)
	site.resetLog()
	st2 := crawl(t, db, cfg, Options{})
	if st2.Resumed == 0 {
		t.Errorf("second run did not resume: %s", st2)
	}
	for p, n := range site.hits() {
		if first[site.URL()+p] {
			t.Errorf("stored page %s fetched again %d times", p, n)
		}
	}
	if got := len(storedURLs(t, db)); got != 20 {
		t.Errorf("stored %d articles after resuming, want 20", got)
	}
}

// TestResumeAfterKill runs a crawl in a child process (this test binary
// again), kills it with SIGKILL mid-crawl, and checks a second run loses
// nothing and fetches no stored page again.
func TestResumeAfterKill(t *testing.T) {
	if os.Getenv("VNNEWS_CRAWL_CHILD") != "" {
		t.Skip("in the child")
	}
	site := newTestSite(t, 30, nil)
	dbPath := filepath.Join(t.TempDir(), "kill.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrawlChild$", "-test.v")
	cmd.Env = append(os.Environ(), "VNNEWS_CRAWL_CHILD="+site.URL(), "VNNEWS_CRAWL_DB="+dbPath)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		n := 0
		for p := range site.hits() {
			if strings.HasPrefix(p, "/bai/") {
				n++
			}
		}
		if n >= 8 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatal("child crawl made no progress")
		}
		time.Sleep(2 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()

	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	first := storedURLs(t, db)
	if len(first) == 0 || len(first) >= 30 {
		t.Fatalf("killed run stored %d articles", len(first))
	}
	site.resetLog()
	cfg := testConfig(t, site)
	st := crawl(t, db, cfg, Options{})
	if st.Resumed == 0 {
		t.Errorf("did not resume: %s", st)
	}
	for p, n := range site.hits() {
		if first[site.URL()+p] {
			t.Errorf("stored page %s fetched again %d times", p, n)
		}
	}
	if got := len(storedURLs(t, db)); got != 30 {
		t.Errorf("stored %d articles after resuming, want 30", got)
	}
	var killed int
	db.SQL().QueryRow(`SELECT count(*) FROM crawl_runs WHERE status = ?`, store.RunKilled).Scan(&killed)
	if killed != 1 {
		t.Errorf("killed runs recorded: %d, want 1", killed)
	}
}

// TestCrawlChild is the child process of TestResumeAfterKill.
func TestCrawlChild(t *testing.T) {
	base := os.Getenv("VNNEWS_CRAWL_CHILD")
	if base == "" {
		t.Skip("run by TestResumeAfterKill")
	}
	db, err := store.Open(os.Getenv("VNNEWS_CRAWL_DB"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := ConfigForURLs(nil, []string{base + "/"})
	cfg.Delay = Duration(15 * time.Millisecond)
	cfg.Workers = 2
	c, err := New(db, cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c.Run(context.Background())
	t.Error("the child crawl was not killed")
}

func TestMaxPagesLeavesRestForNextRun(t *testing.T) {
	site := newTestSite(t, 15, nil)
	db := openDB(t)
	cfg := testConfig(t, site)
	cfg.Workers = 1
	st := crawl(t, db, cfg, Options{MaxPages: 5})
	if st.Pages != 5 {
		t.Errorf("pages = %d, want 5", st.Pages)
	}
	st2 := crawl(t, db, cfg, Options{})
	if st2.Resumed == 0 || len(storedURLs(t, db)) != 15 {
		t.Errorf("after budget: %s, stored %d", st2, len(storedURLs(t, db)))
	}
}

func TestDuplicateContent(t *testing.T) {
	site := newTestSite(t, 3, func(s *testSite) {
		s.extra["/"] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><body><a href="/bai/1.html">1</a> <a href="/ban-in/1">bản in</a> <a href="/bai/2.html">2</a></body></html>`)
		}
		s.extra["/ban-in/1"] = func(w http.ResponseWriter, r *http.Request) {
			// The same article with no canonical link: caught by content hash.
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, strings.Replace(articleHTML(s.srv.URL, 1, s.articleDate(1)), `<link rel="canonical"`, `<link rel="x"`, 1))
		}
		s.robots = "User-agent: *\nAllow: /\n"
		s.extra["/sitemap.xml"] = http.NotFound
	})
	db := openDB(t)
	cfg := testConfig(t, site)
	cfg.Workers = 1
	st := crawl(t, db, cfg, Options{})
	if st.Duplicates != 1 || len(storedURLs(t, db)) != 3 {
		t.Errorf("%s; stored %v", st, storedURLs(t, db))
	}
}

func TestConfigFiles(t *testing.T) {
	c := DefaultConfig()
	if len(c.Sources) < 10 || c.Delay != Duration(time.Second) || !strings.HasPrefix(c.UserAgentString(), "vnnews/0.1 (+") {
		t.Errorf("default config: %d sources, delay %v, UA %q", len(c.Sources), c.Delay, c.UserAgentString())
	}
	ex, err := LoadConfig("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := ex.Sources[1]
	if s.Name != "baolangson" || s.Province != "Lạng Sơn" || s.articleRE == nil || s.Selectors.Body != "div.article-content" ||
		time.Duration(s.Delay) != 2*time.Second || ex.MaxBodySize != 10<<20 || ex.Sources[0].Name != "baolongan.vn" {
		t.Errorf("example config read wrong: %+v", ex)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"delay: 1s\nuser_agnet: x\n", `line 2: unknown key "user_agnet"`},
		{"sources:\n  - start: [https://a.vn/]\n    provnce: Long An\n", `line 3: unknown key "provnce"`},
		{"delay: soon\n", `line 1`},
		{"workers: 0\n", `line 1: key "workers": must be at least 1`},
		{"sources:\n  - start: [a.vn]\n", `line 2: key "0": "a.vn" is not an absolute http(s) URL`},
		{"sources:\n  - start: [https://a.vn/]\n    article_url: '(['\n", `line 3: key "article_url": bad regular expression`},
		{"max_body_size: lots\n", `bad size "lots"`},
	} {
		_, err := ParseConfig([]byte(tc.yaml), "crawl.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "crawl.yaml") ||
			strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %v, want one line with %q", tc.yaml, err, tc.want)
		}
	}
}
