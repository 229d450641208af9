package page

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"github.com/vnnews/vnnews/extract/vntext"
)

// stats is what the scorer knows of one element, computed bottom-up.
type stats struct {
	text, link, commas  int // runes of collapsed text, of it inside <a>, commas
	paras, imgs, lis    int
	inputs, headingText int
	score               float64
	candidate           bool
}

// content finds and renders the main text of a cleaned document.
type content struct {
	h     *hinter
	info  map[*html.Node]*stats
	title string // folded headline, to drop its repeat from the body
	// keep is the text length from which a container is never dropped:
	// half the chosen text.
	keep int
	// lead holds the lead (sapo) elements found outside the container;
	// they render as paragraphs whatever their tag.
	lead map[*html.Node]bool
}

// cleanTree removes what never carries article text: scripts, styles,
// forms' controls, navigation, hidden elements, comments, and (when
// stripUnlikely) elements whose class or id names page furniture.
func cleanTree(n *html.Node, stripUnlikely bool, h *hinter) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.CommentNode, html.DoctypeNode:
			n.RemoveChild(c)
		case html.ElementNode:
			if dropElement(c, stripUnlikely, h) {
				n.RemoveChild(c)
			} else {
				cleanTree(c, stripUnlikely, h)
			}
		}
		c = next
	}
}

func dropElement(n *html.Node, stripUnlikely bool, h *hinter) bool {
	if dropTags[n.Data] {
		return true
	}
	if n.DataAtom == atom.Header && !hasDescendant(n, atom.H1) {
		return true
	}
	var style, role string
	for _, a := range n.Attr {
		switch a.Key {
		case "style":
			style = a.Val
		case "hidden":
			return true
		case "role":
			role = a.Val
		case "aria-hidden":
			if a.Val == "true" && n.DataAtom != atom.Figure && n.DataAtom != atom.Img {
				return true
			}
		}
	}
	if style != "" {
		s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
			return true
		}
	}
	switch role {
	case "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "dialog", "alert", "search":
		return true
	}
	if !stripUnlikely || n.DataAtom == atom.Body || n.DataAtom == atom.Html ||
		n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.A {
		return false
	}
	if f := h.node(n); f&hUnlikely != 0 && f&hMaybe == 0 {
		if hasAncestor(n, atom.Table) || hasAncestor(n, atom.Code) {
			return false
		}
		return true
	}
	return false
}

func classID(class, id string) string {
	if class == "" && id == "" {
		return ""
	}
	return strings.ToLower(class + " " + id)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func nodeKey(n *html.Node) string { return classID(attr(n, "class"), attr(n, "id")) }

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func hasAncestor(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

func hasDescendant(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || hasDescendant(c, a)) {
			return true
		}
	}
	return false
}

// classWeight weighs an element by its class and id: +25 for names of
// article containers, -25 for names of furniture, for each.
func classWeight(n *html.Node, h *hinter) float64 {
	w := 0.0
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		f := h.flags(a.Val)
		if f&hNegative != 0 {
			w -= 25
		}
		if f&hPositive != 0 {
			w += 25
		}
	}
	return w
}

// measure fills c.info bottom-up and returns the element's totals.
func (c *content) measure(n *html.Node) *stats {
	st := &stats{}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			l, commas := textLen(ch.Data)
			st.text += l
			st.commas += commas
		case html.ElementNode:
			cs := c.measure(ch)
			st.text += cs.text
			st.commas += cs.commas
			st.link += cs.link
			st.paras += cs.paras
			st.imgs += cs.imgs
			st.lis += cs.lis
			st.inputs += cs.inputs
			st.headingText += cs.headingText
		}
	}
	switch n.DataAtom {
	case atom.A:
		st.link = st.text
	case atom.P:
		st.paras++
	case atom.Img, atom.Picture:
		st.imgs++
	case atom.Li:
		st.lis++
	case atom.Input, atom.Textarea:
		if t := strings.ToLower(attr(n, "type")); t != "hidden" && t != "submit" && t != "button" && t != "image" {
			st.inputs++
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		st.headingText = st.text
	}
	c.info[n] = st
	return st
}

// textLen counts the runes of s with whitespace runs counted as one, and
// its commas.
func textLen(s string) (n, commas int) {
	space := true
	for _, r := range s {
		if isSpace(r) {
			if !space {
				n++
				space = true
			}
			continue
		}
		space = false
		n++
		if r == ',' || r == '，' {
			commas++
		}
	}
	return n, commas
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == 0xA0 || (r > 0x7f && unicode.IsSpace(r))
}

func (c *content) density(n *html.Node) float64 {
	st := c.info[n]
	if st == nil || st.text == 0 {
		return 0
	}
	return float64(st.link) / float64(st.text)
}

// hasBlockChild tells whether n has an element child that starts a
// paragraph.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.Data] || c.DataAtom == atom.Br && c.NextSibling != nil && isBr(nextElementOrText(c))) {
			return true
		}
	}
	return false
}

func isBr(n *html.Node) bool { return n != nil && n.Type == html.ElementNode && n.DataAtom == atom.Br }

func nextElementOrText(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" {
			continue
		}
		return s
	}
	return nil
}

// directText is the length of the text directly in n, outside its
// element children.
func directText(n *html.Node) (l, commas int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			a, b := textLen(c.Data)
			l += a
			commas += b
		}
	}
	return
}

// initCandidate makes n a container candidate with its base score: by
// tag, and by class and id.
func (c *content) initCandidate(n *html.Node) *stats {
	st := c.info[n]
	if st == nil {
		st = &stats{}
		c.info[n] = st
	}
	if st.candidate {
		return st
	}
	st.candidate = true
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main:
		st.score = 5
	case atom.Pre, atom.Td, atom.Blockquote:
		st.score = 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		st.score = -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		st.score = -5
	}
	st.score += classWeight(n, c.h)
	return st
}

// score gives every paragraph-like element a score for its length and
// commas and hands it to its ancestors, the nearest getting most.
func (c *content) score(root *html.Node) []*html.Node {
	var cands []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode {
				walk(ch)
			}
		}
		if n.Type != html.ElementNode || n.Parent == nil {
			return
		}
		var l, commas int
		switch n.DataAtom {
		case atom.P, atom.Pre, atom.Td, atom.Blockquote:
			st := c.info[n]
			l, commas = st.text, st.commas
			if n.DataAtom == atom.Td && hasBlockChild(n) {
				l, commas = directText(n)
			}
		case atom.Div, atom.Section, atom.Article, atom.Main, atom.Span, atom.Font, atom.Center, atom.Li, atom.Dd:
			if !hasBlockChild(n) {
				if n.DataAtom == atom.Span || n.DataAtom == atom.Font || n.DataAtom == atom.Li || n.DataAtom == atom.Dd {
					return
				}
				st := c.info[n]
				l, commas = st.text, st.commas
			} else {
				l, commas = directText(n)
				if l >= 25 {
					// Loose text in a container scores the container itself.
					c.giveUp(n, 1+float64(commas)+math.Min(float64(l/100), 3), 0, &cands)
				}
				return
			}
		default:
			return
		}
		if l < 25 {
			return
		}
		if c.density(n) > 0.6 {
			return
		}
		c.giveUp(n.Parent, 1+float64(commas)+math.Min(float64(l/100), 3), 0, &cands)
	}
	walk(root)
	return cands
}

// giveUp adds s to n and its ancestors, five levels up.
func (c *content) giveUp(n *html.Node, s float64, level int, cands *[]*html.Node) {
	for ; n != nil && level < 5; n, level = n.Parent, level+1 {
		if n.Type != html.ElementNode || n.Parent == nil || n.DataAtom == atom.Html {
			return
		}
		st := c.info[n]
		if st == nil || !st.candidate {
			st = c.initCandidate(n)
			*cands = append(*cands, n)
		}
		div := 1.0
		switch {
		case level == 1:
			div = 2
		case level > 1:
			div = float64(level) * 3
		}
		st.score += s / div
	}
}

// pick chooses the article's container and the siblings that belong to
// it.
func (c *content) pick(body *html.Node, cands []*html.Node) []*html.Node {
	if len(cands) == 0 {
		return []*html.Node{body}
	}
	type scored struct {
		n *html.Node
		s float64
	}
	var list []scored
	for _, n := range cands {
		st := c.info[n]
		st.score *= 1 - c.density(n)
		if st.inputs >= 2 {
			st.score *= 0.3 // a form: comment boxes are not articles
		}
		list = append(list, scored{n, st.score})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].s > list[j].s })
	top := list[0].n
	topScore := list[0].s
	if top == body || topScore <= 0 {
		return []*html.Node{body}
	}

	// Several near-top candidates under one ancestor: the ancestor is the
	// article.
	var alts []*html.Node
	for _, x := range list[1:min(len(list), 5)] {
		if x.s/topScore >= 0.75 {
			alts = append(alts, x.n)
		}
	}
	if len(alts) >= 3 && top.DataAtom != atom.Article {
		for p := top.Parent; p != nil && p != body && p.Type == html.ElementNode; p = p.Parent {
			count := 0
			for _, a := range alts {
				if isAncestor(p, a) {
					count++
				}
			}
			if count >= 3 {
				top = p
				break
			}
		}
	}
	if st := c.info[top]; !st.candidate {
		c.initCandidate(top)
	}

	// Climb while the parent scores better.
	last := c.info[top].score
	threshold := last / 3
	for p := top.Parent; p != nil && p != body && p.Type == html.ElementNode; p = p.Parent {
		ps := c.info[p]
		if ps == nil || !ps.candidate {
			continue
		}
		if ps.score < threshold {
			break
		}
		if ps.score > last {
			top = p
			break
		}
		last = ps.score
	}
	for top.Parent != nil && top.Parent != body && top.Parent.Type == html.ElementNode && onlyElementChild(top.Parent) == top {
		top = top.Parent
	}
	// Siblings that read like the article join it.
	topSt := c.info[top]
	parent := top.Parent
	if parent == nil {
		return []*html.Node{top}
	}
	thr := math.Max(10, topSt.score*0.2)
	topClass := attr(top, "class")
	var out []*html.Node
	for s := parent.FirstChild; s != nil; s = s.NextSibling {
		if s == top {
			out = append(out, s)
			continue
		}
		if s.Type == html.TextNode {
			// Loose text beside the article ("<div class=sapo>Sapo<div>body").
			if l, _ := textLen(s.Data); l > 80 {
				out = append(out, s)
			}
			continue
		}
		if s.Type != html.ElementNode {
			continue
		}
		st := c.info[s]
		if st == nil {
			continue
		}
		bonus := 0.0
		if topClass != "" && attr(s, "class") == topClass {
			bonus = topSt.score * 0.2
		}
		if st.candidate && st.score+bonus >= thr {
			out = append(out, s)
			continue
		}
		if s.DataAtom == atom.P || !blockTags[s.Data] || s.DataAtom == atom.Div && !hasBlockChild(s) {
			ld := c.density(s)
			switch {
			case st.text > 80 && ld < 0.25:
				out = append(out, s)
			case st.text > 0 && st.text <= 80 && ld == 0 && endsSentence(s):
				out = append(out, s)
			}
		}
	}
	return append(c.leads(top, body, out), out...)
}

// leads finds the article's lead (sapo) when it sits outside the chosen
// container, walking up to three levels from the top: a preceding element
// named like a lead (leadHints), directly or as the only element inside
// the nearest preceding sibling (the table row "<tr><td class=summary>"),
// the text before the top inside a lead-named element, or, right before
// the body with no other text between, a short bold block of ordinary
// sentences (boldLead).
func (c *content) leads(top, body *html.Node, have []*html.Node) []*html.Node {
	var leads []*html.Node
	seen := func(n *html.Node) bool {
		for _, x := range have {
			if x == n {
				return true
			}
		}
		return false
	}
	adjacent := true // no text yet between the top and the sibling looked at
	child := top
	for p, level := top.Parent, 0; p != nil && p != body && level < 3; child, p, level = p, p.Parent, level+1 {
		var found []*html.Node
		if c.h.node(p)&hLead != 0 {
			for s := p.FirstChild; s != nil && s != child; s = s.NextSibling {
				found = append(found, s)
			}
		}
		nearest := true
		for s := child.PrevSibling; s != nil; s = s.PrevSibling {
			if s.Type == html.ElementNode && c.h.node(s)&hLead != 0 && !seen(s) {
				if st := c.info[s]; st != nil && st.text >= 20 && c.density(s) < 0.3 {
					found = append([]*html.Node{s}, found...)
				}
				break
			}
			if !c.hasText(s) {
				continue
			}
			if nearest && s.Type == html.ElementNode && !seen(s) {
				if in := c.wrappedLead(s); in != nil {
					found = append([]*html.Node{in}, found...)
					break
				}
				if adjacent && c.boldLead(s) {
					found = append([]*html.Node{s}, found...)
					break
				}
			}
			nearest = false
		}
		if !nearest || len(found) > 0 {
			adjacent = false
		}
		leads = append(found, leads...)
	}
	if len(leads) > 0 {
		if c.lead == nil {
			c.lead = map[*html.Node]bool{}
		}
		for _, n := range leads {
			c.lead[n] = true
		}
	}
	return leads
}

// hasText tells whether n holds any non-space text.
func (c *content) hasText(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return strings.TrimSpace(n.Data) != ""
	case html.ElementNode:
		st := c.info[n]
		return st != nil && st.text > 0
	}
	return false
}

// wrappedLead returns the lead-named element that n wraps as its only
// element child, a level or two down ("<tr><td class=summary>"), or nil.
func (c *content) wrappedLead(n *html.Node) *html.Node {
	for k, in := 0, onlyElementChild(n); k < 2 && in != nil; k, in = k+1, onlyElementChild(in) {
		if c.h.node(in)&hLead != 0 {
			if st := c.info[in]; st != nil && st.text >= 20 && c.density(in) < 0.3 {
				return in
			}
			return nil
		}
	}
	return nil
}

// boldLead tells whether n is an unnamed lead: a block of one to four
// ordinary sentences, all of its text in <b> or <strong>, with no links,
// that is neither the headline nor a stamp or category line.
func (c *content) boldLead(n *html.Node) bool {
	st := c.info[n]
	if st == nil || st.text < 60 || st.text > 600 || st.link > 0 || st.headingText > 0 || st.imgs > 0 {
		return false
	}
	if !boldOnly(n) {
		return false
	}
	t := innerText(n)
	if !sentenceEnd(t) || len(strings.Fields(t)) < 10 || stampOnly(t) {
		return false
	}
	if k := foldKey(t); c.title != "" && strings.Contains(k, c.title) {
		return false
	}
	return true
}

// sentenceEnd tells whether t ends like a sentence, closing quotes and
// brackets aside.
func sentenceEnd(t string) bool {
	t = strings.TrimRight(t, " \"”’»)]")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "…")
}

// boldOnly tells whether all the text of n is inside <b> or <strong>.
func boldOnly(n *html.Node) bool { return textOnlyInside(n, atom.B, atom.Strong) }

func endsSentence(n *html.Node) bool {
	t := strings.TrimSpace(innerText(n))
	return strings.HasSuffix(t, ".") || strings.Contains(t, ". ")
}

func onlyElementChild(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if only != nil {
				return nil
			}
			only = c
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return nil
			}
		}
	}
	return only
}

func isAncestor(a, n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// dropConditionally judges a container inside the article: lists of
// links, image galleries without text, boxes of form controls, and
// furniture-named boxes go.
func (c *content) dropConditionally(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Table, atom.Div, atom.Section, atom.Form, atom.Fieldset, atom.Dl, atom.Header:
	default:
		return false
	}
	st := c.info[n]
	if st == nil {
		return false
	}
	if st.text == 0 {
		return false // images and spacers: nothing to render anyway
	}
	if c.keep > 0 && st.text >= c.keep && c.density(n) < 0.3 {
		return false
	}
	weight := classWeight(n, c.h)
	if weight < 0 && !c.isCaption(n) {
		return true
	}
	if st.commas >= 10 {
		return false
	}
	isList := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
	ld := c.density(n)
	p := float64(st.paras)
	img := float64(st.imgs)
	li := float64(st.lis) - 100
	hd := float64(st.headingText) / float64(st.text)
	switch {
	case img > 1 && p/img < 0.5 && !hasAncestor(n, atom.Figure) && st.text < 200 && !c.isCaption(n):
		return true
	case !isList && li > p:
		return true
	case float64(st.inputs) > math.Floor(p/3):
		return true
	case !isList && hd < 0.9 && st.text < 25 && (img == 0 || img > 2) && ld > 0:
		return true
	case !isList && weight < 25 && ld > 0.2:
		return true
	case weight >= 25 && ld > 0.5:
		return true
	case isList && ld > 0.5:
		return true
	}
	return false
}

// isCaption tells whether n is an image caption by its tag or name.
func (c *content) isCaption(n *html.Node) bool {
	if n.DataAtom == atom.Figcaption || n.DataAtom == atom.Caption {
		return true
	}
	if c.h.node(n)&hCaption != 0 {
		return true
	}
	if n.DataAtom == atom.P && strings.EqualFold(strings.TrimSpace(attr(n, "class")), "image") {
		return true
	}
	return false
}

// captionLike tells whether a paragraph under an image is its caption:
// short, and all italic or centred, right after an image-only element or
// holding the image itself.
func (c *content) captionLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span, atom.Em, atom.I:
	default:
		return false
	}
	st := c.info[n]
	if st == nil || st.text == 0 || st.text > 300 {
		return false
	}
	if st.imgs > 0 {
		return italicOnly(n)
	}
	prev := n.PrevSibling
	for prev != nil && (prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" || prev.Type == html.CommentNode) {
		prev = prev.PrevSibling
	}
	if prev == nil || prev.Type != html.ElementNode {
		return false
	}
	ps := c.info[prev]
	if prev.DataAtom != atom.Img && (ps == nil || ps.imgs == 0 || ps.text > 0) {
		return false
	}
	if italicOnly(n) {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style")+attr(n, "align"), " ", ""))
	return strings.Contains(style, "center") && st.text < 200
}

// italicOnly tells whether all the text of n is inside <em> or <i>.
func italicOnly(n *html.Node) bool { return textOnlyInside(n, atom.Em, atom.I) }

// textOnlyInside tells whether n has text and all of it is inside an
// element of kind a or b (n itself included).
func textOnlyInside(n *html.Node, a, b atom.Atom) bool {
	any := false
	var walk func(n *html.Node, in bool) bool
	walk = func(n *html.Node, in bool) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if strings.TrimSpace(c.Data) != "" {
					if !in {
						return false
					}
					any = true
				}
			case html.ElementNode:
				if !walk(c, in || c.DataAtom == a || c.DataAtom == b) {
					return false
				}
			}
		}
		return true
	}
	return walk(n, n.DataAtom == a || n.DataAtom == b) && any
}

// imageTable tells whether a table is an image with its caption.
func (c *content) imageTable(n *html.Node) bool {
	if n.DataAtom != atom.Table {
		return false
	}
	st := c.info[n]
	return st != nil && st.imgs > 0 && st.imgs <= 3 && st.text > 0 && st.text < 400 && st.paras <= 2
}

// emitter renders the chosen containers as blocks.
type emitter struct {
	c       *content
	blocks  []Block
	buf     []byte
	kind    Kind
	brs     int
	runes   int // runes of body so far
	stopped bool
	byline  string // a right-aligned name line taken out of the body
	// linkHeads counts headings that are links: teasers of a listing.
	linkHeads int
}

func (e *emitter) write(s string) {
	for _, r := range s {
		if isSpace(r) {
			if len(e.buf) > 0 && e.buf[len(e.buf)-1] != ' ' && e.buf[len(e.buf)-1] != '\n' {
				e.buf = append(e.buf, ' ')
			}
			continue
		}
		e.buf = utf8.AppendRune(e.buf, r)
		e.brs = 0
	}
}

func (e *emitter) newline() {
	n := len(e.buf)
	for n > 0 && e.buf[n-1] == ' ' {
		n--
	}
	e.buf = e.buf[:n]
	if n > 0 && e.buf[n-1] != '\n' {
		e.buf = append(e.buf, '\n')
	}
}

func (e *emitter) flush() {
	if len(e.buf) == 0 {
		return
	}
	t := strings.TrimSpace(string(e.buf))
	e.buf = e.buf[:0]
	if t == "" || e.stopped {
		return
	}
	if !norm.NFC.IsNormalString(t) {
		t = vntext.NFC(t)
	}
	if nl := strings.IndexByte(t, '\n'); nl > 0 && nl <= 120 {
		// A marker line heading a block of links: "Tin cùng chuyên mục<br>...".
		if first := foldKey(t[:nl]); containsExact(stopMarkers, first) {
			if e.runes >= 200 {
				e.stopped = true
				return
			}
			t = strings.TrimSpace(t[nl+1:])
		}
	}
	if e.kind != Caption && e.runes == 0 {
		if t = peelHeadline(t, e.c.title); t == "" {
			return
		}
	}
	key := ""
	if len(t) <= 160 || e.runes == 0 && len(t) <= 600 {
		key = foldKey(t)
	}
	if key != "" && len(key) <= 40 {
		if containsExact(stopMarkers, key) {
			if e.runes >= 200 {
				e.stopped = true
			}
			return
		}
		if containsExact(dropLines, key) {
			return
		}
	}
	if footerBlock(t) {
		return
	}
	if e.kind != Caption && e.runes == 0 && key != "" && key == e.c.title {
		return // the headline repeated
	}
	if l := utf8.RuneCountInString(t); l <= 60 && hasDateShape(t) {
		if _, _, ok := parseStamp(t); ok && stampOnly(t) {
			return
		}
	}
	if e.kind != Caption {
		e.runes += utf8.RuneCountInString(t)
	}
	e.blocks = append(e.blocks, Block{Text: t, Kind: e.kind})
}

// peelHeadline cuts the headline off the front of the article's first
// block, with the stamp lines right under it, where the page sets them
// apart by line breaks only ("<span class=tieu-de>…</span><br><span
// class=ngay-dang>(08:32 25/05/2018)</span><br><br>Ngày 24/5, …"): the
// headline and its stamp are not the lead. title is the folded headline;
// a block that does not open with it on a line of its own is returned
// as it is.
func peelHeadline(t, title string) string {
	nl := strings.IndexByte(t, '\n')
	if title == "" || nl <= 0 || foldKey(t[:nl]) != title {
		return t
	}
	t = strings.TrimSpace(t[nl+1:])
	for t != "" {
		line, rest := t, ""
		if nl := strings.IndexByte(t, '\n'); nl >= 0 {
			line, rest = t[:nl], t[nl+1:]
		}
		if utf8.RuneCountInString(line) > 60 || !hasDateShape(line) || !stampOnly(line) {
			break
		}
		if _, _, ok := parseStamp(line); !ok {
			break
		}
		t = strings.TrimSpace(rest)
	}
	return t
}

func containsExact(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// foldKey folds a short line for comparison with the word lists:
// lowercase, no diacritics, no surrounding punctuation, single spaces.
func foldKey(s string) string {
	f := vntext.Fold(s)
	f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(strings.Fields(f), " ")
}

// stampOnly tells whether a short line is nothing but a date stamp.
func stampOnly(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters <= 25
}

func (e *emitter) emit(n *html.Node, root bool) {
	if e.stopped {
		return
	}
	switch n.Type {
	case html.TextNode:
		e.write(n.Data)
		return
	case html.ElementNode:
	default:
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			e.emit(ch, false)
		}
		return
	}
	if !root && e.c.dropConditionally(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		e.brs++
		if e.brs >= 2 {
			e.flush()
		} else {
			e.newline()
		}
		return
	case atom.Img, atom.Hr:
		e.flush()
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if e.kind == Caption {
			break
		}
		if st := e.c.info[n]; st != nil && st.text > 0 && st.link*5 >= st.text*4 {
			// A headline that links elsewhere: a teaser of another article.
			e.linkHeads++
			return
		}
		e.as(Heading, n)
		return
	}
	if root && e.c.lead[n] {
		e.as(Paragraph, n) // a lead, whatever its tag ("<h2 class=sapo>")
		return
	}
	if e.kind != Caption && (n.DataAtom == atom.P || n.DataAtom == atom.Div) && e.runes >= 200 && rightAligned(n) {
		if st := e.c.info[n]; st != nil && st.text > 0 && st.text <= 70 {
			t := nfc(innerText(n))
			if a := cutBylinePrefix(t); isNameLine(a) || a != t || isShortName(a) {
				e.flush()
				e.byline = a
				return
			}
		}
	}
	if e.kind != Caption && (e.c.isCaption(n) || e.c.imageTable(n) || e.c.captionLike(n)) {
		e.as(Caption, n)
		return
	}
	if blockTags[n.Data] {
		e.flush()
		e.children(n)
		e.flush()
		return
	}
	e.children(n)
}

// as emits n's children as blocks of the given kind, each block flushed
// before and after, and restores the kind.
func (e *emitter) as(k Kind, n *html.Node) {
	e.flush()
	saved := e.kind
	e.kind = k
	e.children(n)
	e.flush()
	e.kind = saved
}

func (e *emitter) children(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		e.emit(ch, false)
	}
}

// innerText is the collapsed text of n.
func innerText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func rightAligned(n *html.Node) bool {
	s := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(s, "text-align:right") || strings.EqualFold(attr(n, "align"), "right")
}

// isShortName tells a capitalised name of two to five words: "Lê Phương".
func isShortName(t string) bool {
	if strings.ContainsAny(t, ".,:;!?\"“”()0123456789") {
		return false
	}
	w := strings.Fields(t)
	if len(w) < 1 || len(w) > 5 {
		return false
	}
	for _, x := range w {
		r, _ := utf8.DecodeRuneInString(x)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// footerBlock tells a block of site-footer lines: copyright, address,
// phone, the editor in charge, the licence.
func footerBlock(t string) bool {
	if len(t) > 1200 {
		return false
	}
	lines := strings.Split(t, "\n")
	hits := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "©") || strings.HasPrefix(l, "(c)") {
			hits++
			continue
		}
		f := vntext.Fold(l)
		for _, lead := range footerLeads {
			if strings.HasPrefix(f, lead) {
				hits++
				break
			}
		}
	}
	if len(lines) == 1 {
		return hits == 1 && utf8.RuneCountInString(t) <= 120
	}
	return hits >= 2 && hits*2 >= len(lines)
}
