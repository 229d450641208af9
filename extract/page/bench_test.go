package page

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sharedDir finds the project's shared measuring directory beside the
// checkout, "" when it is absent (a fresh clone).
func sharedDir() string {
	if d := os.Getenv("VNNEWS_SHARED"); d != "" {
		return d
	}
	d, err := filepath.Abs("../../../shared")
	if err != nil {
		return ""
	}
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

type benchPage struct {
	id, url, truth string
	html           []byte
}

func loadZyte(tb testing.TB) []benchPage {
	tb.Helper()
	sd := sharedDir()
	if sd == "" {
		tb.Skip("shared/ is absent: no benchmark pages")
	}
	dir := filepath.Join(sd, "bench", "article-extraction")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Skipf("no ground truth: %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		tb.Fatalf("ground-truth.json: %v", err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var pages []benchPage
	for _, id := range ids {
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			tb.Fatalf("open %s: %v", id, err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatalf("gunzip %s: %v", id, err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			tb.Fatalf("read %s: %v", id, err)
		}
		pages = append(pages, benchPage{id: id, url: gt[id].URL, truth: gt[id].ArticleBody, html: b})
	}
	return pages
}

var wordRE = regexp.MustCompile(`\w+`)

// shingleScore scores a predicted body against the truth as the Zyte
// benchmark does: \w+ tokens, multisets of 4-token shingles, TP/FP/FN
// normalised per document.
func shingleScore(pred, truth string) (tp, fp, fn float64) {
	sh := func(s string) map[string]int {
		toks := wordRE.FindAllString(s, -1)
		m := map[string]int{}
		if len(toks) < 4 {
			if len(toks) > 0 {
				m[strings.Join(toks, " ")]++
			}
			return m
		}
		for i := 0; i+4 <= len(toks); i++ {
			m[strings.Join(toks[i:i+4], " ")]++
		}
		return m
	}
	p, t := sh(pred), sh(truth)
	for k, pc := range p {
		tc := t[k]
		tp += float64(min(pc, tc))
		fp += float64(max(pc-tc, 0))
	}
	for k, tc := range t {
		fn += float64(max(tc-p[k], 0))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return
}

// zyteFloor is the body F1 below which the benchmark test fails: it stops
// regressions, and rises as the heuristics improve.
const zyteFloor = 0.95

func TestZyteBenchmark(t *testing.T) {
	pages := loadZyte(t)
	var sumP, sumR float64
	var nP, nR, exact int
	type worst struct {
		id   string
		f1   float64
		p, r float64
	}
	var ws []worst
	for _, bp := range pages {
		pg, err := ParseHTML(bp.html, "text/html; charset=utf-8", bp.url, Options{})
		if err != nil {
			t.Errorf("%s: %v", bp.id, err)
			continue
		}
		pred := pg.Body()
		tp, fp, fn := shingleScore(pred, bp.truth)
		var p, r float64
		if tp+fp > 0 {
			p = tp / (tp + fp)
			sumP += p
			nP++
		}
		if tp+fn > 0 {
			r = tp / (tp + fn)
			sumR += r
			nR++
		}
		if strings.Join(wordRE.FindAllString(pred, -1), " ") == strings.Join(wordRE.FindAllString(bp.truth, -1), " ") {
			exact++
		}
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		ws = append(ws, worst{bp.id, f, p, r})
	}
	P, R := sumP/float64(max(nP, 1)), sumR/float64(max(nR, 1))
	F1 := 2 * P * R / (P + R)
	t.Logf("Zyte article-extraction benchmark, %d pages: F1 %.3f  precision %.3f  recall %.3f  exact %.3f", len(pages), F1, P, R, float64(exact)/float64(len(pages)))
	sort.Slice(ws, func(i, j int) bool { return ws[i].f1 < ws[j].f1 })
	if testing.Verbose() {
		for _, w := range ws[:min(len(ws), 25)] {
			t.Logf("worst %s F1 %.2f P %.2f R %.2f", w.id[:12], w.f1, w.p, w.r)
		}
	}
	if F1 < zyteFloor {
		t.Errorf("body F1 %.3f fell below the floor %.2f", F1, zyteFloor)
	}
}

// zyteForBench loads the benchmark pages and sets the bytes per op, so
// the two benchmarks below report comparable MB/s.
func zyteForBench(b *testing.B) []benchPage {
	pages := loadZyte(b)
	var total int64
	for _, p := range pages {
		total += int64(len(p.html))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	return pages
}

// BenchmarkParseHTML is the whole extraction over the benchmark pages;
// compare with BenchmarkHTMLParseBaseline in the same run.
func BenchmarkParseHTML(b *testing.B) {
	pages := zyteForBench(b)
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			if _, err := ParseHTML(p.html, "text/html; charset=utf-8", p.url, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkHTMLParseBaseline is bare html.Parse of the same pages.
func BenchmarkHTMLParseBaseline(b *testing.B) {
	pages := zyteForBench(b)
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			if _, err := html.Parse(bytes.NewReader(p.html)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
