package crawler

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// benchArticles is the size of the generated site the benchmarks crawl:
// 2,000 pages (articles plus their listing pages).
const benchArticles = 1800

// benchWorkers is the concurrency of both sides: the crawler's workers
// (and per-host parallelism) and the bare loops' goroutines.
const benchWorkers = 8

// slowServer is how long the slow server waits before each response: a
// portal answering in 20 ms is still far faster than real government
// portals.
const slowServer = 20 * time.Millisecond

// BenchmarkCrawl crawls a generated 2,000-page loopback site end to end
// (fetch, extraction, SQLite) with politeness off. Its pages weigh 36–40
// kB, with the menus, related boxes and scripts of a real portal. Compare
// its pages/s with BenchmarkBareFetch's, and with BenchmarkFetchParse's,
// measured in the same run.
func BenchmarkCrawl(b *testing.B) { benchCrawl(b, benchSite(b, 0)) }

// BenchmarkBareFetch is the baseline: a bare net/http loop fetching the
// same URLs BenchmarkCrawl fetches, with the same concurrency, reading
// each body and doing nothing else.
func BenchmarkBareFetch(b *testing.B) { benchFetch(b, benchSite(b, 0), false) }

// BenchmarkFetchParse is the ceiling of any crawler that parses HTML: the
// bare loop plus html.Parse of each body, nothing else. With a
// zero-latency server on two cores both sides are CPU-bound, so this
// bounds BenchmarkCrawl's pages/s.
func BenchmarkFetchParse(b *testing.B) { benchFetch(b, benchSite(b, 0), true) }

// BenchmarkCrawlSlowServer is BenchmarkCrawl against a server that
// waits slowServer before each response: compare with
// BenchmarkBareFetchSlowServer.
func BenchmarkCrawlSlowServer(b *testing.B) { benchCrawl(b, benchSite(b, slowServer)) }

// BenchmarkBareFetchSlowServer is BenchmarkBareFetch against the slow
// server.
func BenchmarkBareFetchSlowServer(b *testing.B) { benchFetch(b, benchSite(b, slowServer), false) }

// benchSite is the realistic generated site, answering after latency.
func benchSite(b *testing.B, latency time.Duration) *testSite {
	return newTestSite(b, benchArticles, func(s *testSite) {
		s.perPage = 10
		s.realistic = true
		s.latency = latency
		s.robots = "User-agent: *\nAllow: /\n"
		s.extra["/sitemap.xml"] = http.NotFound
		s.extra["/rss.xml"] = http.NotFound
	})
}

// benchCrawl crawls site into a fresh database per iteration.
func benchCrawl(b *testing.B, site *testSite) {
	pages := 0
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		db := openDB(b)
		cfg := testConfig(b, site)
		cfg.Workers = benchWorkers
		cfg.Parallelism = benchWorkers
		cfg.MaxDepth = 2
		cfg.MaxPages = 1 << 20
		cfg.MaxPagination = 1000
		cfg.MaxQueryVariants = 1000
		c, err := New(db, cfg, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu0 := processCPU()
		st, err := c.Run(context.Background())
		cpu += processCPU() - cpu0
		if err != nil {
			b.Fatal(err)
		}
		if st.New != benchArticles {
			b.Fatalf("stored %d of %d articles: %s", st.New, benchArticles, st)
		}
		pages += st.Pages
	}
	reportPages(b, pages, cpu)
}

// benchURLs are the URLs a crawl of the site fetches: robots.txt, the
// home page, the listing pages and the articles.
func benchURLs(site *testSite) []string {
	urls := []string{site.URL() + "/robots.txt", site.URL() + "/"}
	for pg := 1; pg <= benchArticles/10; pg++ {
		urls = append(urls, fmt.Sprintf("%s/tin-tuc?page=%d", site.URL(), pg))
	}
	for n := 1; n <= benchArticles; n++ {
		urls = append(urls, fmt.Sprintf("%s/bai/%d.html", site.URL(), n))
	}
	return urls
}

// benchFetch fetches benchURLs with benchWorkers goroutines, reading each
// body and, when parse is set, parsing it with html.Parse.
func benchFetch(b *testing.B, site *testSite, parse bool) {
	urls := benchURLs(site)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2 * benchWorkers}}
	pages := 0
	var cpu time.Duration
	for b.Loop() {
		cpu0 := processCPU()
		work := make(chan string)
		var wg sync.WaitGroup
		for w := 0; w < benchWorkers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				for u := range work {
					resp, err := client.Get(u)
					if err != nil {
						b.Error(err)
						continue
					}
					if !parse {
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						continue
					}
					buf.Reset()
					_, err = buf.ReadFrom(resp.Body)
					resp.Body.Close()
					if err != nil {
						b.Error(err)
						continue
					}
					if _, err := html.Parse(bytes.NewReader(buf.Bytes())); err != nil {
						b.Error(err)
					}
				}
			}()
		}
		for _, u := range urls {
			work <- u
		}
		close(work)
		wg.Wait()
		cpu += processCPU() - cpu0
		pages += len(urls)
	}
	reportPages(b, pages, cpu)
}

// reportPages reports pages/s, and the process's CPU time per page (the
// server's share included, the same on both sides).
func reportPages(b *testing.B, pages int, cpu time.Duration) {
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	if pages > 0 && cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(pages), "cpu-ms/page")
	}
}
