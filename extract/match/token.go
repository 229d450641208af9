package match

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a sentence: a run of letters, digits and
// apostrophes, by its byte offsets in the sentence (and in its lower
// case, which has the same offsets).
type token struct {
	start, end int
	w          *wordInfo // the word's entry in the lexicon, nil for none
	cues       cue       // w's cue bits
	cap        bool      // isCap of the word
	upper      bool      // the first rune is upper case (unicode.IsUpper)
}

// in returns the word in s: the sentence, or its lower case.
func (t *token) in(s string) string { return s[t.start:t.end] }

// cue returns the word's cue bits.
func (t *token) cue() cue { return t.cues }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '’'
}

// tokenize splits s into words, each with its lexicon entry.
func tokenize(s string) []token { return tokenizeLow(s, lower(s)) }

// tokenizeLow splits s into words, each with its lexicon entry looked up
// in ls == lower(s).
func tokenizeLow(s, ls string) []token {
	n := strings.Count(s, " ") + 1
	toks := appendTokens(make([]token, 0, n+n/8), s)
	loadLexicon().annotate(ls, toks)
	return toks
}

// byteClass tells, for each byte below utf8.RuneSelf, whether it belongs
// in a word, and whether it is an upper-case letter or a digit.
var byteClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		b := byte(c)
		switch {
		case 'a' <= b && b <= 'z' || b == '\'':
			t[c] = classWord
		case 'A' <= b && b <= 'Z':
			t[c] = classWord | classUpper
		case '0' <= b && b <= '9':
			t[c] = classWord | classDigit
		}
	}
	return t
}()

const (
	classWord  = 1 << iota // belongs in a word
	classUpper             // unicode.IsUpper
	classDigit             // unicode.IsDigit
)

// appendTokens appends the words of s; it tells of each whether it is
// capitalised (isCap), reading each rune once. The words get no lexicon
// entry.
func appendTokens(out []token, s string) []token {
	for i := 0; i < len(s); {
		// Find the start of a word.
		var class uint8
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			class = byteClass[c]
		} else {
			class, size = classAt(s, i)
		}
		if class&classWord == 0 {
			i += size
			continue
		}
		start := i
		// Capitalised: the first rune upper case, and then an apostrophe
		// or no upper-case letter nor digit.
		firstUpper := class&classUpper != 0
		apos := i+size < len(s) && (s[i+size] == '\'' || strings.HasPrefix(s[i+size:], "’"))
		restBad := false
		// Read the rest of the word. A capital right after an apostrophe
		// keeps it capitalised: "Kh’Leang".
		prevApos := false
		for i += size; i < len(s); {
			if c := s[i]; c < utf8.RuneSelf {
				class = byteClass[c]
				size = 1
			} else {
				class, size = classAt(s, i)
			}
			if class&classWord == 0 {
				break
			}
			restBad = restBad || class&classDigit != 0 || class&classUpper != 0 && !prevApos
			prevApos = s[i] == '\'' || size == 3 && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0x99
			i += size
		}
		out = append(out, token{start: start, end: i, cap: firstUpper && (apos || !restBad), upper: firstUpper})
	}
	return out
}

// classAt returns the class bits of the rune at s[i] (not ASCII), and its
// length.
func classAt(s string, i int) (uint8, int) {
	r, size := decodeAt(s, i)
	if int(r) < len(runeTab) {
		return runeTab[r].class, size
	}
	return runeClass(r), size
}

// runeClass returns the class bits of r, as byteClass for ASCII.
func runeClass(r rune) uint8 {
	if r >= 0 && int(r) < len(runeTab) {
		return runeTab[r].class
	}
	var c uint8
	if isWordRune(r) {
		c |= classWord
	}
	if unicode.IsUpper(r) {
		c |= classUpper
	}
	if unicode.IsDigit(r) {
		c |= classDigit
	}
	return c
}

// isCap tells whether w starts with an upper-case letter and goes on in
// lower case ("Nguyễn", "H'Hen").
func isCap(w string) bool {
	if len(w) > 0 && w[0] < utf8.RuneSelf && (w[0] < 'A' || w[0] > 'Z') {
		return false // the common case: an ASCII lower-case start
	}
	r, size := utf8.DecodeRuneInString(w)
	if !isUpperRune(r) {
		return false
	}
	rest := w[size:]
	if strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
		return true
	}
	// a capital right after an apostrophe is allowed: "Kh’Leang"
	afterApos := func(i int) bool {
		return i > 0 && rest[i-1] == '\'' || i >= 3 && rest[i-3:i] == "’"
	}
	for i := 0; i < len(rest); {
		c := rest[i]
		if c < utf8.RuneSelf {
			if '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' && !afterApos(i) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(rest[i:])
		if unicode.IsDigit(r) || isUpperRune(r) && !afterApos(i) {
			return false
		}
		i += size
	}
	return true
}

// isUpperRune is unicode.IsUpper, by table for the runes of runeTab.
func isUpperRune(r rune) bool {
	if r >= 0 && int(r) < len(runeTab) {
		return runeTab[r].upper
	}
	return unicode.IsUpper(r)
}

// isUpperWord tells whether w starts upper case (capitalised word or
// abbreviation such as HĐND).
func isUpperWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isAbbrev tells whether w is an all-capitals abbreviation (HĐND, MTTQ).
func isAbbrev(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// runeTab holds, for each rune below U+2070 (Latin and Vietnamese
// letters, general punctuation such as quotes and dashes)
// letters), its lower case when that has the same UTF-8 length (else the
// rune itself) and whether it belongs in a word. Built once, never changed.
var runeTab = func() []runeInfo {
	t := make([]runeInfo, 0x2070)
	for r := range t {
		lr := unicode.ToLower(rune(r))
		if utf8.RuneLen(lr) != utf8.RuneLen(rune(r)) {
			lr = rune(r)
		}
		t[r] = runeInfo{lower: lr, word: isWordRune(rune(r)), upper: unicode.IsUpper(rune(r))}
		if t[r].word {
			t[r].class |= classWord
		}
		if t[r].upper {
			t[r].class |= classUpper
		}
		if unicode.IsDigit(rune(r)) {
			t[r].class |= classDigit
		}
	}
	return t
}()

type runeInfo struct {
	lower rune
	word  bool
	upper bool  // unicode.IsUpper
	class uint8 // classWord, classUpper, classDigit
}

// lowerRune returns the lower case of r when it has r's UTF-8 length.
func lowerRune(r rune) rune {
	if int(r) < len(runeTab) {
		return runeTab[r].lower
	}
	if lr := unicode.ToLower(r); utf8.RuneLen(lr) == utf8.RuneLen(r) {
		return lr
	}
	return r
}

// wordRune is isWordRune by table.
func wordRune(r rune) bool {
	if r >= 0 && int(r) < len(runeTab) {
		return runeTab[r].word
	}
	return isWordRune(r)
}

// lower lower-cases s rune by rune, keeping every rune whose lower case
// has another byte length, so that offsets into lower(s) are offsets into
// s. It does not allocate when s is already lower case.
func lower(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, size := decodeAt(s, i)
		if lowerRune(r) != r {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	// Every rune keeps its length: copy s, then lower its runes in place.
	b := []byte(s)
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, size := decodeAt(s, i)
		if lr := lowerRune(r); lr != r && size > 1 {
			utf8.EncodeRune(b[i:], lr)
		}
		i += size
	}
	return string(b)
}

// lowerAll returns lower of each of ss, lowered together in one string.
func lowerAll(ss []string) []string {
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range ss {
		b.WriteString(s)
	}
	all := lower(b.String()) // lower works rune by rune, and keeps lengths
	out := make([]string, len(ss))
	at := 0
	for i, s := range ss {
		out[i], at = all[at:at+len(s)], at+len(s)
	}
	return out
}

// gap returns the text between the words a and b of s.
func gap(s string, a, b token) string { return s[a.end:b.start] }

// valid returns s with invalid UTF-8 replaced by U+FFFD: the matchers'
// exported entry points take text from anywhere.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// decodeAt is utf8.DecodeRuneInString(s[i:]) with the two- and three-byte
// sequences of Vietnamese letters decoded inline.
func decodeAt(s string, i int) (rune, int) {
	c := s[i]
	switch {
	case c&0xE0 == 0xC0 && c >= 0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// surname tells whether the word, as written in s, is a surname.
func (t *token) surname(s string) bool {
	if t.w == nil {
		return false
	}
	w := t.in(s)
	for _, sn := range t.w.surnames {
		if sn == w {
			return true
		}
	}
	return false
}

// grams is the set of the byte pairs of a lower-case sentence, hashed
// into 1024 bits. A word with a pair not in the set is not in the
// sentence, nor in any part of it: the matchers look for a word only
// where it may be. A lower-case word found in the sentence as written is
// in its lower case too, so the set serves for both.
type grams [16]uint64

func gramBit(a, b byte) uint32 {
	return (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 22
}

// add adds the byte pairs of s.
func (g *grams) add(s string) {
	for i := 0; i+1 < len(s); i++ {
		h := gramBit(s[i], s[i+1])
		g[h>>6] |= 1 << (h & 63)
	}
}

// may tells whether w may be in the text: false only when it is not. A
// nil set knows nothing.
func (g *grams) may(w string) bool {
	if g == nil {
		return true
	}
	for i := 0; i+1 < len(w); i++ {
		if h := gramBit(w[i], w[i+1]); g[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// contains is strings.Contains(s, w) for s a part of the text of g (or
// of its lower case, for w in lower case).
func (g *grams) contains(s, w string) bool { return g.may(w) && strings.Contains(s, w) }

// index is strings.Index(s, w) for s as in contains.
func (g *grams) index(s, w string) int {
	if !g.may(w) {
		return -1
	}
	return strings.Index(s, w)
}

// hasAny tells whether s, as in contains, holds one of words.
func (g *grams) hasAny(s string, words []string) bool {
	for _, w := range words {
		if g.may(w) && strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// lowerWords is lower(s) and appendTokens(toks, s) in one pass over s;
// buf is a buffer for the lower case, returned for reuse.
func lowerWords(s string, toks []token, buf []byte) (string, []token, []byte) {
	buf = append(buf[:0], s...) // lowered in place: every rune keeps its length
	changed := false
	for i := 0; i < len(s); {
		// Find the start of a word.
		var class uint8
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			if class = byteClass[c]; class&classUpper != 0 { // A to Z
				buf[i] = c + 'a' - 'A'
				changed = true
			}
		} else {
			var ch bool
			class, size, ch = lowerAt(s, i, buf)
			changed = changed || ch
		}
		if class&classWord == 0 {
			i += size
			continue
		}
		start := i
		// Capitalised: the first rune upper case, and then an apostrophe
		// or no upper-case letter nor digit.
		firstUpper := class&classUpper != 0
		apos := i+size < len(s) && (s[i+size] == '\'' || strings.HasPrefix(s[i+size:], "’"))
		restBad := false
		// Read the rest of the word. A capital right after an apostrophe
		// keeps it capitalised: "Kh’Leang".
		prevApos := false
		for i += size; i < len(s); {
			if c := s[i]; c < utf8.RuneSelf {
				size = 1
				if class = byteClass[c]; class&classUpper != 0 {
					buf[i] = c + 'a' - 'A'
					changed = true
				}
			} else {
				var ch bool
				class, size, ch = lowerAt(s, i, buf)
				changed = changed || ch
			}
			if class&classWord == 0 {
				break
			}
			restBad = restBad || class&classDigit != 0 || class&classUpper != 0 && !prevApos
			prevApos = s[i] == '\'' || size == 3 && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0x99
			i += size
		}
		toks = append(toks, token{start: start, end: i, cap: firstUpper && (apos || !restBad), upper: firstUpper})
	}
	ls := s
	if changed {
		ls = string(buf)
	}
	return ls, toks, buf
}

// lowerAt returns the class bits and the length of the rune at s[i] (not
// ASCII), and writes its lower case (lower) at buf[i:], telling whether
// it differs.
func lowerAt(s string, i int, buf []byte) (class uint8, size int, changed bool) {
	r, size := decodeAt(s, i)
	var lr rune
	if int(r) < len(runeTab) {
		class, lr = runeTab[r].class, runeTab[r].lower
	} else {
		class, lr = runeClass(r), lowerRune(r)
	}
	if lr != r && size > 1 {
		utf8.EncodeRune(buf[i:], lr)
		return class, size, true
	}
	return class, size, false
}
