// Package vntext holds the Vietnamese text primitives the rest of extract
// builds on: normalization to NFC, diacritic folding for search, and
// sentence splitting that knows Vietnamese abbreviations.
package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalization form C.
func NFC(s string) string {
	if isASCII(s) {
		return s
	}
	return norm.NFC.String(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Fold lowercases s and strips Vietnamese diacritics ("Khen Thưởng" →
// "khen thuong", "Đảng" → "dang"). Use it for search keys only, never
// for stored text.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if int(r) >= len(foldTable) {
			// Outside the table: fold the rest the slow, general way.
			b.WriteString(foldSlow(s[i:]))
			return b.String()
		}
		switch f := foldTable[r]; f {
		case foldDrop:
		case foldMulti:
			b.WriteString(foldSlow(s[i : i+size]))
		default:
			b.WriteRune(f)
		}
		i += size
	}
	return b.String()
}

const (
	foldDrop  = -1 // a combining mark: dropped
	foldMulti = -2 // folds to more than one rune
)

// foldTable maps each rune below U+2070 (Latin, Vietnamese, general
// punctuation) to its folded rune; it is built once and never changed.
var foldTable = func() []rune {
	t := make([]rune, 0x2070)
	for r := range t {
		f := []rune(foldSlow(string(rune(r))))
		switch {
		case r >= 0xD800 && r <= 0xDFFF:
			t[r] = utf8.RuneError
		case len(f) == 0:
			t[r] = foldDrop
		case len(f) == 1:
			t[r] = f[0]
		default:
			t[r] = foldMulti
		}
	}
	return t
}()

// foldSlow is Fold by way of NFD: the definition the table follows.
func foldSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			b.WriteRune('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
