package page

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"github.com/vnnews/vnnews/extract/vntext"
)

// Options carries optional per-site CSS selectors from the crawl config,
// for sites where the generic heuristics fail. Each may be a selector
// group ("div.a, div.b"); an empty one leaves the heuristics in charge.
type Options struct {
	Content string // the article's text container(s)
	Title   string // the headline
	Date    string // the element whose text or datetime is the publication stamp
	Remove  string // furniture to drop before anything else
}

// check reports selectors that do not compile: they match nothing, and
// the heuristics take over.
func (o Options) check() []string {
	var out []string
	for _, s := range []struct{ name, sel string }{{"content", o.Content}, {"title", o.Title}, {"date", o.Date}, {"remove", o.Remove}} {
		if s.sel == "" {
			continue
		}
		if _, err := cascadia.ParseGroup(s.sel); err != nil {
			out = append(out, fmt.Sprintf("options: bad %s selector %q: %v", s.name, s.sel, err))
		}
	}
	return out
}

// Limits that keep ParseHTML bounded on hostile input.
const (
	// MaxInput is the most bytes of a page that are read; the rest is
	// cut off with a warning.
	MaxInput = 8 << 20
	// MaxDepth is the deepest element nesting kept; deeper tags are
	// flattened away before parsing.
	MaxDepth = 256
)

// IsHTML tells HTML from plain text by content: after a byte order mark
// and white space, the text starts with a doctype, a comment or a known
// tag, or such a tag appears near the start.
func IsHTML(raw []byte) bool {
	b := bytes.TrimPrefix(raw, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimLeft(b, " \t\r\n\f")
	if len(b) > 1024 {
		b = b[:1024]
	}
	lower := bytes.ToLower(b)
	for _, feed := range []string{"<rss", "<feed", "<urlset", "<sitemapindex", "<rdf:rdf"} {
		if bytes.HasPrefix(lower, []byte(feed)) {
			return false
		}
	}
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		return bytes.Contains(lower, []byte("<html")) // XHTML, not a feed or sitemap
	}
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<!--")) {
		return true
	}
	for _, name := range []string{"html", "head", "body", "meta", "title", "div", "p", "script", "link", "table", "article", "h1", "br", "span", "section"} {
		tag := []byte("<" + name)
		for off := 0; ; {
			k := bytes.Index(lower[off:], tag)
			if k < 0 {
				break
			}
			i := off + k
			off = i + len(tag)
			rest := lower[off:]
			if len(rest) > 0 && !strings.ContainsRune("> /\n\t\r", rune(rest[0])) {
				continue
			}
			// A tag at the very start, or a structural tag anywhere near it.
			switch name {
			case "html", "head", "body", "meta", "title":
				return true
			}
			if i == 0 {
				return true
			}
		}
	}
	return false
}

// ParseHTML extracts the article from an HTML page: it decodes the bytes
// (contentType is the HTTP Content-Type header, "" when unknown), parses
// them, reads title, date, author, canonical URL and language from the
// metadata and the visible page, and renders the main text as blocks.
// Page furniture is left out by generic heuristics, helped by opt where
// the crawl config gives selectors. All text is NFC. Problems that do not
// stop extraction (a lying charset, a truncated page) are recorded in
// Page.Warnings; an error is returned only when nothing can be parsed.
func ParseHTML(raw []byte, contentType, pageURL string, opt Options) (*Page, error) {
	return ParseHTMLVisit(raw, contentType, pageURL, opt, nil)
}

// ParseHTMLVisit is ParseHTML that hands the parsed document to visit,
// when not nil, before extraction prunes it (furniture, opt.Remove): a
// caller that needs more of the page than the article (the crawler, its
// links) reads it there instead of parsing the page a second time. The
// tree holds the page decoded to UTF-8; visit must neither change it
// nor keep it after returning.
func ParseHTMLVisit(raw []byte, contentType, pageURL string, opt Options, visit func(doc *html.Node)) (*Page, error) {
	var warnings []string
	if len(raw) > MaxInput {
		warnings = append(warnings, fmt.Sprintf("input: page is %d bytes; only the first %d were read", len(raw), MaxInput))
		raw = raw[:MaxInput]
	}
	dec := decodeHTML(raw, contentType)
	warnings = append(warnings, dec.warnings...)
	text := dec.text
	text, w := flattenDeep(text)
	if w != "" {
		warnings = append(warnings, w)
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse html %s: %w", pageURL, err)
	}
	if visit != nil {
		visit(doc)
	}
	p := &Page{URL: pageURL, Charset: dec.charset, Warnings: warnings}
	gq := goquery.NewDocumentFromNode(doc)
	p.Warnings = append(p.Warnings, opt.check()...)
	if opt.Remove != "" {
		gq.Find(opt.Remove).Remove()
	}

	h := newHinter()
	m := collectMeta(doc, h)
	m.readDateSelector(opt, gq)
	p.Lang = m.lang
	p.Canonical = canonical(m.canonical, pageURL)
	head := m.headline(opt, gq)
	if head.n == nil {
		head = m.subHeadline(h)
	}
	p.Title = nfc(m.title(head, opt, gq))
	p.Site = nfc(m.siteName())
	if head.n != nil && head.n.DataAtom != atom.H1 && foldKey(p.Title) != foldKey(innerText(head.n)) {
		head = textPos{} // the h2/h3 was not taken: it anchors no date either
	}

	em := extractBlocks(doc, gq, opt, p.Title, text, h)
	p.Blocks = em.blocks
	if len(p.Blocks) == 0 {
		p.Warnings = append(p.Warnings, "content: no article text found (a listing page?)")
	}

	m.date(p, m.anchor(head, p.Title), opt, gq)
	m.author(p, em.byline)
	if !strings.HasPrefix(strings.ToLower(p.Lang), "vi") && looksVietnamese(p) {
		p.Lang = "vi" // declared wrongly ("en-us") or not at all
	}
	return p, nil
}

// ParseTree parses raw as HTML the way ParseHTML parses a page, nesting
// too deep for the parser flattened first, but reads the bytes as UTF-8
// without decoding another charset: for callers that want the tree only
// (links), not the article. Input past MaxInput is cut off.
func ParseTree(raw []byte) (*html.Node, error) {
	if len(raw) > MaxInput {
		raw = raw[:MaxInput]
	}
	text, _ := flattenDeep(string(raw))
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return doc, nil
}

func nfc(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return vntext.NFC(s)
}

// extractBlocks finds the main text, by opt.Content when it matches and by
// scoring otherwise. When the furniture filter leaves too little, it runs
// again on a fresh parse without it. It returns the emitter that holds the
// blocks and the byline it took out of them.
func extractBlocks(doc *html.Node, gq *goquery.Document, opt Options, title, text string, h *hinter) *emitter {
	c := &content{h: h, info: make(map[*html.Node]*stats, 1024), title: foldKey(title)}
	if opt.Content != "" && gq != nil {
		if sel := gq.Find(opt.Content); sel.Length() > 0 {
			for _, n := range sel.Nodes {
				cleanTree(n, false, h)
			}
			e := &emitter{c: c}
			for _, n := range sel.Nodes {
				c.measure(n)
			}
			for _, n := range sel.Nodes {
				e.emit(n, true)
				e.flush()
			}
			return e
		}
	}
	body := findBody(doc)
	if body == nil {
		return &emitter{c: c}
	}
	e := c.run(body, true)
	if e.runes >= 250 {
		return e
	}
	// Retry without the class/id furniture filter.
	doc2, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return e
	}
	if opt.Remove != "" {
		goquery.NewDocumentFromNode(doc2).Find(opt.Remove).Remove()
	}
	body2 := findBody(doc2)
	if body2 == nil {
		return e
	}
	c2 := &content{h: h, info: make(map[*html.Node]*stats, 1024), title: c.title}
	if e2 := c2.run(body2, false); e2.runes > e.runes {
		return e2
	}
	return e
}

func (c *content) run(body *html.Node, strict bool) *emitter {
	cleanTree(body, strict, c.h)
	c.measure(body)
	cands := c.score(body)
	roots := c.pick(body, cands)
	e := &emitter{c: c}
	total, links := 0, 0
	for _, n := range roots {
		if st := c.info[n]; st != nil {
			total += st.text
			links += st.link
		} else if n.Type == html.TextNode {
			l, _ := textLen(n.Data)
			total += l
		}
	}
	if total > 0 && links*2 > total {
		// The best container is mostly links: a listing or home page.
		return e
	}
	c.keep = max(total/2, 200)
	for _, n := range roots {
		e.emit(n, true)
		e.flush()
	}
	if e.linkHeads >= 1 && e.runes < 800 || e.linkHeads >= 3 && e.runes < 300*e.linkHeads {
		// Teasers under linked headlines: a listing page, not an article.
		return &emitter{c: c}
	}
	e.photoStory()
	return e
}

// photoStory turns captions into paragraphs where they carry the story:
// when the captions hold more text than the paragraphs (a photo report),
// or a caption runs to several sentences.
func (e *emitter) photoStory() {
	capRunes := 0
	for _, b := range e.blocks {
		if b.Kind == Caption {
			capRunes += utf8.RuneCountInString(b.Text)
		}
	}
	all := capRunes > e.runes && capRunes >= 300
	for i, b := range e.blocks {
		if b.Kind == Caption && (all || utf8.RuneCountInString(b.Text) > 250) {
			e.blocks[i].Kind = Paragraph
			e.runes += utf8.RuneCountInString(b.Text)
		}
	}
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

// looksVietnamese tells whether the page's text is Vietnamese by the
// letters only Vietnamese uses, over the title and the first 4000 bytes of
// the blocks.
func looksVietnamese(p *Page) bool {
	viet, letters, seen := 0, 0, 0
	count := func(s string) {
		for _, r := range s {
			switch {
			case r >= 0x1EA0 && r <= 0x1EF9 || strings.ContainsRune("ăâđêôơưĂÂĐÊÔƠƯ", r):
				viet++
				letters++
			case r < utf8.RuneSelf && (r|0x20) >= 'a' && (r|0x20) <= 'z':
				letters++
			}
		}
		seen += len(s)
	}
	count(p.Title)
	for _, b := range p.Blocks {
		if seen > 4000 {
			break
		}
		count(b.Text)
	}
	return letters > 0 && viet*20 >= letters
}

// flattenDeep rewrites hostile markup before parsing so that parsing
// stays near linear: tags nested deeper than MaxDepth are dropped, and so
// are tags the parser would ignore anyway (end tags of elements not open,
// table cells outside a table, repeated <html>/<body>), which otherwise
// make it merge text by repeated concatenation. Ordinary pages pass
// through untouched after a cheap byte scan.
func flattenDeep(s string) (string, string) {
	// Cheap bounds: start tags minus end tags, both ways.
	depth, maxd, mind := 0, 0, 0
	for i := 0; i+1 < len(s); i++ {
		k := strings.IndexByte(s[i:len(s)-1], '<')
		if k < 0 {
			break
		}
		i += k
		c := s[i+1]
		switch {
		case c == '/':
			depth--
			mind = min(mind, depth)
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			depth++
			maxd = max(maxd, depth)
		}
	}
	if maxd <= MaxDepth*4 && mind >= -MaxDepth*4 {
		return s, ""
	}
	z := html.NewTokenizer(strings.NewReader(s))
	z.SetMaxBuf(0)
	var out strings.Builder
	out.Grow(len(s))
	var stack []string
	skipped := map[string]int{}
	deep, tables := 0, 0
	seen := map[string]bool{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			nb, _ := z.TagName()
			name := string(nb)
			switch name {
			case "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "col", "colgroup":
				if tables == 0 {
					continue // ignored by the parser outside a table
				}
			case "html", "body", "head":
				if seen[name] {
					continue
				}
				seen[name] = true
			}
			if tt == html.SelfClosingTagToken || voidElements[name] {
				out.Write(raw)
				continue
			}
			if len(stack) >= MaxDepth {
				skipped[name]++
				deep++
				continue
			}
			if name == "table" {
				tables++
			}
			stack = append(stack, name)
		case html.EndTagToken:
			nb, _ := z.TagName()
			name := string(nb)
			if skipped[name] > 0 {
				skipped[name]--
				continue
			}
			open := false
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == name {
					for _, x := range stack[i:] {
						if x == "table" {
							tables--
						}
					}
					stack = stack[:i]
					open = true
					break
				}
			}
			if !open && name != "p" && name != "br" && !voidElements[name] {
				continue // a stray end tag: ignored by the parser
			}
		}
		out.Write(raw)
	}
	if deep == 0 {
		return out.String(), ""
	}
	return out.String(), fmt.Sprintf("input: %d tags nested deeper than %d were dropped", deep, MaxDepth)
}

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true, "p": true, "li": true, "option": true,
	"td": true, "tr": true, "th": true, "dt": true, "dd": true,
}
