package crawler

import (
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/vnnews/vnnews/extract/page"
	"github.com/vnnews/vnnews/extract/vntext"
)

// Link is one link found on a page.
type Link struct {
	URL        string    // normalized absolute URL
	Pagination bool      // a "next page" or page-number link of a listing
	Feed       bool      // an RSS/Atom feed named by <link rel=alternate>
	Date       time.Time // a date shown beside the link on a listing, zero if none

	// item is the text of the listing item a dated link sits in (its
	// headline, date and teaser), spaces collapsed: the classifier
	// checks whether a page's main text is made of such items.
	item string
}

// Links is what a page links to.
type Links struct {
	Links []Link
	// Dated counts the links that had a date beside them.
	Dated int
}

// nextTexts are the labels (diacritics folded, lower case) of "next
// page" links on Vietnamese and English sites.
var nextTexts = map[string]bool{
	"»": true, "›": true, ">": true, ">>": true, "→": true, "sau": true, "tiep": true, "trang sau": true,
	"tiep theo": true, "xem tiep": true, "trang tiep": true, "next": true, "next page": true, "tiep »": true,
	"sau »": true, "trang ke": true, "ke tiep": true,
}

// pagerClass matches the class or id of a pagination block.
var pagerClass = regexp.MustCompile(`(?i)pag(ing|ination|er|es)|phan-?trang|page-?nav|wp-pagenavi`)

// furnitureNames are classes and ids (whole tokens, lower case) of page
// furniture whose links are never listing items.
var furnitureNames = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "main-menu": true, "mainmenu": true,
	"mega-menu": true, "megamenu": true, "topbar": true, "top-bar": true, "header": true, "site-header": true,
	"footer": true, "site-footer": true, "breadcrumb": true, "breadcrumbs": true,
}

// Limits of the listing-item heuristics.
const (
	// dateLevels is how far up from a link its date is looked for.
	dateLevels = 4
	// maxDateRunes bounds the text of an element a link's date is read
	// from: past it, the element is more than one item.
	maxDateRunes = 600
	// itemLevels and maxItemRunes bound a listing item (headline, date
	// and teaser).
	itemLevels   = 6
	maxItemRunes = 1200
	// maxItemLinks is the most links one listing item holds (thumbnail,
	// headline, "read more").
	maxItemLinks = 3
)

// FindLinks returns the crawlable links of an HTML page: anchors, feeds
// named in the head, and pagination, resolved against the page URL (or
// its <base href>) and normalized. Pagination and dates shown beside
// each link are noted for listing pages.
//
// raw is parsed as page.ParseTree parses it (UTF-8, not decoded from
// another charset). The crawler itself does not parse a page twice: it
// reads the links off the tree extraction parsed, with FindLinksIn.
func FindLinks(raw []byte, pageURL string) (*Links, error) {
	if _, err := url.Parse(pageURL); err != nil {
		return nil, err
	}
	doc, err := page.ParseTree(raw)
	if err != nil {
		return nil, err
	}
	return FindLinksIn(doc, pageURL)
}

// FindLinksIn is FindLinks over a parsed HTML document, as html.Parse
// builds it; the tree is only read. It is walked once, every element
// measured on the way (links and text under it, the first <time> date,
// its text kept as a span of one buffer), so the cost stays linear in
// the page's size however many links it carries.
func FindLinksIn(doc *html.Node, pageURL string) (*Links, error) {
	return findLinksIn(doc, pageURL, nil)
}

// findLinksIn is FindLinksIn with the crawl's cache of normalized links,
// which may be nil.
func findLinksIn(doc *html.Node, pageURL string, cache *urlCache) (*Links, error) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, err
	}
	s := scanTree(doc)
	if s.hasBase {
		if b, err := base.Parse(s.base); err == nil {
			base = b
		}
	}
	out := &Links{Links: make([]Link, 0, len(s.anchors))}
	seen := make(map[string]int, len(s.anchors))
	norm := make(map[string]string, len(s.anchors))
	origin := base.Scheme + "://" + base.Host
	resolve := func(href string) (string, bool) {
		if u, ok := norm[href]; ok {
			return u, u != ""
		}
		u, ok := cache.normalize(base, origin, href)
		norm[href] = u
		return u, ok
	}
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
	for _, href := range s.feeds {
		if u, ok := resolve(href); ok {
			add(Link{URL: u, Feed: true})
		}
	}
	for _, href := range s.next {
		if u, ok := resolve(href); ok {
			add(Link{URL: u, Pagination: true})
		}
	}
	for _, a := range s.anchors {
		u, ok := resolve(a.href)
		if !ok {
			continue
		}
		if rel := strings.ToLower(a.rel); strings.Contains(rel, "nofollow") && strings.Contains(rel, "sponsored") {
			continue
		}
		l := Link{URL: u}
		text := strings.TrimSpace(s.textOf(a.el))
		if len(text) <= 24 { // "next" labels are short; folding every anchor is costly
			text = strings.ToLower(strings.Join(strings.Fields(vntext.Fold(text)), " "))
		}
		if nextTexts[text] || nextTexts[strings.ToLower(a.title)] || inPager(a.el) {
			l.Pagination = true
		}
		if !l.Pagination {
			l.Date = s.dateNear(a.el)
			if !l.Date.IsZero() {
				l.item = s.itemText(a.el)
			}
		}
		add(l)
	}
	return out, nil
}

// elem is one element of the page as the walk measured it.
type elem struct {
	parent  *elem
	node    *html.Node
	tag     atom.Atom
	anchors int32 // <a href> elements under it, itself included
	runes   int32 // runes of text (scripts and styles left out)
	// hasTime is set when a <time datetime> is under it (itself
	// included); timeDate is the first one's date, nil when it does not
	// parse.
	hasTime  bool
	timeDate *time.Time
	day      int32 // the first date in its text as yyyymmdd, -1 for none, 0 not looked for yet
	flags    uint8 // elemClassed, elemPager, elemFurniture
	root     bool  // the document, above <html>
	// text[from:to] of the scan is the element's text.
	from, to int32
}

// elem flags, worked out when first asked for.
const (
	elemClassed   = 1 << iota // the flags below are known
	elemPager                 // its class or id names a pagination block
	elemFurniture             // a menu, header, footer or breadcrumb
)

// class returns e's flags, working them out on first use: most elements
// are never asked.
func (e *elem) class() uint8 {
	if e.flags&elemClassed != 0 {
		return e.flags
	}
	f := uint8(elemClassed)
	switch e.tag {
	case atom.Nav, atom.Header, atom.Footer:
		f |= elemFurniture
	}
	var class, id string
	if e.node != nil {
		class, _ = attr(e.node, "class")
		id, _ = attr(e.node, "id")
	}
	if class != "" || id != "" {
		// Every name pagerClass matches holds "pag" or "trang".
		if (containsFold(class, "pag") || containsFold(class, "trang") || containsFold(id, "pag") ||
			containsFold(id, "trang")) && pagerClass.MatchString(class+" "+id) {
			f |= elemPager
		}
		if f&elemFurniture == 0 && (furnitureName(class) || furnitureName(id)) {
			f |= elemFurniture
		}
	}
	e.flags = f
	return f
}

// furnitureName reports whether one of the space-separated names in v
// is in furnitureNames, ASCII case ignored.
func furnitureName(v string) bool {
	for t := range strings.FieldsSeq(v) {
		if furnitureNames[t] || hasUpper(t) && furnitureNames[strings.ToLower(t)] {
			return true
		}
	}
	return false
}

// hasUpper reports whether s holds an ASCII capital letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains sub (lower-case ASCII),
// ASCII case ignored.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for ; j < len(sub); j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// attr returns the value of n's first attribute named key.
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// elemPool hands out elems from chunks: a page has hundreds.
type elemPool struct{ chunk []elem }

func (p *elemPool) new() *elem {
	if len(p.chunk) == cap(p.chunk) {
		p.chunk = make([]elem, 0, 256)
	}
	p.chunk = p.chunk[:len(p.chunk)+1]
	return &p.chunk[len(p.chunk)-1]
}

// anchor is an <a href> found by the walk.
type anchor struct {
	el               *elem
	href, rel, title string
}

// pageScan is what scanTree found.
type pageScan struct {
	text    []byte // the page's text, scripts and styles left out
	anchors []anchor
	feeds   []string // hrefs of <link rel=alternate> RSS and Atom feeds
	next    []string // hrefs of rel=next links and anchors
	base    string   // the first <base href>
	hasBase bool
	pool    elemPool
}

// scanTree walks doc once and measures every element.
func scanTree(doc *html.Node) *pageScan {
	s := &pageScan{text: make([]byte, 0, 16<<10), anchors: make([]anchor, 0, 128)}
	root := &elem{root: true}
	s.walk(doc, root)
	root.to = int32(len(s.text))
	return s
}

// walk measures the children of n, whose element is e.
func (s *pageScan) walk(n *html.Node, e *elem) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if e.tag == atom.Script || e.tag == atom.Style {
				continue // not text a reader sees
			}
			s.text = append(s.text, c.Data...)
			e.runes += int32(utf8.RuneCountInString(c.Data))
		case html.ElementNode:
			ce := s.pool.new()
			ce.parent, ce.node, ce.tag = e, c, c.DataAtom
			ce.from = int32(len(s.text))
			s.element(ce)
			s.walk(c, ce)
			ce.to = int32(len(s.text))
			e.anchors += ce.anchors
			e.runes += ce.runes
			if !e.hasTime && ce.hasTime {
				e.hasTime, e.timeDate = true, ce.timeDate
			}
		}
	}
}

// element notes what e's own tag and attributes say: a link, a feed,
// the base URL, a <time> date.
func (s *pageScan) element(e *elem) {
	switch e.tag {
	case atom.A:
		href, ok := attr(e.node, "href")
		if !ok {
			return
		}
		rel, _ := attr(e.node, "rel")
		title, _ := attr(e.node, "title")
		e.anchors = 1
		s.anchors = append(s.anchors, anchor{el: e, href: href, rel: rel, title: title})
		if hasToken(rel, "next") {
			s.next = append(s.next, href)
		}
	case atom.Link:
		rel, _ := attr(e.node, "rel")
		href, _ := attr(e.node, "href")
		if hasToken(rel, "alternate") {
			typ, _ := attr(e.node, "type")
			if t := strings.ToLower(typ); strings.Contains(t, "rss") || strings.Contains(t, "atom") {
				s.feeds = append(s.feeds, href)
			}
		}
		if hasToken(rel, "next") {
			s.next = append(s.next, href)
		}
	case atom.Base:
		if href, ok := attr(e.node, "href"); ok && !s.hasBase {
			s.base, s.hasBase = strings.TrimSpace(href), true
		}
	case atom.Time:
		if dt, ok := attr(e.node, "datetime"); ok {
			e.hasTime = true
			if t, ok := parseFeedDate(dt); ok {
				e.timeDate = &t
			}
		}
	}
}

// textOf returns the text of e.
func (s *pageScan) textOf(e *elem) string {
	return string(s.text[e.from:e.to])
}

// dayOf returns the first date in e's text as yyyymmdd, or -1.
func (s *pageScan) dayOf(e *elem) int32 {
	if e.day == 0 {
		e.day = -1
		if d, ok := findDate(s.text[e.from:e.to]); ok {
			e.day = int32(d.Year()*10000 + int(d.Month())*100 + d.Day())
		}
	}
	return e.day
}

// day turns a yyyymmdd number back into a date.
func day(d int32) time.Time {
	return time.Date(int(d/10000), time.Month(d/100%100), int(d%100), 0, 0, 0, 0, page.Vietnam)
}

// inPager reports whether an anchor sits in a pagination block (its
// parent or the two elements above).
func inPager(a *elem) bool {
	p := a.parent
	for i := 0; i < 3 && p != nil && !p.root; i++ {
		if p.class()&elemPager != 0 {
			return true
		}
		p = p.parent
	}
	return false
}

// dateNear finds the date shown with a link on a listing: a <time>
// element or a dd/mm/yyyy date in the link's item (an ancestor up to
// three levels whose text is short enough to be one item), never in a
// menu or header, where today's date stands beside the links.
func (s *pageScan) dateNear(a *elem) time.Time {
	p := a
	for i := 0; i < dateLevels && p != nil && !p.root; i++ {
		if p.class()&elemFurniture != 0 {
			break
		}
		if i > 0 && p.anchors > maxItemLinks {
			break // grew past one item into the list
		}
		if p.timeDate != nil {
			return *p.timeDate
		}
		if p.runes > maxDateRunes {
			break
		}
		if d := s.dayOf(p); d > 0 {
			return day(d)
		}
		p = p.parent
	}
	return time.Time{}
}

// itemText returns the text of the listing item an anchor belongs to: its
// largest ancestor (up to five levels) that holds at most maxItemLinks
// links and at most maxItemRunes of text.
func (s *pageScan) itemText(a *elem) string {
	var best *elem
	p := a
	for i := 0; i < itemLevels && p != nil && !p.root; i++ {
		if (i > 0 && p.anchors > maxItemLinks) || p.runes > maxItemRunes {
			break
		}
		best = p
		p = p.parent
	}
	if best == nil {
		return ""
	}
	return collapse(s.textOf(best))
}

// collapse joins the words of s with single spaces, in NFC.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for f := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return vntext.NFC(b.String())
}

// hasToken reports whether the space-separated list v holds tok (ASCII
// case-insensitive), as CSS's [attr~=tok] does.
func hasToken(v, tok string) bool {
	for _, f := range strings.Fields(v) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// findDate returns the first valid date in s: day first, Vietnamese style
// (16/05/2024, 16-5-2024, 16.5.2024), or ISO (2024-05-16). A date's
// ends are "not a digit" rather than word boundaries, since an element's
// text runs into the next one's ("20/05/2024Sáng 16/5 ...").
func findDate[T ~string | ~[]byte](s T) (time.Time, bool) {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			continue
		}
		j := digitsEnd(s, i)
		var d, mo, y int
		switch n := j - i; {
		case n <= 2: // day / month / year
			if j >= len(s) || !isDateSep(s[j]) {
				continue
			}
			k := digitsEnd(s, j+1)
			if k-(j+1) < 1 || k-(j+1) > 2 || k >= len(s) || !isDateSep(s[k]) {
				continue
			}
			e := digitsEnd(s, k+1)
			if e-(k+1) != 4 || !century(s[k+1], s[k+2]) {
				continue
			}
			d, mo, y = atoi(s[i:j]), atoi(s[j+1:k]), atoi(s[k+1:e])
		case n == 4: // ISO year-month-day
			if !century(s[i], s[i+1]) || j+6 > len(s) || s[j] != '-' || s[j+3] != '-' ||
				digitsEnd(s, j+1) != j+3 || digitsEnd(s, j+4) != j+6 {
				continue
			}
			y, mo, d = atoi(s[i:j]), atoi(s[j+1:j+3]), atoi(s[j+4:j+6])
		default:
			i = j - 1
			continue
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

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isDateSep(c byte) bool  { return c == '/' || c == '.' || c == '-' }
func century(a, b byte) bool { return a == '1' && b == '9' || a == '2' && b == '0' }

// digitsEnd returns the index past the run of digits starting at i.
func digitsEnd[T ~string | ~[]byte](s T, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func atoi[T ~string | ~[]byte](s T) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
