// Package query answers analysts' questions over a vnnews database: award
// sums grouped and filtered with one ceremony counted once however many
// portals reported it, full-text search with or without diacritics, CSV
// exports that are safe to open in a spreadsheet, and read-only SQL.
//
// Every function takes a *sql.DB opened by store.Open or, better,
// store.OpenReadOnly: the package only reads.
package query

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/vnnews/vnnews/extract/vntext"
)

// Format is an output format for results.
type Format string

// Output formats.
const (
	FormatTable Format = "table"
	FormatCSV   Format = "csv"
	FormatJSON  Format = "json"
)

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case FormatTable, FormatCSV, FormatJSON:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want table, csv or json)", s)
}

// provinceKey folds a province name for matching: case and diacritics
// dropped, punctuation removed, spaces collapsed, and a leading "tỉnh" or
// "thành phố" dropped, so "long an", "Tỉnh Long An" and "LONG AN" agree.
func provinceKey(s string) string {
	f := vntext.Fold(s)
	var b strings.Builder
	space := false
	for _, r := range f {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	k := b.String()
	for _, p := range []string{"tinh ", "thanh pho ", "tp "} {
		k = strings.TrimPrefix(k, p)
	}
	return k
}

// NormalizeDirective returns a directive code in the stored form: NFC,
// upper case, no spaces, plain hyphens, and the central issuer written TW
// ("01 - kl/tư" → "01-KL/TW").
func NormalizeDirective(s string) string {
	var b strings.Builder
	for _, r := range vntext.NFC(s) {
		switch {
		case unicode.IsSpace(r):
			continue
		case r == '–' || r == '—' || r == '‐' || r == '‑' || r == '−':
			b.WriteByte('-')
		default:
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	c := b.String()
	for _, tw := range []string{"/T.Ư", "/TƯ", "/T.W"} {
		if strings.HasSuffix(c, tw) {
			c = strings.TrimSuffix(c, tw) + "/TW"
		}
	}
	return c
}
