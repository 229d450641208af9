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
func tokenize(s string) []token {
	var out []token
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, token{s[start:i], lowerWord(s[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, token{s[start:], lowerWord(s[start:]), start, len(s)})
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

func lower(s string) string { return strings.ToLower(s) }

// gap returns the text between tokens a and b of s.
func gap(s string, a, b token) string { return s[a.end:b.start] }

// lowerWord lower-cases a word, without allocating when it is already
// lower case.
func lowerWord(w string) string {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return strings.ToLower(w)
		}
	}
	return w
}
