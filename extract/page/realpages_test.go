package page

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestRealVietnamesePages runs the extraction over real Vietnamese pages
// in shared/realpages/vi and checks title, date and body sanity.
func TestRealVietnamesePages(t *testing.T) {
	sd := sharedDir()
	if sd == "" {
		t.Skip("shared/ is absent")
	}
	dir := filepath.Join(sd, "realpages", "vi")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(files) == 0 {
		t.Skip("no real pages")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		p, err := ParseHTML(raw, "", "https://example.vn/"+name, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		body := p.Body()
		if p.Title == "" {
			t.Errorf("%s: no title", name)
		}
		if want, ok := realDates[name]; ok && p.Published.Format("2006-01-02") != want {
			t.Errorf("%s: published %v, want %s", name, p.Published, want)
		}
		if !utf8.ValidString(body) || !norm.NFC.IsNormalString(body) || !norm.NFC.IsNormalString(p.Title) {
			t.Errorf("%s: body or title not valid NFC UTF-8", name)
		}
		if testing.Verbose() {
			t.Logf("%-18s %-5s %s clock=%v blocks=%d runes=%d author=%q\n    title=%q\n    body=%.160q", name, p.Lang, p.Published.Format(time.RFC3339), p.PublishedHasClock, len(p.Blocks), utf8.RuneCountInString(body), p.Author, p.Title, body)
		}
	}
}

// realDates are publication days known for real pages (README.txt of
// shared/realpages/vi: htmldate's evaluation set, fundus' expectations).
var realDates = map[string]string{
	"vnexpress-1": "2023-11-02",
	"vnexpress-2": "2025-10-22",
}

// TestVnexpressExpected checks the one real page with full expectations.
func TestVnexpressExpected(t *testing.T) {
	sd := sharedDir()
	if sd == "" {
		t.Skip("shared/ is absent")
	}
	dir := filepath.Join(sd, "realpages", "vi")
	raw, err := os.ReadFile(filepath.Join(dir, "vnexpress-2.html"))
	if err != nil {
		t.Skip(err)
	}
	ej, err := os.ReadFile(filepath.Join(dir, "vnexpress-2.expected.json"))
	if err != nil {
		t.Skip(err)
	}
	var exp map[string]struct {
		Title          string   `json:"title"`
		Authors        []string `json:"authors"`
		PublishingDate string   `json:"publishing_date"`
		Body           struct {
			Summary  []string `json:"summary"`
			Sections []struct {
				Paragraphs []string `json:"paragraphs"`
			} `json:"sections"`
		} `json:"body"`
	}
	if err := json.Unmarshal(ej, &exp); err != nil {
		t.Fatal(err)
	}
	var e = exp["V1"]
	p, err := ParseHTML(raw, "", "https://vnexpress.net/x", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != e.Title {
		t.Errorf("title %q, want %q", p.Title, e.Title)
	}
	want, _ := time.Parse("2006-01-02 15:04:05-07:00", e.PublishingDate)
	if !p.Published.Equal(want) {
		t.Errorf("published %v, want %v", p.Published, want)
	}
	body := p.Body()
	var missing int
	var paras []string
	paras = append(paras, e.Body.Summary...)
	for _, s := range e.Body.Sections {
		paras = append(paras, s.Paragraphs...)
	}
	all := body + "\n" + strings.Join(p.Captions(), "\n")
	for _, para := range paras {
		if !strings.Contains(all, para) {
			missing++
			t.Logf("missing paragraph: %.100q", para)
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d expected paragraphs missing", missing, len(paras))
	}
	t.Logf("author %q (expected %v)", p.Author, e.Authors)
}
