package crawler

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// startProgress reports progress until the returned stop is called: a
// line redrawn with \r every second on a terminal, else a log line every
// ProgressEvery.
func (c *Crawler) startProgress(ctx context.Context, start time.Time) (stop func()) {
	if c.opt.Progress == nil {
		return func() {}
	}
	every := time.Second
	if !c.opt.ProgressTTY {
		every = c.opt.ProgressEvery
		if every <= 0 {
			every = 10 * time.Second
		}
	}
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-quit:
				if c.opt.ProgressTTY {
					c.drawProgress(start, true)
				}
				return
			case <-t.C:
				if c.opt.ProgressTTY {
					c.drawProgress(start, false)
				} else {
					c.logProgress(start)
				}
			}
		}
	}()
	return func() {
		close(quit)
		wg.Wait()
	}
}

type progressFigures struct {
	pages, articles, errors, queued int
	rate                            float64
}

func (c *Crawler) progress(start time.Time) progressFigures {
	c.mu.Lock()
	f := progressFigures{pages: c.stats.Pages, articles: c.stats.New + c.stats.Updated, errors: c.stats.ErrorCount()}
	c.mu.Unlock()
	if st, err := c.db.PendingCount(context.Background()); err == nil {
		f.queued = st.Pending + st.InFlight
	}
	if secs := time.Since(start).Seconds(); secs > 0 {
		f.rate = float64(f.pages) / secs
	}
	return f
}

func (c *Crawler) drawProgress(start time.Time, last bool) {
	f := c.progress(start)
	line := fmt.Sprintf("\rcrawl: %d pages  %.1f pages/s  %d queued  %d articles  %d errors   ",
		f.pages, f.rate, f.queued, f.articles, f.errors)
	if last {
		line += "\n"
	}
	fmt.Fprint(c.opt.Progress, line)
}

func (c *Crawler) logProgress(start time.Time) {
	f := c.progress(start)
	c.log.Info("crawl progress", "pages", f.pages, "pages_per_s", fmt.Sprintf("%.1f", f.rate),
		"queued", f.queued, "articles", f.articles, "errors", f.errors)
}
