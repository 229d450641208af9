// Package extract turns one fetched page into the facts vnnews stores: it
// tells HTML from plain text, takes the article out of the page
// (extract/page) and runs the Vietnamese matchers over it (extract/match).
package extract

import (
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/extract/match"
	"github.com/vnnews/vnnews/extract/page"
	"github.com/vnnews/vnnews/extract/vntext"
)

// Options tunes extraction for one source.
type Options struct {
	// HTML carries per-site selectors for pages the heuristics get wrong.
	HTML page.Options
	// Province is the source's province, used when the text names none.
	Province string
}

// Page extracts the facts of one page. raw is HTML in any charset or plain
// text (told apart by content); contentType is the HTTP header, if any;
// pageURL is where the page came from ("" for a local file).
func Page(raw []byte, contentType, pageURL string, opt Options) (*facts.Article, error) {
	a, _, err := Parse(raw, contentType, pageURL, opt)
	return a, err
}

// Parse is Page that also returns the parsed page (for its canonical URL,
// blocks and warnings).
func Parse(raw []byte, contentType, pageURL string, opt Options) (*facts.Article, *page.Page, error) {
	return ParseVisit(raw, contentType, pageURL, opt, nil)
}

// ParseVisit is Parse that hands an HTML page's parsed document to
// visit, when not nil, before extraction prunes it (see
// page.ParseHTMLVisit): a caller that needs more of the page, as the
// crawler needs its links, parses it once. visit is not called for
// plain text.
func ParseVisit(raw []byte, contentType, pageURL string, opt Options, visit func(doc *html.Node)) (*facts.Article, *page.Page, error) {
	var p *page.Page
	if page.IsHTML(raw) {
		var err error
		p, err = page.ParseHTMLVisit(raw, contentType, pageURL, opt.HTML, visit)
		if err != nil {
			return nil, nil, fmt.Errorf("extract %s: %w", where(pageURL), err)
		}
	} else {
		text, warn := decodeText(raw, contentType)
		p = page.ParseText(text)
		p.URL = pageURL
		if warn != "" {
			p.Warnings = append(p.Warnings, warn)
		}
	}
	a := match.Match(p)
	a.URL = pageURL
	if p.Canonical != "" {
		a.URL = p.Canonical
	}
	if a.Province == nil && opt.Province != "" {
		prov := vntext.NFC(opt.Province)
		a.Province = &prov
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		a.Site = strings.ToLower(u.Hostname())
	}
	a.Warnings = append(a.Warnings, p.Warnings...)
	a.Normalize()
	return a, p, nil
}

func where(pageURL string) string {
	if pageURL == "" {
		return "page"
	}
	return pageURL
}
