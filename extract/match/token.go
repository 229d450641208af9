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
// in a word, and whether it is an upper-case letter, a digit or an
// apostrophe.
var byteClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		t[c] = runeClass(rune(c))
	}
	return t
}()

const (
	classWord  = 1 << iota // belongs in a word (isWordRune)
	classUpper             // unicode.IsUpper
	classDigit             // unicode.IsDigit
	classApos              // an apostrophe, ' or ’
)

// appendTokens appends the words of s; it tells of each whether it is
// capitalised (isCap), reading each rune once. The words get no lexicon
// entry.
func appendTokens(out []token, s string) []token { return scanWords(s, out, nil) }

// lowerWords is lower(s) and appendTokens(toks, s) in one pass over s;
// buf is a buffer for the lower case, returned for reuse.
func lowerWords(s string, toks []token, buf []byte) (string, []token, []byte) {
	buf = append(buf[:0], s...) // lowered in place: every rune keeps its length
	toks = scanWords(s, toks, buf)
	if string(buf) == s { // no allocation; faster than marking each change
		return s, toks, buf
	}
	return string(buf), toks, buf
}

// scanWords is the word scanner of appendTokens and lowerWords: it
// appends the words of s to toks, the runs of word runes (isWordRune),
// each with whether it is capitalised (capState) and whether its first
// rune is upper case. With low non-nil, a copy of s, it also lowers s in
// low as lower does. It reads each rune once, but for the one after a
// word, read again as the next start.
func scanWords(s string, toks []token, low []byte) []token {
	for i := 0; i < len(s); {
		// Find the start of a word.
		var first uint8
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			first = readByte(c, i, low)
		} else {
			first, size = readRuneSlow(s, i, low)
		}
		if first&classWord == 0 {
			i += size
			continue
		}
		// Read the rest of the word.
		start, st := i, capStart.next(first)
		for i += size; i < len(s); i += size {
			var class uint8
			size = 1
			if c := s[i]; c < utf8.RuneSelf {
				class = readByte(c, i, low)
			} else {
				class, size = readRuneSlow(s, i, low)
			}
			if class&classWord == 0 {
				break
			}
			st = st.next(class)
		}
		toks = append(toks, token{start: start, end: i, cap: st.cap(), upper: first&classUpper != 0})
	}
	return toks
}

// readRune returns the class bits (classWord...) and the length of the
// rune at s[i]. With low non-nil, a copy of s, it also writes the rune's
// lower case (lowerRune) at low[i:].
func readRune(s string, i int, low []byte) (class uint8, size int) {
	if c := s[i]; c < utf8.RuneSelf {
		return readByte(c, i, low), 1
	}
	return readRuneSlow(s, i, low)
}

// readByte is readRune for the ASCII byte c at s[i], small enough to be
// inlined in the scanner's loops.
func readByte(c byte, i int, low []byte) uint8 {
	class := byteClass[c&0x7F]
	if class&classUpper != 0 && low != nil { // A to Z
		low[i] = c + 'a' - 'A'
	}
	return class
}

// readRuneSlow is readRune for a rune that is not ASCII.
func readRuneSlow(s string, i int, low []byte) (uint8, int) {
	r, size := decodeAt(s, i)
	if int(r) < len(runeTab) {
		if low != nil && runeTab[r].lower != r && size > 1 {
			utf8.EncodeRune(low[i:], runeTab[r].lower)
		}
		return runeTab[r].class, size
	}
	if lr := lowerRune(r); low != nil && lr != r && size > 1 {
		utf8.EncodeRune(low[i:], lr)
	}
	return classOf(r), size
}

// capState reads a word rune by rune (next) and tells whether it is
// capitalised (cap): its first rune upper case, and then an apostrophe
// ("H'Hen") or no digit, nor a capital but right after an apostrophe
// ("Kh’Leang", "H’Yâo"). It is the one place of that rule: the word
// scanner and isCap use it.
type capState uint8

const (
	capNo     capState = iota // not capitalised, whatever follows
	capStart                  // nothing read yet
	capFirst                  // an upper-case first rune
	capYes                    // capitalised so far
	capApos                   // capitalised so far, the last rune an apostrophe
	capSure                   // an apostrophe second: capitalised, whatever follows
	capStates                 // the number of states, at most 8 (capNext)
)

// step returns the state after a rune of class bits class: the rule.
func (st capState) step(class uint8) capState {
	upper, digit, apos := class&classUpper != 0, class&classDigit != 0, class&classApos != 0
	switch {
	case st == capNo || st == capSure:
		return st
	case st == capStart && upper:
		return capFirst
	case st == capStart:
		return capNo
	case st == capFirst && apos: // "H'Hen"
		return capSure
	case digit, upper && st != capApos: // "Xã1", "ĐắK", but "Kh’Leang"
		return capNo
	case apos:
		return capApos
	}
	return capYes
}

// capClassShift brings the class bits that step reads (classUpper,
// classDigit, classApos) down to the low bits of an index into capNext.
const capClassShift = 1

// capNext is step by table: capNext[st<<3|class>>capClassShift&7], with
// room for 8 states so that the index needs no bounds check.
var capNext = func() (t [64]capState) {
	for st := range capStates {
		for k := range 8 {
			t[int(st)<<3|k] = st.step(uint8(k << capClassShift))
		}
	}
	return t
}()

// next returns the state after a rune of class bits class.
func (st capState) next(class uint8) capState {
	return capNext[(uint(st)<<3|uint(class>>capClassShift&7))&63]
}

// cap tells whether the word read so far is capitalised.
func (st capState) cap() bool { return st >= capFirst }

// runeClass returns the class bits of r, as byteClass for ASCII.
func runeClass(r rune) uint8 {
	if r >= 0 && int(r) < len(runeTab) {
		return runeTab[r].class
	}
	return classOf(r)
}

// classOf returns the class bits of r, by its Unicode properties.
func classOf(r rune) uint8 {
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
	if r == '\'' || r == '’' {
		c |= classApos
	}
	return c
}

// isCap tells whether w starts with an upper-case letter and goes on in
// lower case ("Nguyễn", "H'Hen"), as capState reads it.
func isCap(w string) bool {
	if len(w) > 0 && w[0] < utf8.RuneSelf && (w[0] < 'A' || w[0] > 'Z') {
		return false // the common case: an ASCII lower-case start
	}
	st := capStart
	for i, size := 0, 1; i < len(w) && st != capNo && st != capSure; i += size {
		var class uint8
		class, size = readRune(w, i, nil)
		st = st.next(class)
	}
	return st.cap()
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
// letters, general punctuation such as quotes and dashes), its lower
// case when that has the same UTF-8 length (else the rune itself) and its
// class bits. Built once, never changed.
var runeTab = func() []runeInfo {
	t := make([]runeInfo, 0x2070)
	for r := range t {
		lr := unicode.ToLower(rune(r))
		if utf8.RuneLen(lr) != utf8.RuneLen(rune(r)) {
			lr = rune(r)
		}
		t[r] = runeInfo{lower: lr, class: classOf(rune(r))}
	}
	return t
}()

type runeInfo struct {
	lower rune
	class uint8 // classWord, classUpper, classDigit, classApos
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
		return runeTab[r].class&classWord != 0
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
	for size := 1; i < len(b); i += size {
		if c := s[i]; c < utf8.RuneSelf {
			readByte(c, i, b)
			size = 1
		} else {
			_, size = readRuneSlow(s, i, b)
		}
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
