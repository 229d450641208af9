package crawler

import (
	"context"
	"errors"
	"mime"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"

	"github.com/vnnews/vnnews/extract"
	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/extract/page"
	"github.com/vnnews/vnnews/store"
)

// fetched is one successful response.
type fetched struct {
	it      *store.FrontierItem
	src     *source
	url     string // after redirects
	status  int
	ct      string // Content-Type as served
	etag    string
	lastMod string
	body    []byte
	at      time.Time
	cut     bool // body cut at MaxBodySize
}

// process routes a response by what it is: a sitemap or feed, an HTML
// page (article or listing), or plain text.
func (c *Crawler) process(ctx context.Context, r *fetched) {
	mt, _, _ := mime.ParseMediaType(r.ct)
	isXML := strings.Contains(mt, "xml") || strings.Contains(mt, "gzip")
	switch {
	case (isXML || r.it.Kind == kindSitemap || r.it.Kind == kindProbe || r.it.Kind == kindFeed) && looksLikeFeed(r.body):
		c.processFeed(ctx, r)
	case page.IsHTML(r.body) || mt == "text/html" || mt == "application/xhtml+xml":
		c.processPage(ctx, r, true)
	case mt == "text/plain" || mt == "":
		c.processPage(ctx, r, false)
	case isXML && r.it.Kind == kindProbe:
		c.finishItem(ctx, r.it, store.FrontierDone, "", "not a sitemap")
	default:
		c.fail(ctx, r.it, ErrBadContentType, false, 0, errors.New("content type "+r.ct))
	}
}

// processFeed enqueues the entries of a sitemap, sitemap index or feed.
func (c *Crawler) processFeed(ctx context.Context, r *fetched) {
	f, err := ParseFeed(r.body)
	if err != nil {
		c.fail(ctx, r.it, ErrParse, false, 0, err)
		return
	}
	base, _ := url.Parse(r.url)
	var items []store.FrontierItem
	for _, e := range f.Entries {
		if !c.opt.Since.IsZero() && !e.Date.IsZero() && e.Date.Before(c.opt.Since) {
			continue
		}
		kind := kindPage
		if f.Kind == SitemapIndex {
			kind = kindSitemap
		}
		if it, ok := c.follow(r, base, e.URL, kind, r.it.Depth+1, 0, ""); ok {
			items = append(items, it)
		}
	}
	c.enqueue(ctx, items)
	c.remember(ctx, r, "feed", "")
	c.log.Debug("feed", "url", r.url, "kind", f.Kind.String(), "entries", len(f.Entries), "queued", len(items))
	c.finishItem(ctx, r.it, store.FrontierDone, "", "")
}

// processPage extracts an HTML or text page: an article is stored; the
// links of every HTML page are followed within the source's limits.
func (c *Crawler) processPage(ctx context.Context, r *fetched, html bool) {
	// The links are read off the tree extraction parses, before it
	// prunes the page's furniture.
	var links *Links
	var linkErr error
	var visit func(*xhtml.Node)
	if html {
		visit = func(doc *xhtml.Node) { links, linkErr = findLinksIn(doc, r.url, &c.urls) }
	}
	a, p, err := extract.ParseVisit(r.body, r.ct, r.url, r.src.xopt, visit)
	if err != nil {
		c.log.Warn("extraction failed", "url", r.url, "err", err)
		c.count(ErrParse)
	}
	if html && links == nil && linkErr == nil {
		// Served as HTML but read as plain text: no tree was parsed.
		links, linkErr = FindLinks(r.body, r.url)
	}
	if linkErr != nil {
		c.count(ErrParse)
	}
	if links == nil {
		links = &Links{}
	}
	published := ""
	if a != nil && p != nil && c.isArticle(r, a, p, links, html) {
		if r.cut {
			a.Warnings = append(a.Warnings, "crawl: body cut at the size limit")
		}
		if !c.storeArticle(ctx, r, a) {
			return
		}
		if a.Published != nil {
			published = *a.Published
		}
	} else {
		c.remember(ctx, r, "listing", "")
	}
	if html {
		c.followLinks(ctx, r, links)
	}
	c.finishItem(ctx, r.it, store.FrontierDone, published, "")
}

// isArticle classes a page: by the source's article_url pattern when it
// has one, else by content (see classify).
func (c *Crawler) isArticle(r *fetched, a *facts.Article, p *page.Page, links *Links, html bool) bool {
	if re := r.src.articleRE; re != nil {
		return re.MatchString(r.url) || re.MatchString(r.it.URL)
	}
	ok, why := classify(a, p, links, html)
	if !ok {
		c.log.Debug("not an article", "url", r.url, "why", why)
	}
	return ok
}

// listingShare is the share of a page's main text that, when it sits in
// at least minListItems dated items of a list, makes the page a listing.
const (
	listingShare = 0.5
	minListItems = 3
)

// classify tells an article from a listing by what the page extraction
// found: an article has a headline, a substantial main text and (on an
// HTML page) a publication date. Dated links do not make a page a
// listing by their number, since articles carry related-news boxes full
// of them; what does is a main text made mostly of the dated items
// themselves (headlines, dates and teasers of a list). why says what was
// missing.
func classify(a *facts.Article, p *page.Page, links *Links, html bool) (ok bool, why string) {
	if strings.TrimSpace(p.Title) == "" && (a == nil || a.Title == nil || *a.Title == "") {
		return false, "no headline"
	}
	var body, inItems int
	var items []string
	if links != nil {
		for _, l := range links.Links {
			if l.item != "" {
				items = append(items, l.item)
			}
		}
	}
	hit := map[string]bool{} // the items the main text was found in
	for _, b := range p.Blocks {
		if b.Kind == page.Caption {
			continue
		}
		n := utf8.RuneCountInString(b.Text)
		body += n
		if n >= 20 && len(items) > 0 {
			t := collapse(b.Text)
			for _, it := range items {
				if strings.Contains(it, t) {
					inItems += n
					hit[it] = true
					break
				}
			}
		}
	}
	if body < minArticleRunes {
		return false, "main text too short"
	}
	// A list spreads its text over several items; one "item" holding the
	// whole text is a short article with a dated link (print, share)
	// inside it.
	if len(hit) >= minListItems && float64(inItems) >= listingShare*float64(body) {
		return false, "main text is a list of dated items"
	}
	if html && p.Published.IsZero() && (a == nil || a.Published == nil) {
		return false, "no publication date"
	}
	return true, ""
}

// storeArticle saves an article under its canonical URL, unless it is a
// duplicate (canonical already stored, or the same text under another
// URL). It returns false when the item has been finished already.
func (c *Crawler) storeArticle(ctx context.Context, r *fetched, a *facts.Article) bool {
	canon := a.URL
	if canon == "" {
		canon = r.url
	}
	if n, ok := NormalizeURL(nil, canon); ok {
		canon = n
		a.URL = n
	}
	if !c.opt.Refresh && canon != r.it.URL {
		known, info, err := c.known(ctx, canon)
		if c.dbErr(err) {
			return false
		}
		if known {
			c.duplicate(r, firstNonEmpty(info.ArticleURL, canon))
			c.remember(ctx, r, "article", firstNonEmpty(info.ArticleURL, canon))
			return true
		}
	}
	if strings.TrimSpace(a.Body) != "" {
		other, ok, err := c.db.ArticleByHash(ctx, store.ContentHash(a.Body))
		if c.dbErr(err) {
			return false
		}
		if ok && other != canon {
			c.duplicate(r, other)
			c.remember(ctx, r, "article", other)
			return true
		}
	}
	sp := &store.Page{URL: canon, FetchedURL: r.url, Status: r.status, ContentType: r.ct, ETag: r.etag,
		LastModified: r.lastMod, FetchedAt: r.at, Raw: r.body}
	_, created, err := c.db.SaveArticle(ctx, sp, a)
	if err != nil {
		if errors.Is(err, store.ErrDiskFull) || errors.Is(err, store.ErrReadOnly) {
			c.dbErr(err)
			return false
		}
		c.log.Warn("store failed", "url", canon, "err", err)
		c.count(ErrStore)
		c.finishItem(ctx, r.it, store.FrontierFailed, "", ErrStore)
		return false
	}
	c.mu.Lock()
	if created {
		c.stats.New++
	} else {
		c.stats.Updated++
	}
	c.mu.Unlock()
	c.log.Debug("article stored", "url", canon, "new", created)
	if canon != r.it.URL || r.url != r.it.URL {
		c.remember(ctx, r, "article", canon)
	}
	return true
}

func (c *Crawler) duplicate(r *fetched, of string) {
	c.mu.Lock()
	c.stats.Unchanged++
	c.stats.Duplicates++
	c.mu.Unlock()
	c.log.Debug("duplicate article", "url", r.url, "of", of)
}

// remember records what the fetched URL (and the URL it redirected to)
// turned out to be, with its validators for the next conditional GET.
func (c *Crawler) remember(ctx context.Context, r *fetched, kind, articleURL string) {
	for _, u := range []string{r.it.URL, r.url} {
		info := store.URLInfo{URL: u, Kind: kind, ArticleURL: articleURL, ETag: r.etag, LastMod: r.lastMod, FetchedAt: r.at}
		if c.dbErr(c.db.RecordURL(ctx, info)) {
			return
		}
		if r.url == r.it.URL {
			return
		}
	}
}

// followLinks enqueues a page's links within the source's limits.
func (c *Crawler) followLinks(ctx context.Context, r *fetched, links *Links) {
	base, _ := url.Parse(r.url)
	since := c.opt.Since
	var items []store.FrontierItem
	var next []store.FrontierItem
	newest := time.Time{}
	for _, l := range links.Links {
		if l.Date.After(newest) {
			newest = l.Date
		}
	}
	for _, l := range links.Links {
		switch {
		case l.Feed:
			if it, ok := c.follow(r, base, l.URL, kindFeed, r.it.Depth, 0, ""); ok {
				items = append(items, it)
			}
		case l.Pagination:
			if r.it.Page+1 > c.cfg.MaxPagination {
				continue
			}
			if it, ok := c.follow(r, base, l.URL, kindListing, r.it.Depth, r.it.Page+1, ""); ok {
				next = append(next, it)
			}
		default:
			if !since.IsZero() && !l.Date.IsZero() && l.Date.Before(since) {
				continue
			}
			if it, ok := c.follow(r, base, l.URL, kindPage, r.it.Depth+1, 0, ""); ok {
				items = append(items, it)
			}
		}
	}
	if len(next) > 0 && !since.IsZero() {
		switch {
		case links.Dated >= 2 && newest.Before(since):
			c.log.Debug("stop paginating: listing older than --since", "url", r.url, "newest", newest.Format("2006-01-02"))
			next = nil
		case links.Dated < 2:
			// No dates on the listing: the next page waits for this
			// page's articles and is skipped if none is recent.
			for i := range next {
				next[i].Gate = r.it.URL
			}
		}
	}
	c.enqueue(ctx, append(items, next...))
}

// follow turns a discovered link into a frontier item, or refuses it:
// off the source's hosts, not a page, disallowed by the source's skip
// pattern, too deep, already seen this run, or a trap (a calendar, too
// many query variants of one path).
func (c *Crawler) follow(r *fetched, base *url.URL, raw, kind string, depth, pageNo int, gate string) (store.FrontierItem, bool) {
	var zero store.FrontierItem
	// Most links of a page (menus, related boxes) were seen on earlier
	// pages: FindLinks gives them normalized, so look before parsing.
	c.mu.Lock()
	seen := c.seen[raw]
	c.mu.Unlock()
	if seen {
		return zero, false
	}
	n, ok := NormalizeURL(base, raw)
	if !ok {
		return zero, false
	}
	u, err := url.Parse(n)
	if err != nil || !r.src.hosts[hostKey(u.Host)] || isBinaryURL(u) {
		return zero, false
	}
	if r.src.skipRE != nil && r.src.skipRE.MatchString(n) {
		return zero, false
	}
	if kind == kindPage && depth > r.src.maxDepth {
		return zero, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen[n] {
		return zero, false
	}
	if key := calendarKey(u); key != "" {
		if c.calendars[key] >= maxCalendarPages {
			return zero, false
		}
		c.calendars[key]++
	}
	if u.RawQuery != "" {
		key := u.Host + u.Path
		if c.variants[key] >= c.cfg.MaxQueryVariants {
			return zero, false
		}
		c.variants[key]++
	}
	c.seen[n] = true
	return store.FrontierItem{URL: n, Source: r.src.Name, Host: strings.ToLower(u.Host), Kind: kind,
		Depth: depth, Page: pageNo, Parent: r.it.URL, Gate: gate}, true
}

// maxCalendarPages bounds the pages fetched from one calendar-like URL
// family.
const maxCalendarPages = 12
