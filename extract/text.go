package extract

import (
	"bytes"
	"mime"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/vnnews/vnnews/extract/vntext"
)

// decodeText turns the bytes of a plain-text page into NFC text: a BOM
// wins, then valid UTF-8, then the charset the Content-Type names. Text
// that is none of these is decoded as UTF-8 with replacement characters
// and a warning, so nothing passes silently as mojibake.
func decodeText(raw []byte, contentType string) (string, string) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := dec.Bytes(raw); err == nil {
			return vntext.NFC(string(out)), ""
		}
	}
	if utf8.Valid(raw) {
		return vntext.NFC(string(raw)), ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if enc, err := htmlindex.Get(params["charset"]); err == nil {
			if out, err := enc.NewDecoder().Bytes(raw); err == nil {
				return vntext.NFC(string(out)), ""
			}
		}
	}
	return vntext.NFC(string(bytes.ToValidUTF8(raw, []byte("\uFFFD")))),
		"text is not valid UTF-8 and names no charset: invalid bytes replaced"
}
