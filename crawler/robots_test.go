package crawler

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestRobotsFetchedOnce checks that robots.txt is read once per host and
// run (colly's own reading of it is off), and still obeyed.
func TestRobotsFetchedOnce(t *testing.T) {
	site := newTestSite(t, 12, func(s *testSite) {
		s.robots = "User-agent: *\nDisallow: /bai/7.html\nDisallow: /tin-tuc?page=2\n"
	})
	db := openDB(t)
	st := crawl(t, db, testConfig(t, site), Options{})
	hits := site.hits()
	if hits["/robots.txt"] != 1 {
		t.Errorf("robots.txt fetched %d times, want once", hits["/robots.txt"])
	}
	if hits["/bai/7.html"] != 0 || hits["/tin-tuc?page=2"] != 0 {
		t.Errorf("disallowed pages fetched: %v", hits)
	}
	fetched := 0
	for p, n := range hits {
		if p != "/robots.txt" {
			fetched += n
		}
	}
	if st.Pages != fetched {
		t.Errorf("Stats.Pages = %d, the site served %d pages besides robots.txt", st.Pages, fetched)
	}
}

// TestRobotsUnreachable: while robots.txt cannot be read, nothing is
// fetched from the host, and nothing counts as a page fetched.
func TestRobotsUnreachable(t *testing.T) {
	site := newTestSite(t, 5, func(s *testSite) {
		s.extra["/robots.txt"] = func(w http.ResponseWriter, r *http.Request) {
			hj, ok := w.(http.Hijacker)
			if !ok {
				t.Error("cannot hijack")
				return
			}
			conn, _, err := hj.Hijack()
			if err == nil {
				conn.Close() // the connection drops: robots.txt unreachable
			}
		}
	})
	db := openDB(t)
	cfg := testConfig(t, site)
	cfg.Retries = 1
	st := crawl(t, db, cfg, Options{})
	for p := range site.hits() {
		if p != "/robots.txt" {
			t.Errorf("%s fetched though robots.txt was unreachable", p)
		}
	}
	if st.Pages != 0 || st.New != 0 || st.Errors[ErrConnect] != 1 {
		t.Errorf("stats %s, want 0 pages and one connect error", st)
	}
}

// TestRobotsRedirect: a redirect into a path robots.txt disallows is
// not followed.
func TestRobotsRedirect(t *testing.T) {
	site := newTestSite(t, 3, func(s *testSite) {
		s.robots = "User-agent: *\nDisallow: /rieng/\n"
		s.extra["/"] = func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/rieng/trang-chu.html", http.StatusMovedPermanently)
		}
	})
	db := openDB(t)
	st := crawl(t, db, testConfig(t, site), Options{})
	for p := range site.hits() {
		if strings.HasPrefix(p, "/rieng/") {
			t.Errorf("followed a redirect to disallowed %s", p)
		}
	}
	// A redirect to a disallowed URL is a skip too, not an error.
	if st.Skips[SkipRobots] != 1 || st.ErrorCount() != 0 {
		t.Errorf("stats %s, want one robots skip and no errors", st)
	}
}

// TestHostsCrawledInParallel: hosts are crawled side by side, each at
// its own pace, so a crawl of several slow hosts takes as long as the
// slowest, not the sum (the demo crawls three sample sites this way).
func TestHostsCrawledInParallel(t *testing.T) {
	var sites []*testSite
	var urls []string
	for i := 0; i < 3; i++ {
		s := newTestSite(t, 3, func(s *testSite) {
			s.perPage = 3
			s.robots = "User-agent: *\nCrawl-delay: 0.1\nAllow: /\n"
		})
		sites = append(sites, s)
		urls = append(urls, s.URL()+"/")
	}
	cfg, err := ConfigForURLs(nil, urls)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Delay = 0
	if cfg.Workers < len(sites) {
		t.Fatalf("default workers %d: hosts would wait on each other", cfg.Workers)
	}
	db := openDB(t)
	st := crawl(t, db, cfg, Options{})
	if st.Confirmed() != 9 { // the sites serve the same texts: duplicates after the first
		t.Fatalf("stats %s, want 9 articles stored or confirmed", st)
	}
	// Every host's requests overlap in time with every other's.
	type span struct{ first, last time.Time }
	var spans []span
	for _, s := range sites {
		reqs := s.requests()
		spans = append(spans, span{reqs[0].At, reqs[len(reqs)-1].At})
	}
	for i := range spans {
		for j := range spans {
			if i != j && !spans[i].first.Before(spans[j].last) {
				t.Errorf("host %d started after host %d had finished: crawled one after the other", i, j)
			}
		}
	}
}
