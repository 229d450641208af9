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
	if quickNFC(s) {
		return s
	}
	return norm.NFC.String(s)
}

// ValidNFC returns s with invalid UTF-8 replaced by U+FFFD, in NFC: NFC
// of strings.ToValidUTF8(s, "\uFFFD"), in one pass over s when it is
// already so.
func ValidNFC(s string) string {
	if quickNFC(s) {
		return s // valid, and NFC
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return norm.NFC.String(s)
}

// quickNFC tells whether s is valid UTF-8 made only of runes that are
// their own NFC and combine with no rune before them (see nfcStable):
// such a text is in NFC. It may say false of some text in NFC (with
// combining marks, or runes beyond the table).
func quickNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := decodeVi(s, i)
		if int(r) >= len(nfcStable) || !nfcStable[r] {
			return false // invalid UTF-8 decodes to U+FFFD, outside the table
		}
		i += size
	}
	return true
}

// nfcStable tells, for each rune below U+2070 (Latin, Vietnamese, general
// punctuation), whether it is its own NFC and a boundary of
// normalization before it: a starter (combining class 0) that combines
// with no rune before it. A text of such runes normalizes rune by rune,
// to itself; the runes that may compose with a rune before them (the
// combining marks) are not in it. Built once, never changed.
var nfcStable = func() []bool {
	t := make([]bool, 0x2070)
	for r := range t {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(rune(r))
		t[r] = norm.NFC.String(s) == s && norm.NFC.PropertiesString(s).BoundaryBefore()
	}
	return t
}()

// Fold lowercases s and strips Vietnamese diacritics ("Khen Thưởng" →
// "khen thuong", "Đảng" → "dang"). Use it for search keys only, never
// for stored text.
func Fold(s string) string {
	// A short text folds in a buffer on the stack, if it fits (a rune may
	// fold to more bytes than it has).
	if len(s) <= foldShort {
		var buf [foldShort + utf8.UTFMax]byte
		n := 0
		for i := 0; i < len(s) && n <= foldShort; {
			c := s[i]
			if c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[n] = c
				n++
				i++
				continue
			}
			r, size := decodeVi(s, i)
			if int(r) >= len(foldTable) || foldTable[r] == foldMulti {
				n = -1 // the slow, general way below
				break
			}
			switch f := foldTable[r]; {
			case f >= 0 && f < utf8.RuneSelf:
				buf[n] = byte(f)
				n++
			case f == foldDrop:
			default:
				n += utf8.EncodeRune(buf[n:], f)
			}
			i += size
		}
		if n >= 0 && n <= foldShort {
			return string(buf[:n])
		}
	}
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
		r, size := decodeVi(s, i)
		if int(r) >= len(foldTable) {
			// Outside the table: fold the rest the slow, general way.
			b.WriteString(foldSlow(s[i:]))
			return b.String()
		}
		switch f := foldTable[r]; {
		case f >= 0 && f < utf8.RuneSelf:
			b.WriteByte(byte(f))
		case f == foldDrop:
		case f == foldMulti:
			b.WriteString(foldSlow(s[i : i+size]))
		default:
			b.WriteRune(f)
		}
		i += size
	}
	return b.String()
}

// foldShort is the longest text Fold folds on the stack.
const foldShort = 256

// decodeVi is utf8.DecodeRuneInString(s[i:]) (s[i] not ASCII), with the
// two- and three-byte runes of Vietnamese text decoded inline.
func decodeVi(s string, i int) (rune, int) {
	c := s[i]
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	if (c == 0xE1 || c == 0xE2) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3 // U+1000 to U+2FFF
	}
	return utf8.DecodeRuneInString(s[i:])
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
