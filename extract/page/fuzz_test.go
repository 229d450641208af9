package page

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseHTML checks that any input parses without panic, and that all
// text out is valid UTF-8.
func FuzzParseHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b, "")
		}
	}
	f.Add([]byte("<p>\xd0a\xecng</p>"), "text/html; charset=utf-8")
	f.Add([]byte("<meta charset=windows-1258><h1>T\xeai</h1><div>16/05/2024 - 14:42</div>"), "")
	f.Add([]byte(strings.Repeat("<div><table><tr><td>", 300)+"Đảng"), "")
	f.Add([]byte("\xFF\xFE<\x00p\x00>\x00"), "")
	f.Add([]byte(`<script type="application/ld+json">{"datePublished":[{"x":1}],"author":[{"name":"A"}]}</script>`), "")
	f.Fuzz(func(t *testing.T, raw []byte, ct string) {
		if len(raw) > 1<<20 {
			return
		}
		p, err := ParseHTML(raw, ct, "http://x.example.vn/a", Options{})
		if err != nil {
			return
		}
		for _, s := range append([]string{p.Title, p.Author, p.Canonical, p.Lang, p.Charset}, p.Warnings...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out: %q", s)
			}
		}
		for _, b := range p.Blocks {
			if !utf8.ValidString(b.Text) || b.Text == "" {
				t.Fatalf("bad block %q", b.Text)
			}
		}
	})
}
