package crawler

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
)

// benchArticles is the size of the generated site the benchmarks crawl:
// 2,000 pages (articles plus their listing pages).
const benchArticles = 1800

// BenchmarkCrawl crawls a generated 2,000-page loopback site end to end
// (fetch, extraction, SQLite) with politeness off. Its pages weigh 36–40
// kB, with the menus, related boxes and scripts of a real portal. Compare its pages/s
// with BenchmarkBareFetch's, measured in the same run.
func BenchmarkCrawl(b *testing.B) {
	site := newTestSite(b, benchArticles, func(s *testSite) {
		s.perPage = 10
		s.realistic = true
		s.robots = "User-agent: *\nAllow: /\n"
		s.extra["/sitemap.xml"] = http.NotFound
		s.extra["/rss.xml"] = http.NotFound
	})
	pages := 0
	for b.Loop() {
		b.StopTimer()
		db := openDB(b)
		cfg := testConfig(b, site)
		cfg.Workers = 8
		cfg.Parallelism = 8
		cfg.MaxDepth = 2
		cfg.MaxPages = 1 << 20
		cfg.MaxPagination = 1000
		cfg.MaxQueryVariants = 1000
		c, err := New(db, cfg, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		st, err := c.Run(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if st.New != benchArticles {
			b.Fatalf("stored %d of %d articles: %s", st.New, benchArticles, st)
		}
		pages += st.Pages
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkBareFetch is the baseline: a bare net/http loop fetching the
// same URLs BenchmarkCrawl fetches, with the same concurrency, reading
// each body and doing nothing else.
func BenchmarkBareFetch(b *testing.B) {
	site := newTestSite(b, benchArticles, func(s *testSite) { s.perPage = 10; s.realistic = true })
	var urls []string
	urls = append(urls, site.URL()+"/robots.txt", site.URL()+"/")
	for pg := 1; pg <= benchArticles/10; pg++ {
		urls = append(urls, fmt.Sprintf("%s/tin-tuc?page=%d", site.URL(), pg))
	}
	for n := 1; n <= benchArticles; n++ {
		urls = append(urls, fmt.Sprintf("%s/bai/%d.html", site.URL(), n))
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	pages := 0
	for b.Loop() {
		work := make(chan string)
		var wg sync.WaitGroup
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for u := range work {
					resp, err := client.Get(u)
					if err != nil {
						b.Error(err)
						continue
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}()
		}
		for _, u := range urls {
			work <- u
		}
		close(work)
		wg.Wait()
		pages += len(urls)
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
