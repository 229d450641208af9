package crawler

// The goquery implementation of FindLinks before it was rewritten to
// measure the page in one pass: kept to check that the rewrite finds
// the same links, pagination, dates and items.

import (
	"bytes"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/vnnews/vnnews/extract/page"
	"github.com/vnnews/vnnews/extract/vntext"
)

// refListingDate finds a date like 16/05/2024, 16-5-2024 or 2024-05-16.
var refListingDate = regexp.MustCompile(`(?:^|\D)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?:\D|$)|(?:^|\D)((?:19|20)\d\d)-(\d{2})-(\d{2})(?:\D|$)`)

// FindLinks returns the crawlable links of an HTML page: anchors, feeds
// named in the head, and pagination, resolved against the page URL (or
// its <base href>) and normalized. Pagination and dates shown beside
// each link are noted for listing pages.
func findLinksRef(raw []byte, pageURL string) (*Links, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, err
	}
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := base.Parse(strings.TrimSpace(href)); err == nil {
			base = b
		}
	}
	out := &Links{}
	seen := map[string]int{}
	add := func(l Link) {
		if i, ok := seen[l.URL]; ok {
			prev := &out.Links[i]
			prev.Pagination = prev.Pagination || l.Pagination
			prev.Feed = prev.Feed || l.Feed
			if prev.Date.IsZero() && !l.Date.IsZero() {
				prev.Date, prev.item = l.Date, l.item
				out.Dated++
			}
			return
		}
		if !l.Date.IsZero() {
			out.Dated++
		}
		seen[l.URL] = len(out.Links)
		out.Links = append(out.Links, l)
	}
	doc.Find(`link[rel~="alternate"]`).Each(func(_ int, s *goquery.Selection) {
		t := strings.ToLower(s.AttrOr("type", ""))
		if !strings.Contains(t, "rss") && !strings.Contains(t, "atom") {
			return
		}
		if u, ok := NormalizeURL(base, s.AttrOr("href", "")); ok {
			add(Link{URL: u, Feed: true})
		}
	})
	doc.Find(`link[rel~="next"], a[rel~="next"]`).Each(func(_ int, s *goquery.Selection) {
		if u, ok := NormalizeURL(base, s.AttrOr("href", "")); ok {
			add(Link{URL: u, Pagination: true})
		}
	})
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href := s.AttrOr("href", "")
		u, ok := NormalizeURL(base, href)
		if !ok {
			return
		}
		l := Link{URL: u}
		if rel := strings.ToLower(s.AttrOr("rel", "")); strings.Contains(rel, "nofollow") && strings.Contains(rel, "sponsored") {
			return
		}
		text := strings.TrimSpace(s.Text())
		if len(text) <= 24 { // "next" labels are short; folding every anchor is costly
			text = strings.ToLower(strings.Join(strings.Fields(vntext.Fold(text)), " "))
		}
		if nextTexts[text] || nextTexts[strings.ToLower(s.AttrOr("title", ""))] {
			l.Pagination = true
		} else if refInPager(s) {
			l.Pagination = true
		}
		if !l.Pagination {
			l.Date = refDateNear(s)
			if !l.Date.IsZero() {
				l.item = refItemText(s)
			}
		}
		add(l)
	})
	return out, nil
}

// inPager reports whether an anchor sits in a pagination block.
func refInPager(s *goquery.Selection) bool {
	p := s.Parent()
	for i := 0; i < 3 && p.Length() > 0; i++ {
		if pagerClass.MatchString(p.AttrOr("class", "") + " " + p.AttrOr("id", "")) {
			return true
		}
		p = p.Parent()
	}
	return false
}

// dateNear finds the date shown with a link on a listing: a <time>
// element or a dd/mm/yyyy date in the link's item (an ancestor up to
// three levels whose text is short enough to be one item).
func refDateNear(s *goquery.Selection) time.Time {
	p := s
	for i := 0; i < 4 && p.Length() > 0; i++ {
		if refIsFurniture(p) {
			break // a menu or a header, with today's date beside it
		}
		if i > 0 && p.Find("a[href]").Length() > 3 {
			break // grew past one item into the list
		}
		if dt, ok := p.Find("time[datetime]").First().Attr("datetime"); ok {
			if t, ok := parseFeedDate(dt); ok {
				return t
			}
		}
		text := p.Text()
		if utf8.RuneCountInString(text) > 600 {
			break
		}
		if t, ok := refFindDate(text); ok {
			return t
		}
		p = p.Parent()
	}
	return time.Time{}
}

// itemText returns the text of the listing item an anchor belongs to: its
// largest ancestor (up to five levels) that holds at most three links
// (thumbnail, headline, "read more") and at most maxItemRunes of text.
func refItemText(s *goquery.Selection) string {
	best := ""
	p := s
	for i := 0; i < 6 && p.Length() > 0; i++ {
		if i > 0 && p.Find("a[href]").Length() > 3 {
			break
		}
		text := p.Text()
		if utf8.RuneCountInString(text) > maxItemRunes {
			break
		}
		best = text
		p = p.Parent()
	}
	return collapse(best)
}

// isFurniture reports whether s is a menu, header, footer or breadcrumb.
func refIsFurniture(s *goquery.Selection) bool {
	switch goquery.NodeName(s) {
	case "nav", "header", "footer":
		return true
	}
	for _, t := range strings.Fields(s.AttrOr("class", "") + " " + s.AttrOr("id", "")) {
		if furnitureNames[strings.ToLower(t)] {
			return true
		}
	}
	return false
}

// findDate returns the first valid date in s (day first, Vietnamese style,
// or ISO).
func refFindDate(s string) (time.Time, bool) {
	for _, m := range refListingDate.FindAllStringSubmatch(s, 3) {
		var d, mo, y int
		if m[3] != "" {
			d, _ = strconv.Atoi(m[1])
			mo, _ = strconv.Atoi(m[2])
			y, _ = strconv.Atoi(m[3])
		} else {
			y, _ = strconv.Atoi(m[4])
			mo, _ = strconv.Atoi(m[5])
			d, _ = strconv.Atoi(m[6])
		}
		if d < 1 || d > 31 || mo < 1 || mo > 12 {
			continue
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, page.Vietnam)
		if t.Day() != d {
			continue
		}
		return t, true
	}
	return time.Time{}, false
}
