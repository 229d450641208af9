package page

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/vnnews/vnnews/extract/vntext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what one walk over the whole document gathers before the
// furniture is cut away.
type meta struct {
	lang      string
	docTitle  string
	metas     map[string]string // name/property/itemprop (lower case) → first content
	canonical string
	jsonLD    []string
	h1s       []textPos
	heads     []textPos // h2-h4 and title-named elements, for the date anchor
	subs      []subHead // h2/h3 in document order, for pages without a usable h1
	times     []timePos
	stamps    []stampPos
	authors   []string // texts of .author/.byline/[itemprop=author] elements
	logoAlts  []string // alt texts of the images in the site's logo or banner box
	texts     int      // count of non-blank text nodes seen

	// The per-site date selector's element, read before the furniture is
	// cut away: its datetime/content attribute and its text.
	optDateAttr, optDateText string
}

// readDateSelector reads the element opt.Date names, if any.
func (m *meta) readDateSelector(opt Options, gq *goquery.Document) {
	if opt.Date == "" {
		return
	}
	if sel := gq.Find(opt.Date).First(); sel.Length() > 0 {
		m.optDateAttr = firstNonEmpty(sel.AttrOr("datetime", ""), sel.AttrOr("content", ""))
		m.optDateText = strings.Join(strings.Fields(sel.Text()), " ")
	}
}

// textPos is an element with its position in the document's text order.
type textPos struct {
	n   *html.Node
	pos int
}

type timePos struct {
	val     string
	pubdate bool
	pos     int
}

// stampPos is a visible date line.
type stampPos struct {
	t        time.Time
	clock    bool
	pos      int
	inHeader bool // inside a header, nav or a furniture-named box
	inLink   bool
}

// metaKeys are the meta names that carry the publication date, best
// first.
var metaDateKeys = []string{
	"article:published_time", "og:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "publish_date", "date",
	"dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date",
	"sailthru.date", "parsely-pub-date", "article.published", "published_time",
	"og:article:published_time", "cxenseparse:recs:publishtime", "itemprop:datepublished",
}

func collectMeta(doc *html.Node, h *hinter) *meta {
	m := &meta{metas: map[string]string{}}
	var walk func(n *html.Node, header, link bool)
	walk = func(n *html.Node, header, link bool) {
		switch n.Type {
		case html.TextNode:
			if strings.TrimSpace(n.Data) == "" {
				return
			}
			m.texts++
			if p := n.Parent; p != nil && (p.DataAtom == atom.Script || p.DataAtom == atom.Style || p.DataAtom == atom.Title || p.DataAtom == atom.Noscript) {
				return
			}
			if len(n.Data) < 200 && hasDateShape(n.Data) {
				if t, clock, ok := parseStamp(strings.TrimSpace(n.Data)); ok && stampOnly(n.Data) {
					if !clock {
						t, clock = clockFromAround(n, t)
					}
					m.stamps = append(m.stamps, stampPos{t: t, clock: clock, pos: m.texts, inHeader: header, inLink: link})
				}
			}
			return
		case html.ElementNode:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, header, link)
			}
			return
		}
		switch n.DataAtom {
		case atom.Html:
			if l := attr(n, "lang"); l != "" {
				m.lang = l
			}
		case atom.Title:
			if m.docTitle == "" && !hasAncestor(n, atom.Svg) {
				m.docTitle = innerText(n)
			}
			return
		case atom.Meta:
			key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
			if attr(n, "itemprop") != "" {
				key = "itemprop:" + strings.ToLower(attr(n, "itemprop"))
			}
			val := attr(n, "content")
			if key != "" && val != "" {
				if _, ok := m.metas[key]; !ok {
					m.metas[key] = val
				}
			}
			return
		case atom.Link:
			if strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") && m.canonical == "" {
				m.canonical = attr(n, "href")
			}
			return
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				m.jsonLD = append(m.jsonLD, n.FirstChild.Data)
			}
			return
		case atom.Style, atom.Noscript, atom.Template:
			return
		case atom.H1:
			m.h1s = append(m.h1s, textPos{n, m.texts + 1})
		case atom.H2, atom.H3, atom.H4, atom.Div, atom.P, atom.Span, atom.Td, atom.Strong, atom.B:
			if len(m.heads) < 64 && (n.DataAtom == atom.H2 || n.DataAtom == atom.H3 || n.DataAtom == atom.H4 || h.node(n)&hTitle != 0) {
				m.heads = append(m.heads, textPos{n, m.texts + 1})
			}
			if len(m.subs) < 64 && (n.DataAtom == atom.H2 || n.DataAtom == atom.H3) {
				m.subs = append(m.subs, subHead{textPos{n, m.texts + 1}, header || link || h.node(n)&hHeader != 0})
			}
		case atom.Time:
			if v := attr(n, "datetime"); v != "" {
				_, pub := attrOK(n, "pubdate")
				m.times = append(m.times, timePos{v, pub || strings.EqualFold(attr(n, "itemprop"), "datePublished"), m.texts + 1})
			}
		case atom.Header, atom.Nav:
			header = true
		case atom.A:
			link = true
		case atom.Img:
			if alt := strings.Join(strings.Fields(attr(n, "alt")), " "); alt != "" && len(m.logoAlts) < 4 && inLogoBox(n) {
				m.logoAlts = append(m.logoAlts, alt)
			}
		}
		if ip := strings.ToLower(attr(n, "itemprop")); ip == "datepublished" {
			v := firstNonEmpty(attr(n, "datetime"), attr(n, "content"), innerText(n))
			if _, ok := m.metas["itemprop:datepublished"]; !ok && v != "" {
				m.metas["itemprop:datepublished"] = v
			}
		}
		if f := h.node(n); f != 0 || attr(n, "class") != "" || attr(n, "id") != "" {
			if !header && f&hHeader != 0 {
				header = true
			}
			if f&hAuthor != 0 && len(m.authors) < 8 {
				if t := innerText(n); t != "" && utf8.RuneCountInString(t) <= 80 {
					m.authors = append(m.authors, t)
				}
			}
		} else if strings.EqualFold(attr(n, "itemprop"), "author") || strings.EqualFold(attr(n, "rel"), "author") {
			if t := innerText(n); t != "" && utf8.RuneCountInString(t) <= 80 && len(m.authors) < 8 {
				m.authors = append(m.authors, t)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, header, link)
		}
	}
	walk(doc, false, false)
	return m
}

// headerHints name boxes of site furniture whose dates are not the
// article's: the header bar with its today-widget, menus, related lists.
var headerHints = []string{
	"header", "top-bar", "topbar", "menu", "nav", "today", "ngay-thang", "ngaythang",
	"clock", "weather", "thoitiet", "related", "lienquan", "lien-quan", "tinkhac",
	"tin-khac", "other", "sidebar", "footer", "comment", "binhluan", "widget",
}

// titleHints name headline elements on pages without an h1.
var titleHints = []string{"title", "tieude", "tieu-de", "tieu_de", "headline", "heading"}

// authorHints name byline elements.
var authorHints = []string{"author", "byline", "tacgia", "tac-gia", "writer", "signature"}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// hasDateShape is a cheap test for digit-separator-digit.
func hasDateShape(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if (s[i] == '/' || s[i] == '-' || s[i] == '.') && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// headline picks the article's h1: the one whose text the title metadata
// repeats, else the first outside the header.
func (m *meta) headline(opt Options, gq *goquery.Document) textPos {
	ref := foldKey(firstNonEmpty(m.metas["og:title"], m.metas["twitter:title"], m.docTitle))
	var first textPos
	for _, h := range m.h1s {
		t := foldKey(innerText(h.n))
		if t == "" || isLogo(h.n) {
			continue
		}
		if ref != "" && strings.Contains(ref, t) && utf8.RuneCountInString(t) >= 10 {
			return h
		}
		if first.n == nil && !hasAncestor(h.n, atom.Header) {
			first = h
		}
	}
	return first
}

// title picks the headline: the per-site selector, og:title, the h1, then
// <title> without the site name. head may be an h2/h3 (subHeadline) on a
// page without a usable h1: it is taken where <title> names only the site.
func (m *meta) title(head textPos, opt Options, gq *goquery.Document) string {
	if opt.Title != "" {
		if t := strings.TrimSpace(gq.Find(opt.Title).First().Text()); t != "" {
			return t
		}
	}
	h1 := ""
	if head.n != nil {
		h1 = innerText(head.n)
	}
	sub := head.n != nil && head.n.DataAtom != atom.H1 // an h2/h3 from subHeadline
	og := firstNonEmpty(m.metas["og:title"], m.metas["twitter:title"])
	dt := stripSiteName(stripSitePrefix(m.docTitle, m.siteNames()), m.metas["og:site_name"])
	for _, name := range m.logoAlts {
		// The name the logo or banner image gives the site, after the
		// headline; a section's name ("Thời sự | Báo Bắc Giang") keeps it.
		if cut := stripSiteName(dt, name); len(strings.Fields(cut)) >= 4 {
			dt = cut
		}
	}
	named := m.namedTitle()
	switch {
	case h1 != "" && og != "" && strings.Contains(foldKey(stripSiteName(og, m.metas["og:site_name"])), foldKey(h1)):
		return h1
	case h1 != "" && dt != "" && strings.Contains(foldKey(dt), foldKey(h1)):
		return h1
	case og != "":
		ogs := stripSiteName(og, m.metas["og:site_name"])
		// An og:title that is the tail of <title> is the site's name.
		if fd, fo := foldKey(m.docTitle), foldKey(ogs); dt != "" && fo != foldKey(dt) && strings.Contains(fd, fo) && !strings.HasPrefix(fd, fo) {
			return dt
		}
		return ogs
	case (h1 == "" || sub) && named != "" && (dt == "" || siteNameLike(dt) || strings.Contains(foldKey(dt), foldKey(named)) || extendsTitleHead(named, m.docTitle)):
		return named
	case sub && (dt == "" || siteNameLike(dt) || m.isSiteTitle(dt)):
		// No h1 is the headline and <title> names only the site: the
		// h2/h3 that opens the article is the headline.
		return h1
	case dt != "":
		return dt
	}
	return h1
}

// titleSeps part a <title>'s headline from the site's name, in the order
// they are tried.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " » "}

// prefixSeps part a site's name put before the headline: titleSeps and a
// colon.
var prefixSeps = append(titleSeps[:len(titleSeps):len(titleSeps)], ": ")

// stripSiteName cuts the site name off a <title>: "Tiêu đề - Báo Long
// An" → "Tiêu đề", "Tiêu đề - Ảnh | Trang thông tin - VnExpress iOne" →
// "Tiêu đề".
func stripSiteName(t, site string) string {
	t = strings.Join(strings.Fields(t), " ")
	// After " | " or " :: " comes the site: keep the first part when it is
	// a headline of its own.
	for _, sep := range []string{" | ", " :: ", " » "} {
		if i := strings.Index(t, sep); i > 0 && len(strings.Fields(t[:i])) >= 3 {
			t = t[:i]
		}
	}
	for range 3 {
		cut := false
		for _, sep := range titleSeps {
			i := strings.LastIndex(t, sep)
			if i <= 0 {
				continue
			}
			head, tail := t[:i], t[i+len(sep):]
			if site != "" && foldKey(tail) == foldKey(site) ||
				len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 3 && utf8.RuneCountInString(head) > utf8.RuneCountInString(tail) {
				t, cut = head, true
				break
			}
		}
		if !cut {
			break
		}
	}
	return t
}

// stripSitePrefix cuts a site's name off the front of a <title>: "Báo
// Thừa Thiên Huế Online - Đại học Huế tôn vinh ..." → "Đại học Huế tôn
// vinh ...", where the page names the site so elsewhere (its logo, its
// og:site_name). What is left must be the longer part.
func stripSitePrefix(t string, names []string) string {
	ft := foldKey(t)
	for _, name := range names {
		fn := foldKey(name)
		if fn == "" || !strings.HasPrefix(ft, fn) {
			continue
		}
		for _, sep := range prefixSeps {
			i := strings.Index(t, sep)
			if i <= 0 || foldKey(t[:i]) != fn {
				continue
			}
			if rest := strings.TrimSpace(t[i+len(sep):]); utf8.RuneCountInString(rest) > utf8.RuneCountInString(t[:i]) {
				return rest
			}
		}
	}
	return t
}

// extendsTitleHead tells whether the visible headline named is the full
// form of the headline a <title> gives before its separator and the site's
// name: "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW - Ban Tuyên giáo Tỉnh ủy
// Tuyên Quang" for "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính
// trị". The part before the separator must be three words or more and
// open named on a word boundary.
func extendsTitleHead(named, docTitle string) bool {
	fn := foldKey(named)
	t := strings.Join(strings.Fields(docTitle), " ")
	for _, sep := range titleSeps {
		i := strings.Index(t, sep)
		if i <= 0 || len(strings.Fields(t[:i])) < 3 {
			continue
		}
		if fh := foldKey(t[:i]); fh != "" && (fn == fh || strings.HasPrefix(fn, fh+" ")) {
			return true
		}
	}
	return false
}

// inLogoBox tells whether the image n stands in the site's logo or
// banner box: it, or one of its three nearest ancestors, is named so
// ("logo", "banner"), outside the article's own figures.
func inLogoBox(n *html.Node) bool {
	for i, e := 0, n; i < 4 && e != nil && e.Type == html.ElementNode; i, e = i+1, e.Parent {
		if k := nodeKey(e); containsAny(k, logoHints) || strings.Contains(k, "banner") {
			return true
		}
		if e.DataAtom == atom.Figure || e.DataAtom == atom.Article {
			return false
		}
	}
	return false
}

// siteNames are the names the page gives its site: og:site_name, the
// text of its logo headings and the alt text of its logo or banner image.
func (m *meta) siteNames() []string {
	var names []string
	if sn := m.metas["og:site_name"]; sn != "" {
		names = append(names, sn)
	}
	names = append(names, m.logoAlts...)
	for _, h := range m.h1s {
		if isLogo(h.n) {
			if t := innerText(h.n); t != "" {
				names = append(names, t)
			}
		}
	}
	return names
}

// siteName returns the site's own name: og:site_name, a logo's text or
// alt, else the part of <title> after its last separator when it names a
// site ("... | Báo Đồng Nai điện tử"); "" for none.
func (m *meta) siteName() string {
	if names := m.siteNames(); len(names) > 0 {
		return strings.Join(strings.Fields(names[0]), " ")
	}
	t := strings.Join(strings.Fields(m.docTitle), " ")
	for _, sep := range titleSeps {
		if i := strings.LastIndex(t, sep); i > 0 {
			if tail := t[i+len(sep):]; isSiteName(vntext.Fold(tail)) {
				return tail
			}
		}
	}
	return ""
}

// logoHints name the boxes that hold a site's logo or name (compared
// with the lower-case class and id).
var logoHints = []string{"logo", "brand", "site-name", "sitename", "site-title", "sitetitle", "masthead"}

// isLogo tells whether the heading n shows the site's logo or name rather
// than the headline: it, its parent or an element inside it is named as a
// logo ("<h1 class="logo">", "<div class="logo"><h1>"), or all its text is
// a link to the home page ("<h1><a href="/">Báo ...</a></h1>").
func isLogo(n *html.Node) bool {
	if containsAny(nodeKey(n), logoHints) || n.Parent != nil && n.Parent.Type == html.ElementNode && containsAny(nodeKey(n.Parent), logoHints) {
		return true
	}
	text := strings.TrimSpace(innerText(n))
	var found bool
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		for c = c.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if containsAny(nodeKey(c), logoHints) {
				found = true
				return
			}
			if c.DataAtom == atom.A && isHomeLink(attr(c, "href")) && text != "" && strings.TrimSpace(innerText(c)) == text {
				found = true
				return
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// isHomeLink tells whether href leads to a site's home page: "/",
// "./", "index.html", "https://baothuathienhue.vn/".
func isHomeLink(href string) bool {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return false
	}
	u, err := url.Parse(href)
	if err != nil || u.RawQuery != "" || u.Opaque != "" {
		return false
	}
	path := strings.TrimPrefix(strings.TrimPrefix(u.Path, "."), "/")
	if i := strings.IndexByte(path, '.'); i > 0 && strings.HasPrefix(path, "index") {
		path = ""
	}
	return path == "" || path == "home" || path == "trang-chu"
}

// canonical returns href resolved against pageURL when it stays on the
// page's site, else "".
func canonical(href, pageURL string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	ref, err := url.Parse(href)
	if err != nil {
		return ""
	}
	base, err := url.Parse(pageURL)
	if err != nil || pageURL == "" {
		if ref.IsAbs() {
			return ref.String()
		}
		return ""
	}
	abs := base.ResolveReference(ref)
	if abs.Scheme != "http" && abs.Scheme != "https" {
		return ""
	}
	if siteOf(abs.Hostname()) != siteOf(base.Hostname()) {
		return ""
	}
	abs.Fragment = ""
	return abs.String()
}

// siteOf is a host without a leading "www." or "m.", lower case.
func siteOf(h string) string {
	h = strings.ToLower(h)
	for _, p := range []string{"www.", "m.", "amp."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}

// date sets p.Published from, best first: the per-site selector, JSON-LD,
// meta tags, <time>, and the visible date line near the headline.
func (m *meta) date(p *Page, head textPos, opt Options, gq *goquery.Document) {
	set := func(t time.Time, clock bool) bool {
		if t.IsZero() || t.Year() < 1990 || t.Year() > 2100 {
			return false
		}
		p.Published, p.PublishedHasClock = t.In(Vietnam), clock
		return true
	}
	if m.optDateAttr != "" {
		if t, c, ok := parseMetaDate(m.optDateAttr); ok && set(t, c) {
			return
		}
	}
	if m.optDateText != "" {
		if t, c, ok := parseStamp(m.optDateText); ok && set(t, c) {
			return
		}
	}
	for _, js := range m.jsonLD {
		if v := jsonLDDate(js); v != "" {
			if t, c, ok := parseMetaDate(v); ok && set(t, c) {
				m.refineClock(p, head)
				return
			}
		}
	}
	for _, k := range metaDateKeys {
		if v, ok := m.metas[k]; ok {
			if t, c, ok := parseMetaDate(v); ok && set(t, c) {
				m.refineClock(p, head)
				return
			}
		}
	}
	for _, tp := range m.times {
		if tp.pubdate {
			if t, c, ok := parseMetaDate(tp.val); ok && set(t, c) {
				return
			}
		}
	}
	if s, ok := m.visibleStamp(head); ok {
		set(s.t, s.clock)
		return
	}
	if len(m.times) > 0 && head.n != nil {
		for _, tp := range m.times {
			if tp.pos >= head.pos-5 && tp.pos <= head.pos+40 {
				if t, c, ok := parseMetaDate(tp.val); ok && set(t, c) {
					return
				}
			}
		}
	}
}

// refineClock adds the clock of the visible stamp when the metadata gave
// only the day.
func (m *meta) refineClock(p *Page, head textPos) {
	if p.PublishedHasClock {
		return
	}
	if s, ok := m.visibleStamp(head); ok && s.clock && sameDay(s.t, p.Published) {
		p.Published, p.PublishedHasClock = s.t, true
	}
}

func sameDay(a, b time.Time) bool {
	a, b = a.In(Vietnam), b.In(Vietnam)
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// visibleStamp chooses the date line that belongs to the article: near
// the headline, not in the header bar, not in a link. A date without a
// clock before the headline is a today-widget unless it sits right above
// it.
func (m *meta) visibleStamp(head textPos) (stampPos, bool) {
	anchor := head.pos
	if head.n == nil {
		return stampPos{}, false
	}
	best, bestDist := stampPos{}, 1<<30
	consider := func(s stampPos, dist int) {
		if dist < bestDist {
			best, bestDist = s, dist
		}
	}
	for _, s := range m.stamps {
		if s.inLink || s.inHeader && !s.clock {
			continue
		}
		d := s.pos - anchor
		switch {
		case d >= 0 && d <= 60 && s.clock:
			consider(s, d)
		case d < 0 && d >= -20 && s.clock:
			consider(s, -d+5)
		case d >= 0 && d <= 30 && !s.clock:
			consider(s, d+20)
		case d < 0 && d >= -3 && !s.clock:
			consider(s, -d+40)
		}
	}
	return best, bestDist < 1<<30
}

// jsonLDDate finds datePublished (or dateCreated) in a JSON-LD script.
func jsonLDDate(js string) string {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(js)), &v); err != nil {
		return ""
	}
	var found string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if found != "" || depth > 8 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			for _, k := range []string{"datePublished", "dateCreated"} {
				if s, ok := x[k].(string); ok && s != "" {
					found = s
					return
				}
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if c, ok := x[k]; ok {
					walk(c, depth+1)
				}
			}
		case []any:
			for _, c := range x {
				walk(c, depth+1)
			}
		}
	}
	walk(v, 0)
	return found
}

// jsonLDAuthor finds author.name in a JSON-LD script.
func jsonLDAuthor(js string) string {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(js)), &v); err != nil {
		return ""
	}
	var names []string
	var walk func(v any, depth int, inAuthor bool)
	walk = func(v any, depth int, inAuthor bool) {
		if depth > 8 || len(names) > 4 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if inAuthor {
				if s, ok := x["name"].(string); ok && s != "" {
					names = append(names, s)
				}
				return
			}
			if a, ok := x["author"]; ok {
				if s, ok := a.(string); ok {
					names = append(names, s)
				} else {
					walk(a, depth+1, true)
				}
			}
			if g, ok := x["@graph"]; ok {
				walk(g, depth+1, false)
			}
		case []any:
			for _, c := range x {
				walk(c, depth+1, inAuthor)
			}
		}
	}
	walk(v, 0, false)
	return strings.Join(names, ", ")
}

// author sets the byline: meta author, JSON-LD, a byline element, or a
// last short paragraph of names in capitals ("HOÀNG ANH", "Minh Thư -
// Quốc Việt"), which then leaves the body.
func (m *meta) author(p *Page, byline string) {
	if byline != "" {
		p.Author = byline
		return
	}
	if a := bylineParagraph(p); a != "" {
		p.Author = a
		return
	}
	for _, js := range m.jsonLD {
		if a := jsonLDAuthor(js); a != "" {
			p.Author = nfc(a)
			return
		}
	}
	for _, k := range []string{"author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"} {
		if a := m.metas[k]; a != "" && !strings.Contains(a, "://") && !strings.Contains(a, ".") && !m.isSiteName(a, p.URL) {
			p.Author = nfc(a)
			return
		}
	}
	for _, a := range m.authors {
		a = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(a, "By "), "Tác giả:"))
		if a != "" {
			p.Author = nfc(a)
			return
		}
	}
}

// bylineParagraph takes a trailing byline block out of p.Blocks and
// returns it.
func bylineParagraph(p *Page) string {
	for i := len(p.Blocks) - 1; i >= 0 && i >= len(p.Blocks)-3; i-- {
		b := p.Blocks[i]
		if b.Kind == Caption {
			continue
		}
		if isNameLine(b.Text) {
			p.Blocks = append(p.Blocks[:i], p.Blocks[i+1:]...)
			return b.Text
		}
		return ""
	}
	return ""
}

// isNameLine tells a line of author names: at most six words per name, all
// capitals ("NGUYỄN VĂN A", "HOÀNG ANH - MINH THƯ"), or capitalised names
// joined by " - " ("Minh Thư - Quốc Việt").
func isNameLine(t string) bool {
	if utf8.RuneCountInString(t) > 60 || strings.ContainsAny(t, ".,:;!?\"“”()0123456789") {
		return false
	}
	words := strings.Fields(t)
	if len(words) < 2 || len(words) > 12 {
		return false
	}
	allCaps := true
	capitalised := true
	for _, w := range words {
		if w == "-" || w == "–" || w == "và" || w == "VÀ" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			capitalised = false
		}
		for _, c := range w {
			if unicode.IsLetter(c) && !unicode.IsUpper(c) {
				allCaps = false
			}
		}
	}
	if allCaps {
		return true
	}
	return capitalised && (strings.Contains(t, " - ") || strings.Contains(t, " – "))
}

// isSiteName tells whether a meta author is the site's own name
// ("VnExpress" on vnexpress.net).
func (m *meta) isSiteName(a, pageURL string) bool {
	f := strings.ReplaceAll(foldKey(a), " ", "")
	if f == "" {
		return true
	}
	if sn := strings.ReplaceAll(foldKey(m.metas["og:site_name"]), " ", ""); sn != "" && (strings.Contains(sn, f) || strings.Contains(f, sn)) {
		return true
	}
	if u, err := url.Parse(pageURL); err == nil && u.Hostname() != "" {
		return strings.Contains(strings.ReplaceAll(strings.ToLower(u.Hostname()), "-", ""), f)
	}
	return false
}

// bylineLeads open a byline line: "Tin, ảnh: Vũ Phương Thảo". Compared
// folded.
var bylineLeads = []string{"tin, anh:", "tin anh:", "bai, anh:", "bai va anh:", "bai anh:", "tin va anh:", "anh:", "bai:", "tin:", "theo", "by", "tac gia:", "nhom pv", "pv:"}

// cutBylinePrefix strips a byline's lead-in words.
func cutBylinePrefix(t string) string {
	f := vntext.Fold(t)
	for _, p := range bylineLeads {
		if strings.HasPrefix(f, p) && p != "theo" {
			// Fold keeps rune counts for Vietnamese, so cut by runes.
			rs := []rune(t)
			n := utf8.RuneCountInString(p)
			if n <= len(rs) {
				return strings.TrimSpace(string(rs[n:]))
			}
		}
	}
	return t
}

// anchor is the element that shows the headline, where the date line is
// looked for: the chosen h1 when it matches the title, else the first
// heading or title-named element that does.
func (m *meta) anchor(head textPos, title string) textPos {
	ft := foldKey(title)
	if ft == "" {
		return head
	}
	match := func(tp textPos) bool {
		t := foldKey(innerText(tp.n))
		return t != "" && (t == ft || utf8.RuneCountInString(t) >= 12 && strings.Contains(ft, t))
	}
	if head.n != nil && match(head) {
		return head
	}
	for _, h := range m.h1s {
		if match(h) {
			return h
		}
	}
	for _, h := range m.heads {
		if match(h) {
			return h
		}
	}
	return head
}

// clockFromAround looks for the time of day beside a date split over
// elements ("15:20 PM | <span>21/12/2012</span>") in the text of its
// parent and grandparent.
func clockFromAround(n *html.Node, t time.Time) (time.Time, bool) {
	p := n.Parent
	for range 2 {
		if p == nil || p.Type != html.ElementNode {
			break
		}
		txt := innerText(p)
		if utf8.RuneCountInString(txt) > 90 {
			break
		}
		if t2, clock, ok := parseStamp(txt); ok && clock && sameDay(t2, t) {
			return t2, true
		}
		p = p.Parent
	}
	return t, false
}

// namedTitle is the text of the first title-named element that reads like
// a headline (five words or more, not a link), for pages without an h1
// whose <title> is the site's name.
func (m *meta) namedTitle() string {
	for _, h := range m.heads {
		if h.n.DataAtom == atom.H2 || h.n.DataAtom == atom.H3 || h.n.DataAtom == atom.H4 || hasAncestor(h.n, atom.A) || hasDescendant(h.n, atom.A) {
			continue
		}
		t := innerText(h.n)
		if n := len(strings.Fields(t)); n >= 5 && n <= 40 {
			return t
		}
	}
	return ""
}

// siteNameWords open the <title> of a portal that names itself rather
// than the article. Compared folded.
var siteNameWords = []string{"cong thong tin", "trang thong tin", "website", "trang chu", "portal", "bao dien tu", "home", "ubnd ", "uy ban nhan dan"}

func siteNameLike(t string) bool {
	f := foldKey(t)
	for _, w := range siteNameWords {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	return false
}
