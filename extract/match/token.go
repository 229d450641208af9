package match

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a sentence: a run of letters, digits and
// apostrophes, with its byte offsets.
type token struct {
	text       string
	low        string // text in lower case
	start, end int
	cue        cue // the word's cue bits, once lexicon.cuesOf has run
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '’'
}

// tokenize splits s into words.
func tokenize(s string) []token { return tokenizeLow(s, lower(s)) }

// tokenizeLow splits s into words, taking their lower case from ls ==
// lower(s).
func tokenizeLow(s, ls string) []token {
	n := strings.Count(s, " ") + 1
	return appendTokens(make([]token, 0, n+n/8), s, ls)
}

// appendTokens appends the words of s to out, taking their lower case
// from ls == lower(s); a caller with a buffer of its own saves the
// allocation. With ls == "" each word is lowered by itself (the same
// result, as lower works rune by rune), which saves lowering a long s
// when few of its words are read.
func appendTokens(out []token, s, ls string) []token {
	if ls == "" && s != "" {
		n := len(out)
		out = appendTokensLow(out, s, s)
		for k := n; k < len(out); k++ {
			out[k].low = lower(out[k].text)
		}
		return out
	}
	return appendTokensLow(out, s, ls)
}

func appendTokensLow(out []token, s, ls string) []token {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var word bool
		size := 1
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\''
		} else {
			var r rune
			r, size = decodeAt(s, i)
			word = wordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, token{text: s[start:i], low: ls[start:i], start: start, end: i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, token{text: s[start:], low: ls[start:], start: start, end: len(s)})
	}
	return out
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
	for i := 0; i < len(rest); {
		c := rest[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(rest[i:])
		if isUpperRune(r) || unicode.IsDigit(r) {
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

// runeTab holds, for each rune below U+2000 (Latin and Vietnamese
// letters), its lower case when that has the same UTF-8 length (else the
// rune itself) and whether it belongs in a word. Built once, never changed.
var runeTab = func() []runeInfo {
	t := make([]runeInfo, 0x2000)
	for r := range t {
		lr := unicode.ToLower(rune(r))
		if utf8.RuneLen(lr) != utf8.RuneLen(rune(r)) {
			lr = rune(r)
		}
		t[r] = runeInfo{lower: lr, word: isWordRune(rune(r)), upper: unicode.IsUpper(rune(r))}
	}
	return t
}()

type runeInfo struct {
	lower rune
	word  bool
	upper bool // unicode.IsUpper
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
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := decodeAt(s, i)
		if lr := lowerRune(r); lr != r && size > 1 {
			b = utf8.AppendRune(b, lr)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// gap returns the text between tokens a and b of s.
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
