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
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '’'
}

// tokenize splits s into words.
func tokenize(s string) []token { return tokenizeLow(s, lower(s)) }

// tokenizeLow splits s into words, taking their lower case from ls ==
// lower(s).
func tokenizeLow(s, ls string) []token {
	out := make([]token, 0, len(s)/5)
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var word bool
		size := 1
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\''
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = isWordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, token{s[start:i], ls[start:i], start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, token{s[start:], ls[start:], start, len(s)})
	}
	return out
}

// isCap tells whether w starts with an upper-case letter and goes on in
// lower case ("Nguyễn", "H'Hen").
func isCap(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := w[size:]
	if strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
		return true
	}
	for _, r := range rest {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
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
		r, size := utf8.DecodeRuneInString(s[i:])
		if lr := unicode.ToLower(r); lr != r && utf8.RuneLen(lr) == size {
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
		r, size := utf8.DecodeRuneInString(s[i:])
		if lr := unicode.ToLower(r); lr != r && utf8.RuneLen(lr) == size {
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
