package page

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// noStamp lists sample-site articles that show no publication stamp: their
// gold date comes from the text ("Chiều nay (8/5)"), so the page itself
// must report none rather than a guess.
var noStamp = map[string]bool{
	"huyen/tin-hoat-dong/dang-uy-xa-yen-ho-so-ket-chi-thi-05": true,
}

// TestSampleSite checks every article of the project's sample site
// (testdata/site, gold in testdata/sitegold): the published date is right,
// the title matches, and no line of a related-news box, sidebar or other
// link list leaks into the body.
func TestSampleSite(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	golds, _ := filepath.Glob(filepath.Join(root, "sitegold", "*", "*", "*.json"))
	if len(golds) == 0 {
		t.Skip("no sample site gold")
	}
	for _, g := range golds {
		rel, _ := filepath.Rel(filepath.Join(root, "sitegold"), g)
		rel = strings.TrimSuffix(filepath.ToSlash(rel), ".json")
		t.Run(rel, func(t *testing.T) {
			var gold struct {
				Title     *string `json:"title"`
				Published *string `json:"published"`
			}
			b, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &gold); err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(filepath.Join(root, "site", rel+".html"))
			if err != nil {
				t.Fatal(err)
			}
			site, path, _ := strings.Cut(rel, "/")
			url := "http://" + site + ".example/" + path + ".html"
			p, err := ParseHTML(raw, "text/html", url, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkText(t, p)
			got := ""
			if !p.Published.IsZero() {
				got = p.Published.Format("2006-01-02")
			}
			switch {
			case noStamp[rel]:
				if got != "" {
					t.Errorf("published %s, want none (the page shows no stamp)", got)
				}
			case gold.Published != nil && got != *gold.Published:
				t.Errorf("published %q, want %q", got, *gold.Published)
			}
			if gold.Title != nil && p.Title != *gold.Title {
				t.Errorf("title %q, want %q", p.Title, *gold.Title)
			}
			body := p.Body()
			if len(p.Blocks) < 3 {
				t.Errorf("only %d blocks:\n%s", len(p.Blocks), body)
			}
			for _, l := range linkLines(raw, path) {
				if strings.Contains(body, l) {
					t.Errorf("link text %q leaks into the body", l)
				}
			}
			for _, line := range strings.Split(body, "\n") {
				if k := foldKey(line); containsExact(stopMarkers, k) || containsExact(dropLines, k) {
					t.Errorf("furniture line %q in the body", line)
				}
			}
			if testing.Verbose() {
				t.Logf("%s %v author=%q captions=%q\n%s", p.Title, p.Published, p.Author, p.Captions(), body)
			}
		})
	}
}

// linkLines returns the texts (15 runes or more) of links to other pages
// of the site: headlines in related-news boxes, sidebars and listings.
func linkLines(raw []byte, self string) []string {
	d := decodeHTML(raw, "")
	doc, err := html.Parse(strings.NewReader(d.text))
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			href := attr(n, "href")
			if strings.Contains(href, ".html") && !strings.Contains(href, self) {
				if t := nfc(innerText(n)); len([]rune(t)) >= 15 {
					out = append(out, t)
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}
