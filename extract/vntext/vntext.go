// Package vntext holds the Vietnamese text primitives the rest of extract
// builds on: normalization to NFC, diacritic folding for search, and
// sentence splitting that knows Vietnamese abbreviations.
package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalization form C.
func NFC(s string) string { return norm.NFC.String(s) }

// Fold lowercases s and strips Vietnamese diacritics ("Khen Thưởng" →
// "khen thuong", "Đảng" → "dang"). Use it for search keys only, never
// for stored text.
func Fold(s string) string {
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
