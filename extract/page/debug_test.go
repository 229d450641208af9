package page

import (
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestDebugPage prints one benchmark page's extraction (VNNEWS_DEBUG=idprefix).
func TestDebugPage(t *testing.T) {
	id := os.Getenv("VNNEWS_DEBUG")
	if id == "" {
		t.Skip("set VNNEWS_DEBUG")
	}
	for _, bp := range loadZyte(t) {
		if !strings.HasPrefix(bp.id, id) {
			continue
		}
		pg, err := ParseHTML(bp.html, "", bp.url, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("URL %s\nTITLE %q\nDATE %v\nAUTHOR %q\nWARN %v", bp.url, pg.Title, pg.Published, pg.Author, pg.Warnings)
		for _, b := range pg.Blocks {
			t.Logf("[%d] %s", b.Kind, b.Text)
		}
		t.Logf("TRUTH:\n%s", bp.truth)
	}
}

// TestDebugPath prints the ancestors of the truth's first words.
func TestDebugPath(t *testing.T) {
	id := os.Getenv("VNNEWS_DEBUG")
	if id == "" {
		t.Skip("set VNNEWS_DEBUG")
	}
	for _, bp := range loadZyte(t) {
		if !strings.HasPrefix(bp.id, id) {
			continue
		}
		doc, _ := html.Parse(strings.NewReader(string(bp.html)))
		words := strings.Fields(bp.truth)
		snip := strings.Join(words[:min(3, len(words))], " ")
		if s := os.Getenv("VNNEWS_SNIP"); s != "" {
			snip = s
		}
		var found *html.Node
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if found != nil {
				return
			}
			if n.Type == html.TextNode && strings.Contains(strings.Join(strings.Fields(n.Data), " "), snip) {
				found = n
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if found == nil {
			t.Logf("snippet %q not found", snip)
			continue
		}
		for p := found.Parent; p != nil; p = p.Parent {
			t.Logf("<%s class=%q id=%q style=%q drop=%v>", p.Data, attr(p, "class"), attr(p, "id"), attr(p, "style"), p.Type == html.ElementNode && dropElement(p, true, newHinter()))
		}
	}
}

// TestDebugPick prints the chosen containers and top candidates.
func TestDebugPick(t *testing.T) {
	id := os.Getenv("VNNEWS_DEBUG")
	if id == "" {
		t.Skip("set VNNEWS_DEBUG")
	}
	pages := []benchPage{}
	if f := os.Getenv("VNNEWS_FILE"); f != "" {
		b, _ := os.ReadFile(f)
		pages = append(pages, benchPage{id: id, html: b})
	} else {
		pages = loadZyte(t)
	}
	for _, bp := range pages {
		if !strings.HasPrefix(bp.id, id) {
			continue
		}
		doc, _ := html.Parse(strings.NewReader(string(bp.html)))
		body := findBody(doc)
		c := &content{h: newHinter(), info: map[*html.Node]*stats{}}
		cleanTree(body, true, c.h)
		c.measure(body)
		cands := c.score(body)
		roots := c.pick(body, cands)
		sort.Slice(cands, func(i, j int) bool { return c.info[cands[i]].score > c.info[cands[j]].score })
		for _, n := range cands[:min(8, len(cands))] {
			st := c.info[n]
			t.Logf("cand <%s class=%q id=%q> score %.1f text %d ld %.2f", n.Data, attr(n, "class"), attr(n, "id"), st.score, st.text, c.density(n))
		}
		for _, n := range roots {
			st := c.info[n]
			t.Logf("root <%s class=%q id=%q> score %.1f text %d", n.Data, attr(n, "class"), attr(n, "id"), st.score, st.text)
		}
		e := &emitter{c: c}
		for _, n := range roots {
			e.emit(n, true)
			e.flush()
		}
		for _, b := range e.blocks {
			t.Logf("block %d %.80s", b.Kind, b.Text)
		}
	}
}

// TestDebugFile prints the extraction of one file (VNNEWS_FILE=path).
func TestDebugFile(t *testing.T) {
	f := os.Getenv("VNNEWS_FILE")
	if f == "" || os.Getenv("VNNEWS_DEBUG") != "" {
		t.Skip("set VNNEWS_FILE")
	}
	raw, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseHTML(raw, "", "http://x.example/a.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("title %q date %v clock %v author %q lang %q charset %q warn %q", p.Title, p.Published, p.PublishedHasClock, p.Author, p.Lang, p.Charset, p.Warnings)
	for _, b := range p.Blocks {
		t.Logf("[%d] %s", b.Kind, b.Text)
	}
}
