package crawler

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// FeedKind tells what an XML document listing URLs is.
type FeedKind int

// Feed kinds.
const (
	NotAFeed     FeedKind = iota
	SitemapIndex          // <sitemapindex>: its entries are more sitemaps
	URLSet                // <urlset>: a sitemap of pages
	RSS                   // RSS 0.9x/2.0 or RSS 1.0 (RDF)
	Atom                  // Atom 1.0
)

// String names the kind.
func (k FeedKind) String() string {
	return [...]string{"not a feed", "sitemap index", "sitemap", "RSS", "Atom"}[k]
}

// FeedEntry is one URL listed by a sitemap or feed, with its date when
// the document gives one (lastmod, pubDate, updated).
type FeedEntry struct {
	URL  string
	Date time.Time
}

// Feed is a parsed sitemap, sitemap index, RSS or Atom document.
type Feed struct {
	Kind    FeedKind
	Entries []FeedEntry
}

type xmlLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

type xmlItem struct {
	Link    string `xml:"link"`
	GUID    string `xml:"guid"`
	PubDate string `xml:"pubDate"`
	Date    string `xml:"date"` // dc:date
}

type xmlAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
}

type xmlEntry struct {
	Links     []xmlAtomLink `xml:"link"`
	Updated   string        `xml:"updated"`
	Published string        `xml:"published"`
}

type xmlDoc struct {
	XMLName  xml.Name
	URLs     []xmlLoc  `xml:"url"`
	Sitemaps []xmlLoc  `xml:"sitemap"`
	Items    []xmlItem `xml:"item"` // RSS 1.0 puts items at the top
	Channel  struct {
		Items []xmlItem `xml:"item"`
	} `xml:"channel"`
	Entries []xmlEntry `xml:"entry"`
}

// ParseFeed parses a sitemap, sitemap index, RSS or Atom document in any
// charset its XML declaration names. Entry URLs are returned as written
// (trimmed); the caller resolves and filters them. A document of another
// kind gives Kind NotAFeed and no error.
func ParseFeed(data []byte) (*Feed, error) {
	dec := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		return charset.NewReaderLabel(label, r)
	}
	var doc xmlDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	f := &Feed{}
	switch strings.ToLower(doc.XMLName.Local) {
	case "sitemapindex":
		f.Kind = SitemapIndex
		for _, s := range doc.Sitemaps {
			f.add(s.Loc, s.LastMod)
		}
	case "urlset":
		f.Kind = URLSet
		for _, s := range doc.URLs {
			f.add(s.Loc, s.LastMod)
		}
	case "rss", "rdf":
		f.Kind = RSS
		for _, it := range append(doc.Channel.Items, doc.Items...) {
			link := it.Link
			if strings.TrimSpace(link) == "" {
				link = it.GUID
			}
			d := it.PubDate
			if d == "" {
				d = it.Date
			}
			f.add(link, d)
		}
	case "feed":
		f.Kind = Atom
		for _, e := range doc.Entries {
			href := ""
			for _, l := range e.Links {
				if l.Rel == "" || l.Rel == "alternate" {
					href = l.Href
					break
				}
			}
			d := e.Published
			if d == "" {
				d = e.Updated
			}
			f.add(href, d)
		}
	}
	return f, nil
}

func (f *Feed) add(loc, date string) {
	loc = strings.TrimSpace(loc)
	if loc == "" {
		return
	}
	t, _ := parseFeedDate(date)
	f.Entries = append(f.Entries, FeedEntry{URL: loc, Date: t})
}

var feedDateLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04",
	"2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "Mon, 02 Jan 2006 15:04 -0700", "2 Jan 2006 15:04:05 -0700",
	"02/01/2006 15:04:05", "02/01/2006",
}

// parseFeedDate reads the dates sitemaps and feeds use (W3C datetime,
// RFC 822/1123 and a few local variants).
func parseFeedDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range feedDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// looksLikeFeed reports whether a body is an XML document of a kind
// ParseFeed reads, by its first element.
func looksLikeFeed(b []byte) bool {
	if len(b) > 2048 {
		b = b[:2048]
	}
	l := bytes.ToLower(b)
	for _, t := range []string{"<urlset", "<sitemapindex", "<rss", "<rdf:rdf", "<feed"} {
		if bytes.Contains(l, []byte(t)) {
			return true
		}
	}
	return false
}
