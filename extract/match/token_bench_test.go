package match

import (
	"testing"

	"github.com/vnnews/vnnews/extract/vntext"
)

// benchSentences are the sentences of the gold texts, as Match reads
// them.
func benchSentences(b *testing.B) ([]string, int64) {
	var out []string
	var n int64
	for _, s := range benchTexts(b) {
		for _, sn := range vntext.Sentences(vntext.NFC(s)) {
			out = append(out, sn.Text)
			n += int64(len(sn.Text))
		}
	}
	return out, n
}

// BenchmarkLowerWords compares the one scanner (lowerWords, the hot path
// of Match, and appendTokens) with the two scanners it replaced
// (refLowerWords, refAppendTokens), over the gold sentences.
func BenchmarkLowerWords(b *testing.B) {
	sents, n := benchSentences(b)
	lowerers := []struct {
		name string
		f    func(string, []token, []byte) (string, []token, []byte)
	}{{"new", lowerWords}, {"old", refLowerWords}}
	for _, l := range lowerers {
		b.Run(l.name, func(b *testing.B) {
			b.SetBytes(n)
			var toks []token
			var buf []byte
			for b.Loop() {
				for _, s := range sents {
					_, toks, buf = l.f(s, toks[:0], buf)
				}
			}
		})
	}
}

// BenchmarkAppendTokens is BenchmarkLowerWords for the words alone.
func BenchmarkAppendTokens(b *testing.B) {
	sents, n := benchSentences(b)
	scanners := []struct {
		name string
		f    func([]token, string) []token
	}{{"new", appendTokens}, {"old", refAppendTokens}}
	for _, sc := range scanners {
		b.Run(sc.name, func(b *testing.B) {
			b.SetBytes(n)
			var toks []token
			for b.Loop() {
				for _, s := range sents {
					toks = sc.f(toks[:0], s)
				}
			}
		})
	}
}
