package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text with its byte offsets: text[Start:End]
// == Text.
type Sentence struct {
	Text       string
	Start, End int
}

// abbrevs are the words that, followed by a dot, do not end a sentence.
// Compared case-sensitively on the word before the dot.
var abbrevs = map[string]bool{
	"TP": true, "Tp": true, "tp": true, "Q": true, "P": true, "TS": true, "ThS": true,
	"PGS": true, "GS": true, "BS": true, "Th.S": true, "U": true, "TX": true, "TT": true,
	"H": true, "X": true, "KS": true, "CN": true, "Ths": true, "NXB": true, "St": true,
	"TTr": true, "ĐC": true, "Đ/c": true, "đ/c": true, "Mr": true, "Ms": true, "Dr": true,
	"NS": true, "NSƯT": true, "NSND": true, "NGƯT": true, "NGND": true, "LS": true,
	"CKI": true, "CKII": true, "BSCKI": true, "BSCKII": true, "Tr": true, "tr": true,
	"v.v": true, "vv": true, "Ng": true,
}

// Sentences splits s (NFC text) into sentences. A sentence ends at ".",
// "!", "?" or "…" followed by space and a capital letter, digit or quote,
// and at every line break; it does not end after a Vietnamese abbreviation
// ("TP.", "TS.", "ThS.", "PGS."), an initial ("Nguyễn V. A"), or inside a
// number ("1.525", "18/5/2021"). Semicolons do not split, so lists of
// titles and units stay in one sentence.
func Sentences(s string) []Sentence {
	var out []Sentence
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b {
			r, size := utf8.DecodeRuneInString(s[a:])
			if !unicode.IsSpace(r) {
				break
			}
			a += size
		}
		for b > a {
			r, size := utf8.DecodeLastRuneInString(s[:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= size
		}
		if b > a {
			out = append(out, Sentence{Text: s[a:b], Start: a, End: b})
		}
		start = end
	}
	marks := markFinder{s: s, next: [len(markBytes)]int{-1, -1, -1, -1, -1}}
	for i := 0; i < len(s); {
		// skip to a byte that may end a sentence
		if i = marks.from(i); i == len(s) {
			break
		}
		c := s[i]
		switch {
		case c == '\n':
			emit(i)
			i++
			start = i
			continue
		case c == '.' || c == '!' || c == '?' || strings.HasPrefix(s[i:], "…"):
			size := 1
			if c == 0xE2 {
				size = len("…")
			}
			end := i + size
			// absorb runs of closing punctuation: "./.", "...", '."', ".)"
			for end < len(s) && strings.IndexByte(".!?/\")'", s[end]) >= 0 {
				end++
			}
			for end < len(s) && (strings.HasPrefix(s[end:], "”") || strings.HasPrefix(s[end:], "’") || strings.HasPrefix(s[end:], "…")) {
				end += 3
			}
			if c == '.' && !sentenceEnd(s, i, end) {
				i = end
				continue
			}
			if end < len(s) && !nextStartsSentence(s, end) {
				i = end
				continue
			}
			emit(end)
			i = end
			continue
		}
		i++
	}
	emit(len(s))
	return out
}

// markBytes are the bytes a sentence mark or a line break starts with:
// "\n", ".", "!", "?" and the first byte of "…".
var markBytes = [...]byte{'\n', '.', '!', '?', "…"[0]}

// markFinder finds the next mark byte in s, keeping where each of
// markBytes is next, so that each is looked for once per occurrence.
type markFinder struct {
	s    string
	next [len(markBytes)]int // the next offset of each byte, len(s) for none; -1 unknown
}

// from returns the offset of the first mark byte at or after i, len(s)
// for none.
func (m *markFinder) from(i int) int {
	best := len(m.s)
	for k, c := range markBytes {
		if m.next[k] < i {
			m.next[k] = len(m.s)
			if j := strings.IndexByte(m.s[i:], c); j >= 0 {
				m.next[k] = i + j
			}
		}
		best = min(best, m.next[k])
	}
	return best
}

// sentenceEnd tells whether the dot at i (with closing punctuation up to
// end) can end a sentence, looking at the word before it.
func sentenceEnd(s string, i, end int) bool {
	if i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
		return false // 1.525, 14.12
	}
	if end > i+1 {
		return true // "./.", "..."
	}
	w := i
	for w > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:w])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' || r == ',' {
			break
		}
		w -= size
	}
	word := s[w:i]
	if word == "" {
		return true
	}
	if abbrevs[word] {
		return false
	}
	// a single capital letter is an initial
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(r) {
		return false
	}
	return true
}

// nextStartsSentence tells whether the text after a sentence mark at i
// starts a new sentence: space then a capital, digit, quote or dash.
func nextStartsSentence(s string, i int) bool {
	j := i
	sawSpace := false
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsSpace(r) {
			break
		}
		sawSpace = true
		j += size
	}
	if j >= len(s) {
		return true
	}
	if !sawSpace {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(-–*•[", r)
}
