// Package crawler fetches news portals politely into the vnnews store:
// robots.txt obeyed (Crawl-delay included), one identifying User-Agent,
// per-host delay and parallelism, bounded retries with backoff, a
// frontier kept in SQLite so a killed crawl resumes, and incremental runs
// that fetch only what is new. It is built on colly
// (github.com/gocolly/colly/v2); sitemaps and feeds are read with a small
// encoding/xml parser (ParseFeed).
package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/vnnews/vnnews/extract"
	"github.com/vnnews/vnnews/extract/page"
	"github.com/vnnews/vnnews/store"
)

// Options tune one crawl run; the zero value is a plain run.
type Options struct {
	// Refresh fetches articles already stored again (with a conditional
	// GET, so unchanged pages cost a 304).
	Refresh bool
	// Since, when set, stops paginating a listing once it reaches
	// articles published before it, and skips sitemap and feed entries
	// dated before it.
	Since time.Time
	// MaxPages stops the run after this many fetches (0: no limit);
	// what is left stays in the frontier for the next run.
	MaxPages int
	// Logger receives structured logs; nil discards them.
	Logger *slog.Logger
	// Progress, when set, receives a progress report: a line redrawn
	// with \r every second when ProgressTTY is set, else a log line
	// every ProgressEvery (default 10s) through Logger.
	Progress      io.Writer
	ProgressTTY   bool
	ProgressEvery time.Duration
	// Transport replaces the HTTP transport (tests); nil builds one with
	// the configured connect timeout.
	Transport http.RoundTripper
}

// Stats are the figures of one run.
type Stats struct {
	RunID      int64
	Pages      int // HTTP fetches made (robots.txt not counted)
	New        int // articles stored for the first time
	Updated    int // stored articles fetched again and rewritten (--refresh)
	Unchanged  int // articles confirmed: already stored, 304, or duplicates
	Duplicates int // of Unchanged: same canonical URL or same text as a stored article
	// Skips are the URLs not fetched on purpose, by reason: robots
	// (robots.txt disallows the URL, or a redirect to it), stored, since,
	// budget, bad url, unknown source (the Skip* constants). None is a
	// failure.
	Skips map[string]int
	// Errors are the failures by kind: http_4xx, http_5xx, timeout, ...
	// (the Err* constants). A skip is never counted here.
	Errors   map[string]int
	Resumed  int // frontier items left by an earlier, interrupted run
	Duration time.Duration
	// Interrupted is set when the context was cancelled before the
	// frontier emptied; the next run resumes.
	Interrupted bool
}

// ErrorCount is the number of failures over all kinds.
func (s Stats) ErrorCount() int {
	n := 0
	for _, v := range s.Errors {
		n += v
	}
	return n
}

// SkipCount is the number of URLs skipped over all reasons.
func (s Stats) SkipCount() int {
	n := 0
	for _, v := range s.Skips {
		n += v
	}
	return n
}

// Confirmed is the number of articles stored or confirmed by this run.
func (s Stats) Confirmed() int { return s.New + s.Updated + s.Unchanged }

// String is a one-line summary.
func (s Stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d pages in %s: %d new articles, %d updated, %d unchanged", s.Pages,
		s.Duration.Round(time.Millisecond), s.New, s.Updated, s.Unchanged)
	if s.Duplicates > 0 {
		fmt.Fprintf(&b, " (%d duplicates)", s.Duplicates)
	}
	if n := s.ErrorCount(); n == 1 {
		b.WriteString("; 1 error")
	} else {
		fmt.Fprintf(&b, "; %d errors", n)
	}
	if len(s.Errors) > 0 {
		fmt.Fprintf(&b, " (%s)", ByKind(s.Errors))
	}
	if s.SkipCount() > 0 {
		fmt.Fprintf(&b, "; skipped: %s", ByKind(s.Skips))
	}
	if s.Interrupted {
		b.WriteString("; interrupted, run again to resume")
	}
	return b.String()
}

// ByKind lists counts by kind, sorted by kind: "robots 5, stored 21".
// Kinds counted zero times are left out.
func ByKind(m map[string]int) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if m[k] == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", k, m[k])
	}
	return b.String()
}

// Frontier item kinds.
const (
	kindStart   = "start"   // a configured start URL
	kindSitemap = "sitemap" // a sitemap named by robots.txt or another sitemap
	kindProbe   = "probe"   // /sitemap.xml tried by guess: a 404 is no error
	kindFeed    = "feed"    // an RSS/Atom feed named by a page
	kindListing = "listing" // a pagination link
	kindPage    = "page"    // any other link
)

// Error kinds recorded in crawl_runs.errors_by_kind.
const (
	ErrHTTP4xx        = "http_4xx"
	ErrHTTP5xx        = "http_5xx"
	ErrTimeout        = "timeout"
	ErrConnect        = "connect"
	ErrTooLarge       = "too_large"
	ErrBadContentType = "bad_content_type"
	ErrRedirect       = "redirect"
	ErrParse          = "parse"
	ErrStore          = "store"
	ErrFetch          = "fetch"
)

// Skip reasons recorded in crawl_runs.skipped_by_reason and as the
// frontier item's reason. A skip is a URL not fetched on purpose, not a
// failure.
const (
	SkipRobots        = "robots"         // robots.txt disallows it, or a redirect to it
	SkipStored        = "stored"         // an article already stored (without --refresh)
	SkipSince         = "since"          // a next listing page past --since
	SkipBudget        = "budget"         // the source's page budget is spent
	SkipBadURL        = "bad url"        // the URL does not parse
	SkipUnknownSource = "unknown source" // its source left the config since the run began
)

const (
	maxRedirects    = 10
	minArticleRunes = 300
	maxCrawlDelay   = time.Minute
)

var (
	errTooManyRedirects = errors.New("too many redirects")
	errOffSite          = errors.New("redirect leaves the source's hosts")
	errRobotsRedirect   = errors.New("redirect to a URL robots.txt disallows")
)

// Crawler crawls the sources of a Config into a store.DB. Make one with
// New and call Run once per run.
type Crawler struct {
	db      *store.DB
	cfg     *Config
	opt     Options
	log     *slog.Logger
	coll    *colly.Collector
	client  *http.Client // for robots.txt, read by the crawler itself (colly's check is off)
	ua      string
	sources map[string]*source
	allowed map[string]bool // hostKey of every source host

	claimMu sync.Mutex // one claim at a time; guards stuck
	stuck   int        // claims in a row that found neither an item nor a gate to open
	hostMu  sync.Mutex
	hosts   map[string]*hostState

	mu        sync.Mutex // guards what follows
	inflight  map[string]int
	active    int
	bySource  map[string]int
	fetched   int
	stats     Stats
	seen      map[string]bool
	variants  map[string]int
	calendars map[string]int
	fatal     error
	done      bool
	outcomes  []store.Outcome       // handled items not yet recorded in the frontier
	ready     []*store.FrontierItem // claimed with a batch, not yet handed out
	wake      chan struct{}         // closed to wake waiting workers (wakeLocked)
	runCtx    context.Context       // the context of the current Run

	urls urlCache // normalized links, kept across pages and runs
}

type source struct {
	*Source
	hosts    map[string]bool
	delay    time.Duration
	maxPages int
	maxDepth int
	xopt     extract.Options
}

// New prepares a crawler over db for the sources of cfg.
func New(db *store.DB, cfg *Config, opts Options) (*Crawler, error) {
	if db == nil || cfg == nil {
		return nil, errors.New("crawler: nil database or config")
	}
	if len(cfg.Sources) == 0 {
		return nil, errors.New("crawler: no sources to crawl")
	}
	if cfg.Workers < 1 || cfg.Parallelism < 1 {
		return nil, errors.New("crawler: workers and parallelism must be at least 1")
	}
	c := &Crawler{db: db, cfg: cfg, opt: opts, log: opts.Logger, ua: cfg.UserAgentString(),
		sources: map[string]*source{}, allowed: map[string]bool{}, hosts: map[string]*hostState{}}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	for i := range cfg.Sources {
		s := &cfg.Sources[i]
		if s.Name == "" {
			if u, err := url.Parse(s.Start[0]); err == nil {
				s.Name = strings.ToLower(u.Host)
			}
		}
		if s.ArticleURL != "" && s.articleRE == nil {
			re, err := regexp.Compile(s.ArticleURL)
			if err != nil {
				return nil, fmt.Errorf("source %s: article_url: %w", s.Name, err)
			}
			s.articleRE = re
		}
		if s.Skip != "" && s.skipRE == nil {
			re, err := regexp.Compile(s.Skip)
			if err != nil {
				return nil, fmt.Errorf("source %s: skip: %w", s.Name, err)
			}
			s.skipRE = re
		}
		src := &source{Source: s, hosts: map[string]bool{}, delay: time.Duration(cfg.Delay),
			maxPages: cfg.MaxPages, maxDepth: cfg.MaxDepth}
		if s.Delay > 0 {
			src.delay = time.Duration(s.Delay)
		}
		if s.MaxPages > 0 {
			src.maxPages = s.MaxPages
		}
		if s.MaxDepth > 0 {
			src.maxDepth = s.MaxDepth
		}
		src.xopt = extract.Options{Province: s.Province, HTML: page.Options{
			Content: s.Selectors.Body, Title: s.Selectors.Title, Date: s.Selectors.Date, Remove: s.Selectors.Drop}}
		for _, raw := range s.Start {
			u, err := url.Parse(raw)
			if err != nil || u.Host == "" {
				return nil, fmt.Errorf("source %s: bad start URL %q", s.Name, raw)
			}
			src.hosts[hostKey(u.Host)] = true
		}
		for _, h := range s.Hosts {
			src.hosts[hostKey(h)] = true
		}
		for h := range src.hosts {
			c.allowed[h] = true
		}
		if _, dup := c.sources[s.Name]; dup {
			return nil, fmt.Errorf("crawler: source name %q used twice", s.Name)
		}
		c.sources[s.Name] = src
	}
	tr := opts.Transport
	if tr == nil {
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: time.Duration(cfg.ConnectTimeout), KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   time.Duration(cfg.ConnectTimeout),
			ResponseHeaderTimeout: time.Duration(cfg.Timeout),
			MaxIdleConnsPerHost:   max(cfg.Parallelism, 2) * 2,
			IdleConnTimeout:       90 * time.Second,
		}
	}
	c.client = &http.Client{Transport: tr, Timeout: time.Duration(cfg.Timeout)}

	coll := colly.NewCollector(colly.UserAgent(c.ua), colly.AllowURLRevisit(), colly.ParseHTTPErrorResponse(),
		colly.MaxBodySize(int(cfg.MaxBodySize)))
	// robots.txt is fetched once per host by prepareHost and checked by
	// handle and the redirect handler; colly would fetch it a second time.
	coll.IgnoreRobotsTxt = true
	coll.WithTransport(tr)
	coll.SetRequestTimeout(time.Duration(cfg.Timeout))
	coll.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return errTooManyRedirects
		}
		if !c.allowed[hostKey(req.URL.Host)] {
			return fmt.Errorf("%w: %s", errOffSite, req.URL.Host)
		}
		if hs, err := c.robotsOf(req.Context(), req.URL); err == nil && !hs.allows(req.URL) {
			return fmt.Errorf("%w: %s", errRobotsRedirect, req.URL)
		}
		return nil
	})
	coll.OnResponseHeaders(func(r *colly.Response) {
		ct := r.Headers.Get("Content-Type")
		r.Ctx.Put("ct", ct)
		if r.StatusCode >= 200 && r.StatusCode < 300 && !allowedContentType(ct) {
			r.Ctx.Put("badct", true)
			r.Request.Abort()
			return
		}
		// Hide the charset from colly, which would otherwise re-encode the
		// body; extraction decodes the bytes as served, lies included.
		if mt, _, err := mime.ParseMediaType(ct); err == nil {
			r.Headers.Set("Content-Type", mt)
		} else if ct != "" {
			r.Headers.Del("Content-Type")
		}
	})
	coll.OnResponse(func(r *colly.Response) { r.Ctx.Put("resp", r) })
	coll.OnError(func(r *colly.Response, err error) {
		if r != nil && r.StatusCode > 0 {
			r.Ctx.Put("resp", r)
		}
	})
	// One LimitRule per source host, set before any request: colly reads
	// its rules without a lock, so none may be added during a run. A
	// robots.txt Crawl-delay longer than the rule's is made up by hold.
	for _, src := range c.sources {
		for h := range src.hosts {
			rule := &colly.LimitRule{DomainRegexp: `^(?:www\.)?` + regexp.QuoteMeta(h) + `$`, Delay: src.delay,
				RandomDelay: time.Duration(cfg.RandomDelay), Parallelism: cfg.Parallelism}
			if err := coll.Limit(rule); err != nil {
				return nil, fmt.Errorf("source %s: limit rule for %s: %w", src.Name, h, err)
			}
		}
	}
	c.coll = coll
	return c, nil
}

// hold keeps a worker (and so its slot on the host) until a robots.txt
// Crawl-delay longer than the configured delay has passed since the
// response came: colly's LimitRule has already waited the configured
// part.
func (c *Crawler) hold(hs *hostState, src *source, since time.Time) {
	if hs == nil || hs.delay <= src.delay {
		return
	}
	extra := hs.delay - src.delay
	wait := time.Until(since.Add(extra))
	if wait <= 0 {
		return
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
	case <-c.runCtx.Done():
	}
}

// allowedContentType passes HTML, XML (sitemaps, RSS, Atom), plain text
// and gzip (sitemap.xml.gz), and a missing type.
func allowedContentType(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	switch {
	case mt == "text/html", mt == "application/xhtml+xml", mt == "text/plain",
		strings.HasSuffix(mt, "/xml"), strings.HasSuffix(mt, "+xml"), strings.Contains(mt, "gzip"):
		return true
	}
	return false
}

// Run crawls until the frontier is empty, the page budget is spent or ctx
// is cancelled (then it stops after the pages in flight). It records the
// run in crawl_runs. The error is non-nil only when the database failed.
func (c *Crawler) Run(ctx context.Context) (Stats, error) {
	start := time.Now()
	dbctx := context.WithoutCancel(ctx)
	c.stats = Stats{Errors: map[string]int{}, Skips: map[string]int{}}
	c.inflight = map[string]int{}
	c.bySource = map[string]int{}
	c.seen = map[string]bool{}
	c.variants = map[string]int{}
	c.calendars = map[string]int{}
	c.fetched, c.active, c.fatal, c.done, c.outcomes, c.ready, c.stuck = 0, 0, nil, false, nil, nil, 0
	c.runCtx = ctx

	runID, err := c.db.StartRun(dbctx)
	if err != nil {
		return c.stats, err
	}
	c.stats.RunID = runID
	if err := c.seed(dbctx); err != nil {
		c.finish(dbctx, start, err)
		return c.stats, err
	}
	stopProgress := c.startProgress(ctx, start)
	// Workers fetch; processors extract, store and follow links. A
	// worker hands its response over and claims the next item, so the
	// Workers requests in flight are not held up by processing.
	pages := make(chan *fetched)
	var fetchers, processors sync.WaitGroup
	for i := 0; i < c.cfg.Workers; i++ {
		fetchers.Add(1)
		go func() {
			defer fetchers.Done()
			c.worker(ctx, dbctx, pages)
		}()
		processors.Add(1)
		go func() {
			defer processors.Done()
			c.processor(dbctx, pages)
		}()
	}
	fetchers.Wait()
	close(pages)
	processors.Wait()
	c.flushOutcomes(dbctx)
	c.releaseReady(dbctx)
	stopProgress()
	c.stats.Interrupted = ctx.Err() != nil
	err = c.fatal
	c.finish(dbctx, start, err)
	return c.stats, err
}

func (c *Crawler) finish(ctx context.Context, start time.Time, runErr error) {
	c.stats.Duration = time.Since(start)
	status := store.RunFinished
	switch {
	case runErr != nil:
		status = store.RunFailed
	case c.stats.Interrupted:
		status = "interrupted"
	}
	err := c.db.FinishRun(ctx, c.stats.RunID, store.RunStats{Pages: c.stats.Pages, NewArticles: c.stats.New,
		Errors: c.stats.ErrorCount(), ErrorsByKind: c.stats.Errors,
		Skipped: c.stats.SkipCount(), SkippedByReason: c.stats.Skips, Status: status})
	if err != nil {
		c.log.Error("record crawl run", "err", err)
	}
	c.log.Info("crawl finished", "run", c.stats.RunID, "pages", c.stats.Pages, "new", c.stats.New,
		"updated", c.stats.Updated, "unchanged", c.stats.Unchanged, "skipped", c.stats.SkipCount(),
		"errors", c.stats.ErrorCount(),
		"duration", c.stats.Duration.Round(time.Millisecond))
}

// seed resumes an interrupted crawl, or starts a new one from the start
// URLs.
func (c *Crawler) seed(ctx context.Context) error {
	n, err := c.db.ResetInFlight(ctx)
	if err != nil {
		return err
	}
	st, err := c.db.PendingCount(ctx)
	if err != nil {
		return err
	}
	if st.Pending > 0 {
		c.stats.Resumed = st.Pending
		c.log.Info("resuming an interrupted crawl", "pending", st.Pending, "were_in_flight", n)
		by, err := c.db.FinishedBySource(ctx)
		if err != nil {
			return err
		}
		c.bySource = by
	} else if err := c.db.ClearFrontier(ctx); err != nil {
		return err
	}
	var items []store.FrontierItem
	for _, s := range c.cfg.Sources {
		for _, raw := range s.Start {
			u, ok := NormalizeURL(nil, raw)
			if !ok {
				continue
			}
			pu, _ := url.Parse(u)
			c.seen[u] = true
			items = append(items, store.FrontierItem{URL: u, Source: s.Name, Host: strings.ToLower(pu.Host), Kind: kindStart})
		}
	}
	// Start URLs are fetched even when stored as articles only with
	// --refresh; listings are not stored, so they are always revisited.
	_, err = c.db.Enqueue(ctx, items, !c.opt.Refresh)
	return err
}

// worker claims frontier items and fetches them until nothing is left,
// sending what is to be processed to pages.
func (c *Crawler) worker(ctx, dbctx context.Context, pages chan<- *fetched) {
	for {
		if ctx.Err() != nil {
			return
		}
		wake := c.woken() // taken before the claim, so no wake-up is missed
		it, wait, stop := c.claim(dbctx)
		if stop {
			return
		}
		if it == nil {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			case <-wake:
				t.Stop()
			}
			continue
		}
		r := c.handle(dbctx, it)
		c.mu.Lock()
		if c.inflight[it.Host] == c.cfg.Parallelism {
			c.wakeLocked() // the host was busy
		}
		c.inflight[it.Host]--
		if r == nil {
			c.finishedLocked()
		}
		c.mu.Unlock()
		if r != nil {
			pages <- r
		}
	}
}

// processor processes the responses the workers fetched. An item stays
// active (the crawl is not over) until its response is processed.
func (c *Crawler) processor(ctx context.Context, pages <-chan *fetched) {
	for r := range pages {
		c.process(ctx, r)
		c.mu.Lock()
		c.finishedLocked()
		c.mu.Unlock()
	}
}

// finishedLocked counts an item out of hand; the last one wakes the
// waiting workers, to find the crawl over or gates to open. c.mu must be
// held.
func (c *Crawler) finishedLocked() {
	c.active--
	if c.active == 0 {
		c.wakeLocked()
	}
}

// claim hands out the next ready item. stop is set when the crawl is
// over (frontier empty and nothing in flight, budget spent, or a fatal
// error); otherwise a nil item means wait that long and ask again.
//
// Claims are taken one at a time (claimMu); c.mu is held only to read
// and update the counters, not across the database calls, so the
// processors are not held up meanwhile.
func (c *Crawler) claim(ctx context.Context) (it *store.FrontierItem, wait time.Duration, stop bool) {
	c.claimMu.Lock()
	defer c.claimMu.Unlock()
	c.mu.Lock()
	if c.done || c.fatal != nil || (c.opt.MaxPages > 0 && c.fetched >= c.opt.MaxPages) {
		c.mu.Unlock()
		return nil, 0, true
	}
	// Items claimed with an earlier batch come first, when their host
	// has a free slot.
	for i, r := range c.ready {
		if c.inflight[r.Host] < c.cfg.Parallelism {
			c.ready = slices.Delete(c.ready, i, i+1)
			c.active++
			c.inflight[r.Host]++
			c.mu.Unlock()
			return r, 0, false
		}
	}
	var busy []string
	for h, n := range c.inflight {
		if n >= c.cfg.Parallelism {
			busy = append(busy, h)
		}
	}
	done := c.outcomes
	c.outcomes = nil
	// Read before the frontier is: an item stops being active only
	// once what it found is in the frontier, and no other claim runs
	// meanwhile, so nothing active now and nothing pending next means
	// the crawl is over.
	active := c.active
	held := len(c.ready)
	c.mu.Unlock()

	// One transaction claims a batch (the workers' worth) and records
	// the outcomes since the last: the rest of the batch waits in
	// c.ready, in flight in the frontier, so a kill leaves it to be
	// claimed again on resume.
	its, err := c.db.ClaimBatch(ctx, done, time.Now(), busy, c.cfg.Workers)
	if err != nil {
		c.setFatal(err)
		return nil, 0, true
	}
	if len(its) > 0 {
		c.stuck = 0
		it := its[0]
		c.mu.Lock()
		c.active++
		c.inflight[it.Host]++
		c.ready = append(c.ready, its[1:]...)
		c.mu.Unlock()
		return it, 0, false
	}
	st, err := c.db.PendingCount(ctx)
	if err != nil {
		c.setFatal(err)
		return nil, 0, true
	}
	if st.Pending == 0 && active == 0 && held == 0 {
		c.mu.Lock()
		c.done = true
		c.mu.Unlock()
		return nil, 0, true
	}
	if active == 0 && held == 0 && st.InFlight == 0 && !st.NextAt.After(time.Now()) {
		// Nothing in flight and nothing ready: only gated items are
		// left, waiting on each other. Open the gates.
		if n, err := c.db.OpenGates(ctx); err != nil {
			c.setFatal(err)
			return nil, 0, true
		} else if n == 0 {
			// No gate to open: an item became ready after the claim
			// looked (its retry time came). Claim again, unless that
			// keeps happening.
			if c.stuck++; c.stuck > 3 {
				c.log.Error("crawl frontier stuck", "pending", st.Pending)
				c.mu.Lock()
				c.done = true
				c.mu.Unlock()
				return nil, 0, true
			}
		}
		return nil, 0, false
	}
	c.mu.Lock()
	freed := false // a host busy at the claim has a free slot now
	for _, h := range busy {
		freed = freed || c.inflight[h] < c.cfg.Parallelism
	}
	c.mu.Unlock()
	if freed {
		return nil, 0, false
	}
	wait = 20 * time.Millisecond
	if st.InFlight == 0 && !st.NextAt.IsZero() {
		if d := time.Until(st.NextAt); d > wait {
			wait = min(d, 500*time.Millisecond)
		}
	}
	return nil, wait, false
}

// count adds one to an error kind.
func (c *Crawler) count(kind string) {
	c.mu.Lock()
	c.stats.Errors[kind]++
	c.mu.Unlock()
}

func (c *Crawler) setFatal(err error) {
	c.mu.Lock()
	if c.fatal == nil {
		c.fatal = err
	}
	c.mu.Unlock()
}

// dbErr records a database failure as fatal: the run stops.
func (c *Crawler) dbErr(err error) bool {
	if err == nil {
		return false
	}
	c.log.Error("database", "err", err)
	c.setFatal(err)
	return true
}

// finishItem records an item's outcome. It is written to the frontier
// with the next claim, in the same transaction (or at the end of the
// run): an outcome lost to a kill leaves the item in flight, to be
// handled again on resume, where a stored article is skipped unfetched.
func (c *Crawler) finishItem(ctx context.Context, it *store.FrontierItem, state, published, why string) {
	c.mu.Lock()
	c.outcomes = append(c.outcomes, store.Outcome{ID: it.ID, State: state, Published: published, ErrKind: why})
	c.mu.Unlock()
}

// releaseReady puts the items claimed but not handed out (the budget
// ran out, or the run was cancelled) back as pending.
func (c *Crawler) releaseReady(ctx context.Context) {
	c.mu.Lock()
	ids := make([]int64, len(c.ready))
	for i, r := range c.ready {
		ids[i] = r.ID
	}
	c.ready = nil
	c.mu.Unlock()
	c.dbErr(c.db.Release(ctx, ids))
}

// flushOutcomes writes the outcomes not yet recorded.
func (c *Crawler) flushOutcomes(ctx context.Context) {
	c.mu.Lock()
	done := c.outcomes
	c.outcomes = nil
	c.mu.Unlock()
	c.dbErr(c.db.FinishAll(ctx, done))
}

// handle fetches one frontier item. It returns the response for process
// when there is a page to process; otherwise (nothing fetched, a failure,
// a 304) it has dealt with the item itself and returns nil.
func (c *Crawler) handle(ctx context.Context, it *store.FrontierItem) *fetched {
	src := c.sources[it.Source]
	if src == nil { // a source removed from the config since the run began
		c.skip(ctx, it, SkipUnknownSource)
		return nil
	}
	c.mu.Lock()
	over := c.bySource[src.Name] >= src.maxPages
	c.mu.Unlock()
	if over {
		c.skip(ctx, it, SkipBudget)
		return nil
	}
	pu, err := url.Parse(it.URL)
	if err != nil {
		c.skip(ctx, it, SkipBadURL)
		return nil
	}
	hs, err := c.prepareHost(ctx, src, it, pu)
	if err != nil {
		// robots.txt unreachable: nothing is fetched from the host
		// until it can be read.
		kind := ErrConnect
		if isTimeout(err) {
			kind = ErrTimeout
		}
		c.fail(ctx, it, kind, true, 0, err)
		return nil
	}

	// A stored article is not fetched again unless --refresh. One query
	// says whether it is stored and what the last run saw of it.
	hdr := http.Header{}
	known, article, info, found, err := c.lookup(ctx, it.URL)
	if c.dbErr(err) {
		return nil
	}
	if it.Kind != kindProbe && it.Kind != kindSitemap && it.Kind != kindFeed {
		if known && !c.opt.Refresh {
			c.mu.Lock()
			c.stats.Unchanged++
			c.mu.Unlock()
			c.skip(ctx, it, SkipStored)
			return nil
		}
		if known {
			etag, lm, ok, err := c.db.Validators(ctx, article)
			if c.dbErr(err) {
				return nil
			}
			if ok {
				setValidators(hdr, etag, lm)
			}
		}
	}
	// The --since gate: a next page found on a listing without dates
	// waits for that listing's articles; if none was recent, stop here.
	if it.Gate != "" && !c.opt.Since.IsZero() {
		newest, err := c.db.ChildrenNewest(ctx, it.Gate)
		if c.dbErr(err) {
			return nil
		}
		if newest != "" && newest < c.opt.Since.Format("2006-01-02") {
			c.log.Debug("stop paginating: listing reached older articles", "url", it.URL, "newest", newest)
			c.skip(ctx, it, SkipSince)
			return nil
		}
	}
	if hdr.Get("If-None-Match") == "" && hdr.Get("If-Modified-Since") == "" && it.Kind != kindPage &&
		it.Kind != kindStart && found && info.ArticleURL == "" {
		// Feeds and listings: revalidate what we saw last time.
		setValidators(hdr, info.ETag, info.LastMod)
	}

	if !hs.allows(pu) {
		c.log.Debug("disallowed by robots.txt", "url", it.URL)
		c.skip(ctx, it, SkipRobots)
		return nil
	}

	c.mu.Lock()
	c.fetched++
	c.bySource[src.Name]++
	c.stats.Pages++
	c.mu.Unlock()

	cctx := colly.NewContext()
	hdr.Set("User-Agent", c.ua)
	hdr.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	hdr.Set("Accept-Language", "vi,en;q=0.5")
	fetchedAt := time.Now()
	ferr := c.coll.Request(http.MethodGet, it.URL, nil, cctx, hdr)
	defer c.hold(hs, src, time.Now())
	resp, _ := cctx.GetAny("resp").(*colly.Response)
	if ferr != nil && resp == nil {
		c.fetchFailed(ctx, it, src, ferr, cctx)
		return nil
	}
	if resp == nil {
		c.fail(ctx, it, ErrFetch, false, 0, errors.New("no response"))
		return nil
	}
	status := resp.StatusCode
	switch {
	case status == http.StatusNotModified:
		c.notModified(ctx, it, fetchedAt)
		return nil
	case status == http.StatusTooManyRequests || status >= 500:
		kind := ErrHTTP5xx
		if status == http.StatusTooManyRequests {
			kind = ErrHTTP4xx
		}
		c.fail(ctx, it, kind, true, retryAfter(resp.Headers, time.Now()), fmt.Errorf("HTTP %d", status))
		return nil
	case status >= 400:
		if it.Kind == kindProbe {
			c.finishItem(ctx, it, store.FrontierDone, "", fmt.Sprintf("HTTP %d", status))
			return nil
		}
		c.fail(ctx, it, ErrHTTP4xx, false, 0, fmt.Errorf("HTTP %d", status))
		return nil
	case status >= 300:
		c.fail(ctx, it, ErrRedirect, false, 0, fmt.Errorf("HTTP %d without a usable Location", status))
		return nil
	}
	ct, _ := cctx.GetAny("ct").(string)
	r := &fetched{it: it, src: src, url: resp.Request.URL.String(), status: status, ct: ct, body: resp.Body,
		at: fetchedAt}
	if resp.Headers != nil {
		r.etag = resp.Headers.Get("ETag")
		r.lastMod = resp.Headers.Get("Last-Modified")
	}
	if len(r.body) >= int(c.cfg.MaxBodySize) {
		c.count(ErrTooLarge)
		r.cut = true
		c.log.Warn("body cut at the size limit", "url", it.URL, "limit", int64(c.cfg.MaxBodySize))
	}
	return r
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func setValidators(h http.Header, etag, lastMod string) {
	if etag != "" {
		h.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		h.Set("If-Modified-Since", lastMod)
	}
}

// known reports whether url is stored as an article, directly or as an
// alias of its canonical URL.
func (c *Crawler) known(ctx context.Context, u string) (bool, store.URLInfo, error) {
	known, _, info, _, err := c.lookup(ctx, u)
	return known, info, err
}

// lookup is known in full: article is the URL the article is stored
// under (u itself when stored directly), and info and found what the
// crawler remembered of u (store.RecordURL).
func (c *Crawler) lookup(ctx context.Context, u string) (known bool, article string, info store.URLInfo, found bool, err error) {
	stored, info, found, err := c.db.KnownURL(ctx, u)
	switch {
	case err != nil:
		return false, "", info, false, err
	case stored:
		return true, u, store.URLInfo{URL: u}, found, nil
	case found && info.ArticleURL != "":
		return true, info.ArticleURL, info, true, nil
	}
	return false, "", info, found, nil
}

// skip records an item not fetched on purpose, counted under reason why
// in Stats.Skips (never among the errors).
func (c *Crawler) skip(ctx context.Context, it *store.FrontierItem, why string) {
	c.mu.Lock()
	c.stats.Skips[why]++
	c.mu.Unlock()
	c.finishItem(ctx, it, store.FrontierSkipped, "", why)
}

// fetchFailed handles a request that produced no response.
func (c *Crawler) fetchFailed(ctx context.Context, it *store.FrontierItem, src *source, err error, cctx *colly.Context) {
	switch {
	case errors.Is(err, errRobotsRedirect):
		c.log.Debug("redirect disallowed by robots.txt", "url", it.URL, "err", err)
		c.skip(ctx, it, SkipRobots)
	case errors.Is(err, colly.ErrAbortedAfterHeaders) || cctx.GetAny("badct") != nil:
		ct, _ := cctx.GetAny("ct").(string)
		c.log.Info("skipped: not a page", "url", it.URL, "content_type", ct)
		c.fail(ctx, it, ErrBadContentType, false, 0, fmt.Errorf("content type %q", ct))
	case errors.Is(err, errTooManyRedirects):
		c.fail(ctx, it, ErrRedirect, false, 0, err)
	case errors.Is(err, errOffSite):
		c.fail(ctx, it, ErrRedirect, false, 0, err)
	case isTimeout(err):
		c.fail(ctx, it, ErrTimeout, true, 0, err)
	default:
		var op *net.OpError
		var dns *net.DNSError
		if errors.As(err, &op) || errors.As(err, &dns) || errors.Is(err, io.ErrUnexpectedEOF) ||
			strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), "EOF") {
			c.fail(ctx, it, ErrConnect, true, 0, err)
			return
		}
		c.fail(ctx, it, ErrFetch, false, 0, err)
	}
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return strings.Contains(err.Error(), "Client.Timeout") || strings.Contains(err.Error(), "timeout")
}

// fail records a failed fetch: retried later with backoff when retryable
// and attempts remain, else counted under kind and given up.
func (c *Crawler) fail(ctx context.Context, it *store.FrontierItem, kind string, retryable bool, after time.Duration, err error) {
	if retryable && it.Attempts <= c.cfg.Retries {
		wait := c.backoff(it.Attempts, after)
		c.log.Debug("retrying", "url", it.URL, "kind", kind, "err", err, "attempt", it.Attempts, "wait", wait)
		c.dbErr(c.db.Retry(ctx, it.ID, time.Now().Add(wait), kind))
		return
	}
	c.log.Warn("page failed", "url", it.URL, "kind", kind, "err", err)
	c.count(kind)
	c.finishItem(ctx, it, store.FrontierFailed, "", kind)
}

// backoff is the wait before retry attempt n: RetryWait doubled each
// time, with jitter (±50%), or what Retry-After asked, capped at
// MaxRetryWait.
func (c *Crawler) backoff(attempt int, after time.Duration) time.Duration {
	base := time.Duration(c.cfg.RetryWait)
	for i := 1; i < attempt && base < time.Duration(c.cfg.MaxRetryWait); i++ {
		base *= 2
	}
	d := base/2 + time.Duration(rand.Int64N(int64(base)+1))
	if after > d {
		d = after
	}
	return min(d, time.Duration(c.cfg.MaxRetryWait))
}

// retryAfter reads a Retry-After header (seconds or an HTTP date).
func retryAfter(h *http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// notModified handles a 304: a stored article is confirmed (and
// touched), a listing or feed has nothing new.
func (c *Crawler) notModified(ctx context.Context, it *store.FrontierItem, at time.Time) {
	known, info, err := c.known(ctx, it.URL)
	if c.dbErr(err) {
		return
	}
	if known {
		if c.dbErr(c.db.Touch(ctx, firstNonEmpty(info.ArticleURL, it.URL), at)) {
			return
		}
		c.mu.Lock()
		c.stats.Unchanged++
		c.mu.Unlock()
	}
	c.finishItem(ctx, it, store.FrontierDone, "", "not modified")
}

// enqueue adds items (already filtered) to the frontier.
func (c *Crawler) enqueue(ctx context.Context, items []store.FrontierItem) {
	if len(items) == 0 {
		return
	}
	res, err := c.db.Enqueue(ctx, items, !c.opt.Refresh)
	if c.dbErr(err) {
		return
	}
	c.mu.Lock()
	c.stats.Unchanged += res.Known
	if res.Known > 0 { // stored articles are not fetched again
		c.stats.Skips[SkipStored] += res.Known
	}
	if res.Added > 0 {
		c.wakeLocked()
	}
	c.mu.Unlock()
}

// wakeLocked wakes the workers waiting for a claimable item: new items
// are in the frontier, a busy host has a free slot, or the last item in
// hand is done. c.mu must be held.
func (c *Crawler) wakeLocked() {
	if c.wake != nil {
		close(c.wake)
		c.wake = nil
	}
}

// woken returns a channel closed at the next wakeLocked.
func (c *Crawler) woken() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.wake == nil {
		c.wake = make(chan struct{})
	}
	return c.wake
}
