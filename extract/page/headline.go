package page

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// subHead is an h2 or h3 with its position, and whether it stands in a
// header, a menu, a link or a box whose name marks furniture (sidebar,
// related news, widgets).
type subHead struct {
	textPos
	furniture bool
}

// subHeadline picks the headline of a page that has no usable h1 (none,
// or only the logo's): the first h2/h3 that opens the article. It must
// read like a headline (five to forty words, not a box title in
// capitals, not a list marker such as "Tin liên quan", not the site's
// name, not a link) and show that it opens the article: the publication
// stamp follows right after it, or it carries a title-like class, or it
// stands inside the article's container. A heading the stamp follows is
// preferred to one that only stands in a container, so that a sidebar
// heading before the article does not win. The zero textPos when none
// qualifies.
func (m *meta) subHeadline(h *hinter) textPos {
	var named textPos
	for _, s := range m.subs {
		if s.furniture || !m.headlineLike(s.n) {
			continue
		}
		if m.stampFollows(s.pos) {
			return s.textPos
		}
		if named.n == nil && (titleNamed(s.n, h) || inArticleBox(s.n, h)) {
			named = s.textPos
		}
	}
	return named
}

// headlineLike tells whether the heading n reads like an article's
// headline rather than a box title or the site's name.
func (m *meta) headlineLike(n *html.Node) bool {
	if hasAncestor(n, atom.A) || hasDescendant(n, atom.A) || hasAncestor(n, atom.Aside) ||
		hasAncestor(n, atom.Footer) || hasAncestor(n, atom.Nav) || hasAncestor(n, atom.Header) {
		return false
	}
	t := innerText(n)
	words := len(strings.Fields(t))
	if words < 5 || words > 40 {
		return false
	}
	f := foldKey(t)
	if containsExact(stopMarkers, f) || siteNameLike(t) || allUpper(t) {
		return false
	}
	for _, name := range m.siteNames() {
		if fn := foldKey(name); fn != "" && (f == fn || strings.HasPrefix(f, fn+" ")) {
			return false
		}
	}
	return true
}

// allUpper tells a line written all in capitals: box titles ("CÁC TIN
// KHÁC", "THÔNG BÁO MỚI CỦA UBND HUYỆN").
func allUpper(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// stampFollows tells whether a publication stamp with a clock time, not
// in a header or a link, comes within a few text nodes after the
// heading's position.
func (m *meta) stampFollows(pos int) bool {
	for _, s := range m.stamps {
		if d := s.pos - pos; d >= 0 && d <= 4 && s.clock && !s.inHeader && !s.inLink {
			return true
		}
	}
	return false
}

// titleNamed tells whether n or its parent carries a title-like class or
// id ("title", "tieude"), other than a box's ("box-title").
func titleNamed(n *html.Node, h *hinter) bool {
	for i, e := 0, n; i < 2 && e != nil && e.Type == html.ElementNode; i, e = i+1, e.Parent {
		if h.node(e)&hTitle != 0 && !containsAny(nodeKey(e), boxHints) {
			return true
		}
	}
	return false
}

// boxHints name the boxes of a portal's columns, whose title-named
// headings are the boxes' titles.
var boxHints = []string{"box", "module", "block", "widget", "portlet", "cate", "chuyenmuc", "chuyen-muc"}

// inArticleBox tells whether n stands inside an <article> or <main>, or
// close inside an element named as the article's container ("news-detail",
// "noidung", "chitiet"), before any furniture-named box.
func inArticleBox(n *html.Node, h *hinter) bool {
	for i, e := 0, n.Parent; i < 3 && e != nil && e.Type == html.ElementNode; i, e = i+1, e.Parent {
		if e.DataAtom == atom.Article || e.DataAtom == atom.Main {
			return true
		}
		f := h.node(e)
		if f&(hHeader|hNegative) != 0 || containsAny(nodeKey(e), boxHints) {
			return false
		}
		if f&hPositive != 0 {
			return true
		}
	}
	return false
}

// isSiteTitle tells whether the <title> left after cutting the site name
// off is still no headline: the site's name as the page gives it
// elsewhere (og:site_name, the logo), or a section's name of fewer than
// four words ("Tin tức sự kiện").
func (m *meta) isSiteTitle(dt string) bool {
	if len(strings.Fields(dt)) < 4 {
		return true
	}
	fd := foldKey(dt)
	for _, name := range m.siteNames() {
		if foldKey(name) == fd {
			return true
		}
	}
	return false
}
