package crawler

import (
	"bytes"
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
// The page is tokenized once and measured as it streams by (links, text
// length and the first date under every element, the text kept in one
// buffer), without building a DOM, so the cost stays linear in the
// page's size however many links it carries. Elements nest as an HTML5
// parser would nest them for the cases listing pages use (implied
// closing of p, li, dt, dd, tr, td, th and option, void elements,
// misnested end tags); stranger markup may nest differently, which only
// moves where a link's date is looked for.
func FindLinks(raw []byte, pageURL string) (*Links, error) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, err
	}
	s := scanPage(raw)
	if s.hasBase {
		if b, err := base.Parse(s.base); err == nil {
			base = b
		}
	}
	out := &Links{}
	seen := make(map[string]int, len(s.anchors))
	norm := make(map[string]string, len(s.anchors))
	resolve := func(href string) (string, bool) {
		if u, ok := norm[href]; ok {
			return u, u != ""
		}
		u, ok := NormalizeURL(base, href)
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
			l.Date = dateNear(a.el)
			if !l.Date.IsZero() {
				l.item = s.itemText(a.el)
			}
		}
		add(l)
	}
	return out, nil
}

// elem is one element of the page as the scan saw it.
type elem struct {
	parent   *elem
	tag      atom.Atom
	name     string     // the tag name, for tags atom does not know
	anchors  int32      // <a href> elements under it, itself included
	runes    int32      // runes of text (scripts and styles left out)
	timeDate *time.Time // the first <time datetime> date
	textDay  int32      // the first dd/mm/yyyy or yyyy-mm-dd date in the text, as yyyymmdd
	pager    bool       // its class or id names a pagination block
	furnish  bool       // a menu, header, footer or breadcrumb
	root     bool       // the document, above <html>
	// text[from:to] of the scan is the element's text.
	from, to int32
}

// day turns a yyyymmdd number back into a date.
func day(d int32) time.Time {
	return time.Date(int(d/10000), time.Month(d/100%100), int(d%100), 0, 0, 0, 0, page.Vietnam)
}

// elemPool hands out elems from chunks: a page has hundreds.
type elemPool struct{ chunk []elem }

func (p *elemPool) new(tag atom.Atom) *elem {
	if len(p.chunk) == cap(p.chunk) {
		p.chunk = make([]elem, 0, 256)
	}
	p.chunk = p.chunk[:len(p.chunk)+1]
	e := &p.chunk[len(p.chunk)-1]
	e.tag = tag
	return e
}

// anchor is an <a href> found by the scan.
type anchor struct {
	el               *elem
	href, rel, title string
}

// pageScan is what scanPage found.
type pageScan struct {
	text    []byte // the page's text, scripts and styles left out
	anchors []anchor
	feeds   []string // hrefs of <link rel=alternate> RSS and Atom feeds
	next    []string // hrefs of rel=next links and anchors
	base    string   // the first <base href>
	hasBase bool
}

// Tag sets of the nesting rules.
var (
	voidTags = map[atom.Atom]bool{
		atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
		atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Param: true,
		atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Keygen: true,
	}
	// closesP are the start tags that close an open <p>.
	closesP = map[atom.Atom]bool{
		atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Details: true,
		atom.Div: true, atom.Dl: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
		atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
		atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Main: true, atom.Menu: true,
		atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true,
		atom.Ul: true, atom.Li: true, atom.Dd: true, atom.Dt: true,
	}
	// scopeTags bound the search for an open element to close.
	scopeTags = map[atom.Atom]bool{
		atom.Table: true, atom.Td: true, atom.Th: true, atom.Caption: true, atom.Template: true,
		atom.Object: true, atom.Marquee: true, atom.Applet: true, atom.Button: true,
	}
	// specialTags are not closed by the end tag of an inline element
	// opened inside them.
	specialTags = map[atom.Atom]bool{
		atom.Li: true, atom.Td: true, atom.Th: true, atom.Tr: true, atom.Tbody: true, atom.Thead: true,
		atom.Tfoot: true, atom.Select: true, atom.Button: true, atom.Iframe: true, atom.Img: true,
		atom.Caption: true, atom.Template: true, atom.Object: true, atom.Marquee: true, atom.Applet: true,
	}
	// rawTags hold raw text (the tokenizer reads no markup in them).
	rawTags = map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Textarea: true, atom.Title: true, atom.Noscript: true,
		atom.Iframe: true, atom.Xmp: true, atom.Noembed: true, atom.Noframes: true, atom.Plaintext: true,
	}
	// headTags stay out of the implied <body>.
	headTags = map[atom.Atom]bool{
		atom.Base: true, atom.Link: true, atom.Meta: true, atom.Title: true, atom.Script: true,
		atom.Style: true, atom.Noscript: true, atom.Template: true,
	}
)

// scanPage tokenizes raw once and measures every element.
func scanPage(raw []byte) *pageScan {
	s := &pageScan{text: make([]byte, 0, len(raw)/4), anchors: make([]anchor, 0, len(raw)/256)}
	var pool elemPool
	z := html.NewTokenizer(bytes.NewReader(raw))
	root := &elem{root: true}
	htmlEl := &elem{parent: root, tag: atom.Html}
	var body, head *elem
	stack := []*elem{root, htmlEl}
	top := func() *elem { return stack[len(stack)-1] }
	pop := func() {
		e := top()
		stack = stack[:len(stack)-1]
		e.to = int32(len(s.text))
		p := e.parent
		p.anchors += e.anchors
		p.runes += e.runes
		if p.timeDate == nil {
			p.timeDate = e.timeDate
		}
		if p.textDay == 0 {
			p.textDay = e.textDay
		}
	}
	// popTo pops up to and including the innermost open element e with
	// match(e), unless a boundary element comes first.
	popTo := func(match, boundary func(*elem) bool) bool {
		for i := len(stack) - 1; i >= 2; i-- {
			e := stack[i]
			if match(e) {
				for len(stack) > i {
					pop()
				}
				return true
			}
			if boundary != nil && boundary(e) {
				return false
			}
		}
		return false
	}
	push := func(e *elem) {
		e.parent = top()
		e.from = int32(len(s.text))
		stack = append(stack, e)
	}
	isTag := func(tags ...atom.Atom) func(*elem) bool {
		return func(e *elem) bool {
			for _, t := range tags {
				if e.tag == t {
					return true
				}
			}
			return false
		}
	}
	inScope := func(e *elem) bool { return scopeTags[e.tag] }
	ensureBody := func() {
		if body != nil {
			return
		}
		for top() != htmlEl {
			pop()
		}
		body = pool.new(atom.Body)
		push(body)
	}
	raw2 := false // inside a script or style: text not counted
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			for len(stack) > 1 {
				pop()
			}
			return s
		case html.TextToken:
			if raw2 {
				continue
			}
			t := z.Text()
			if body == nil && (top() == htmlEl || top() == head) {
				if len(bytes.TrimSpace(t)) == 0 {
					continue
				}
				ensureBody() // text before <body> opens it
			}
			e := top()
			s.text = append(s.text, t...)
			e.runes += int32(utf8.RuneCount(t))
			if e.textDay == 0 {
				if d, ok := findDate(t); ok {
					e.textDay = int32(d.Year()*10000 + int(d.Month())*100 + d.Day())
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			nameb, hasAttr := z.TagName()
			tag := atom.Lookup(nameb)
			var href, rel, title, class, id, typ, datetime string
			var hasHref, hasDatetime, hasBaseHref bool
			if voidTags[tag] && tag != atom.Link && tag != atom.Base {
				hasAttr = false // an <img> or <meta> holds no link and no item
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "href":
					href, hasHref, hasBaseHref = string(v), true, true
				case "rel":
					rel = string(v)
				case "title":
					title = string(v)
				case "class":
					class = string(v)
				case "id":
					id = string(v)
				case "type":
					typ = string(v)
				case "datetime":
					datetime, hasDatetime = string(v), true
				}
			}
			switch tag {
			case atom.Html:
				continue
			case atom.Head:
				if head == nil && body == nil {
					head = pool.new(atom.Head)
					push(head)
				}
				continue
			case atom.Body:
				ensureBody()
				continue
			}
			if !headTags[tag] && body == nil {
				ensureBody()
			}
			// Implied end tags.
			switch {
			case tag == atom.Li:
				popTo(isTag(atom.Li), isTag(atom.Ul, atom.Ol, atom.Menu, atom.Div, atom.Table))
			case tag == atom.Dt || tag == atom.Dd:
				popTo(isTag(atom.Dt, atom.Dd), isTag(atom.Dl, atom.Div, atom.Table))
			case tag == atom.Tr:
				popTo(isTag(atom.Tr), isTag(atom.Table, atom.Tbody, atom.Thead, atom.Tfoot))
			case tag == atom.Td || tag == atom.Th:
				popTo(isTag(atom.Td, atom.Th), isTag(atom.Tr, atom.Table))
			case tag == atom.Tbody || tag == atom.Thead || tag == atom.Tfoot:
				popTo(isTag(atom.Tbody, atom.Thead, atom.Tfoot), isTag(atom.Table))
			case tag == atom.Option:
				popTo(isTag(atom.Option), isTag(atom.Select, atom.Datalist))
			case tag == atom.A:
				popTo(isTag(atom.A), isTag(atom.Table, atom.Td, atom.Th, atom.Div, atom.Li))
			}
			if closesP[tag] {
				popTo(isTag(atom.P), inScope)
			}
			e := pool.new(tag)
			if tag == 0 {
				e.name = string(nameb)
			}
			switch tag {
			case atom.A:
				if hasHref {
					e.anchors = 1
					s.anchors = append(s.anchors, anchor{el: e, href: href, rel: rel, title: title})
					if hasToken(rel, "next") {
						s.next = append(s.next, href)
					}
				}
			case atom.Link:
				if hasToken(rel, "alternate") {
					t := strings.ToLower(typ)
					if strings.Contains(t, "rss") || strings.Contains(t, "atom") {
						s.feeds = append(s.feeds, href)
					}
				}
				if hasToken(rel, "next") {
					s.next = append(s.next, href)
				}
			case atom.Base:
				if hasBaseHref && !s.hasBase {
					s.base, s.hasBase = strings.TrimSpace(href), true
				}
			case atom.Time:
				if hasDatetime {
					if t, ok := parseFeedDate(datetime); ok {
						e.timeDate = &t
					}
				}
			case atom.Nav, atom.Header, atom.Footer:
				e.furnish = true
			}
			if class != "" || id != "" {
				key := class + " " + id
				e.pager = pagerClass.MatchString(key)
				if !e.furnish {
					for _, t := range strings.Fields(key) {
						if furnitureNames[strings.ToLower(t)] {
							e.furnish = true
							break
						}
					}
				}
			}
			push(e)
			if voidTags[tag] {
				pop()
				continue
			}
			if tt == html.StartTagToken && rawTags[tag] {
				// The tokenizer reads their content as raw text; scripts
				// and styles do not count as text.
				raw2 = tag == atom.Script || tag == atom.Style
			}
		case html.EndTagToken:
			nameb, _ := z.TagName()
			tag := atom.Lookup(nameb)
			raw2 = false
			switch tag {
			case atom.Html, atom.Body:
				continue
			case atom.Head:
				if head != nil {
					popTo(func(e *elem) bool { return e == head }, nil)
				}
				continue
			case atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Td, atom.Th, atom.Table:
				popTo(isTag(tag), isTag(atom.Table))
				continue
			}
			if closesP[tag] || specialTags[tag] {
				popTo(isTag(tag), inScope)
				continue
			}
			// An inline element: closed if open above the innermost
			// block, else the end tag is ignored.
			name := string(nameb)
			popTo(func(e *elem) bool {
				if tag != 0 {
					return e.tag == tag
				}
				return e.tag == 0 && e.name == name
			}, func(e *elem) bool { return closesP[e.tag] || specialTags[e.tag] })
		}
	}
}

// textOf returns the text of e.
func (s *pageScan) textOf(e *elem) string {
	return string(s.text[e.from:e.to])
}

// inPager reports whether an anchor sits in a pagination block (its
// parent or the two elements above).
func inPager(a *elem) bool {
	p := a.parent
	for i := 0; i < 3 && p != nil && !p.root; i++ {
		if p.pager {
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
func dateNear(a *elem) time.Time {
	p := a
	for i := 0; i < dateLevels && p != nil && !p.root; i++ {
		if p.furnish {
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
		if p.textDay != 0 {
			return day(p.textDay)
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
	return vntext.NFC(strings.Join(strings.Fields(s), " "))
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
