package crawler

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"

	"github.com/vnnews/vnnews/store"
)

// maxRobotsBytes bounds the robots.txt read.
const maxRobotsBytes = 512 << 10

// hostState is what the crawler knows of one host: its robots.txt rules
// (read once per run, by the crawler itself) and the delay between two
// requests to it.
type hostState struct {
	mu       sync.Mutex
	ready    bool             // robots.txt read, or known to be absent
	group    *robotstxt.Group // the rules for our User-Agent; nil allows everything
	delay    time.Duration    // robots.txt Crawl-delay, 0 if none
	sitemaps []string         // robots.txt Sitemap lines
	prepared bool             // delay rule set and sitemaps queued
}

// allows reports whether robots.txt lets the crawler fetch u, tested as
// colly does (escaped path and query).
func (hs *hostState) allows(u *url.URL) bool {
	if hs == nil || hs.group == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return hs.group.Test(p)
}

// robotsOf returns the state of u's host, reading its robots.txt first
// if this run has not read it yet. The error is non-nil when robots.txt
// could not be reached (a network failure or timeout); that is not
// remembered, so the next request to the host tries again. A robots.txt
// answered with 4xx allows everything, with 5xx disallows everything (as
// the robots exclusion standard says).
func (c *Crawler) robotsOf(ctx context.Context, u *url.URL) (*hostState, error) {
	host := strings.ToLower(u.Host)
	c.hostMu.Lock()
	hs := c.hosts[host]
	if hs == nil {
		hs = &hostState{}
		c.hosts[host] = hs
	}
	c.hostMu.Unlock()
	hs.mu.Lock()
	defer hs.mu.Unlock()
	if hs.ready {
		return hs, nil
	}
	root := u.Scheme + "://" + u.Host
	rd, err := c.fetchRobots(ctx, root)
	if err != nil {
		return hs, err
	}
	hs.ready = true
	if rd != nil {
		hs.group = rd.FindGroup(c.ua)
		if hs.group != nil {
			hs.delay = min(hs.group.CrawlDelay, maxCrawlDelay)
		}
		hs.sitemaps = rd.Sitemaps
	}
	return hs, nil
}

// fetchRobots fetches and parses root/robots.txt. A robots.txt that
// cannot be parsed counts as absent (nil, nil).
func (c *Crawler) fetchRobots(ctx context.Context, root string) (*robotstxt.RobotsData, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, root+"/robots.txt", nil)
	if err != nil {
		return nil, fmt.Errorf("robots.txt of %s: %w", root, err)
	}
	req.Header.Set("User-Agent", c.ua)
	resp, err := c.client.Do(req)
	if err != nil {
		c.log.Debug("robots.txt unreachable", "root", root, "err", err)
		return nil, fmt.Errorf("robots.txt of %s: %w", root, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil && resp.StatusCode < 300 {
		return nil, fmt.Errorf("robots.txt of %s: %w", root, err)
	}
	rd, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		c.log.Debug("robots.txt unreadable, taken as absent", "root", root, "err", err)
		return nil, nil
	}
	return rd, nil
}

// prepareHost makes sure the item's host is ready to be fetched from: its
// robots.txt read (a longer Crawl-delay is kept by Crawler.hold), and,
// once per run, the sitemaps robots.txt names (or, failing those,
// /sitemap.xml) queued.
func (c *Crawler) prepareHost(ctx context.Context, src *source, it *store.FrontierItem, u *url.URL) (*hostState, error) {
	hs, err := c.robotsOf(ctx, u)
	if err != nil {
		return nil, err
	}
	hs.mu.Lock()
	if hs.prepared {
		hs.mu.Unlock()
		return hs, nil
	}
	hs.prepared = true
	if hs.delay > src.delay {
		c.log.Info("robots.txt asks for a longer delay", "host", u.Host, "delay", hs.delay)
	}
	sitemaps := hs.sitemaps
	hs.mu.Unlock()

	root := u.Scheme + "://" + u.Host
	kind := kindSitemap
	if len(sitemaps) == 0 {
		sitemaps = []string{root + "/sitemap.xml"}
		kind = kindProbe
	}
	var items []store.FrontierItem
	for _, s := range sitemaps {
		n, ok := NormalizeURL(u, s)
		if !ok {
			continue
		}
		nu, _ := url.Parse(n)
		if !src.hosts[hostKey(nu.Host)] {
			continue
		}
		items = append(items, store.FrontierItem{URL: n, Source: src.Name, Host: strings.ToLower(nu.Host),
			Kind: kind, Depth: it.Depth, Parent: it.URL})
	}
	c.enqueue(ctx, items)
	return hs, nil
}
