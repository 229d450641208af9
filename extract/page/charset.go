package page

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// decoded is the page text in UTF-8 with the charset it came from.
type decoded struct {
	text     string
	charset  string
	warnings []string
}

// decodeHTML turns raw page bytes into UTF-8. The charset is taken from,
// in order: a byte order mark, the HTTP Content-Type header, <meta
// charset> or <meta http-equiv>, then sniffing. A declaration that the
// bytes contradict (a legacy charset on valid UTF-8 with non-ASCII text,
// or UTF-8 on bytes that are not UTF-8) is overruled and recorded as a
// warning. The result is not yet NFC.
func decodeHTML(raw []byte, contentType string) decoded {
	d := decodeRaw(raw, contentType)
	if n := mojibakeCount(d.text); n >= 3 {
		if fixed, ok := undoMojibake(d.text); ok {
			d.text = fixed
			d.warnings = append(d.warnings, fmt.Sprintf("charset: text was UTF-8 read as windows-1252 and saved again (%d marks); repaired", n))
		} else {
			d.warnings = append(d.warnings, fmt.Sprintf("charset: text looks double-encoded (%d marks of UTF-8 read as windows-1252); left as is", n))
		}
	}
	return d
}

// mojibakeMarks are what Vietnamese UTF-8 turns into when read as
// windows-1252 and saved again: "Ä‘" for "đ", "Æ°" for "ư", "áº"/"á»"
// for the letters with tone marks.
var mojibakeMarks = [...]string{"Ä‘", "Ä", "Æ°", "Æ¡", "áº", "á»", "Ã¡", "Ã¢", "Ãª", "Ã´", "Ã³", "Ã¬", "Ã¹", "Ã "}

func mojibakeCount(s string) int {
	// Every mark starts with "Ä", "Æ", "á" or "Ã", that is 0xC3 0x84,
	// 0x86, 0xA1 or 0x83 in UTF-8: count the marks at each 0xC3 in one
	// pass, then add them up as counting mark by mark, stopping past 50,
	// would (a mark never overlaps itself).
	var per [len(mojibakeMarks)]int
	for i := 0; ; {
		k := strings.IndexByte(s[i:], 0xC3)
		if k < 0 {
			break
		}
		i += k
		rest := s[i:]
		for j, m := range mojibakeMarks {
			if strings.HasPrefix(rest, m) {
				per[j]++
			}
		}
		i++
	}
	n := 0
	for _, c := range per {
		n += c
		if n >= 50 {
			break
		}
	}
	return n
}

// undoMojibake encodes s back to windows-1252 bytes and reads them as
// UTF-8.
func undoMojibake(s string) (string, bool) {
	// windows-1252's letters in 0x80-0x9F; the rest of the byte range maps
	// to the same code point (the five unassigned bytes to C1 controls).
	var high [32]rune
	for i := range high {
		high[i] = charmap.Windows1252.DecodeByte(byte(0x80 + i))
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r < 0x100 {
			b = append(b, byte(r))
			continue
		}
		found := false
		for i, h := range high {
			if h == r {
				b = append(b, byte(0x80+i))
				found = true
				break
			}
		}
		if !found {
			return "", false
		}
	}
	if !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}

func decodeRaw(raw []byte, contentType string) decoded {
	// 1. Byte order mark: it wins over every declaration.
	switch {
	case bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF")):
		return finishUTF8(raw[3:], "utf-8")
	case bytes.HasPrefix(raw, []byte("\xFF\xFE")):
		return decodeWith(raw, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le")
	case bytes.HasPrefix(raw, []byte("\xFE\xFF")):
		return decodeWith(raw, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be")
	}

	// 2. and 3. Declarations.
	name, source := "", ""
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			name, source = params["charset"], "HTTP header"
		}
	}
	if name == "" {
		if n := prescanMeta(raw); n != "" {
			name, source = n, "meta tag"
		}
	}

	asciiOnly, validUTF8 := classify(raw)
	if name == "" {
		// 4. Sniffing.
		if validUTF8 {
			return decoded{text: string(raw), charset: "utf-8"}
		}
		cs := sniffLegacy(raw)
		d := decodeNamed(raw, cs)
		d.warnings = append(d.warnings, fmt.Sprintf("charset: none declared and not UTF-8; sniffed %s", cs))
		return d
	}

	enc, canon := lookup(name)
	switch {
	case enc == nil:
		// Unknown label: fall back to sniffing, and say so.
		if validUTF8 {
			d := decoded{text: string(raw), charset: "utf-8"}
			d.warnings = append(d.warnings, fmt.Sprintf("charset: unknown charset %q in %s; content is valid UTF-8", name, source))
			return d
		}
		cs := sniffLegacy(raw)
		d := decodeNamed(raw, cs)
		d.warnings = append(d.warnings, fmt.Sprintf("charset: unknown charset %q in %s; sniffed %s", name, source, cs))
		return d
	case canon == "utf-8":
		if validUTF8 {
			return decoded{text: string(raw), charset: "utf-8"}
		}
		return lyingUTF8(raw, source)
	case isUTF16(canon):
		return decodeWith(raw, enc, canon)
	default:
		// A legacy (single- or multi-byte) charset. If the bytes are valid
		// UTF-8 with non-ASCII characters, the declaration lies: legacy text
		// with high bytes is almost never valid UTF-8 by accident.
		if validUTF8 && !asciiOnly {
			d := decoded{text: string(raw), charset: "utf-8"}
			d.warnings = append(d.warnings, fmt.Sprintf("charset: %s declares %s but the content is valid UTF-8; decoded as utf-8", source, canon))
			return d
		}
		if (canon == "windows-1252" || canon == "iso-8859-1") && !validUTF8 && looks1258(raw) {
			d := decodeNamed(raw, "windows-1258")
			d.warnings = append(d.warnings, fmt.Sprintf("charset: %s declares %s but the bytes are Vietnamese windows-1258; decoded as windows-1258", source, canon))
			return d
		}
		return decodeWith(raw, enc, canon)
	}
}

// lyingUTF8 handles bytes declared UTF-8 that are not valid UTF-8. A few
// stray bytes are replaced; a page mostly in a legacy charset is decoded
// from that charset. Either way a warning is recorded.
func lyingUTF8(raw []byte, source string) decoded {
	bad, high := 0, 0
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			high++
		}
		i += size
	}
	if bad*4 < high {
		d := finishUTF8(raw, "utf-8")
		d.warnings = append(d.warnings, fmt.Sprintf("charset: %s declares utf-8 but %d bytes are not UTF-8; replaced with U+FFFD", source, bad))
		return d
	}
	cs := sniffLegacy(raw)
	d := decodeNamed(raw, cs)
	d.warnings = append(d.warnings, fmt.Sprintf("charset: %s declares utf-8 but the content is not UTF-8; decoded as %s", source, cs))
	return d
}

func finishUTF8(b []byte, cs string) decoded {
	if utf8.Valid(b) {
		return decoded{text: string(b), charset: cs}
	}
	return decoded{text: strings.ToValidUTF8(string(b), "\uFFFD"), charset: cs}
}

func isUTF16(canon string) bool { return strings.HasPrefix(canon, "utf-16") }

// lookup finds an encoding by its WHATWG label and returns its canonical
// name in lower case.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return nil, ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return nil, ""
	}
	return enc, strings.ToLower(name)
}

func decodeNamed(raw []byte, name string) decoded {
	enc, canon := lookup(name)
	if enc == nil {
		return finishUTF8(raw, "utf-8")
	}
	return decodeWith(raw, enc, canon)
}

func decodeWith(raw []byte, enc encoding.Encoding, canon string) decoded {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		d := finishUTF8(raw, "utf-8")
		d.warnings = append(d.warnings, fmt.Sprintf("charset: decoding as %s failed (%v); read as utf-8", canon, err))
		return d
	}
	return decoded{text: strings.ToValidUTF8(string(out), "\uFFFD"), charset: canon}
}

// classify tells whether b is pure ASCII and whether it is valid UTF-8.
func classify(b []byte) (asciiOnly, valid bool) {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false, utf8.Valid(b)
		}
	}
	return true, true
}

// sniffLegacy guesses the legacy charset of bytes that are not UTF-8:
// windows-1258 when the high bytes look like Vietnamese, else
// windows-1252.
func sniffLegacy(raw []byte) string {
	if looks1258(raw) {
		return "windows-1258"
	}
	return "windows-1252"
}

// looks1258 tells Vietnamese windows-1258 by its combining tone marks
// (0xCC, 0xEC, 0xDE, 0xD2, 0xF2) right after a vowel, which no western
// text has in numbers, together with its letters đ ư ơ ă.
func looks1258(raw []byte) bool {
	tones, letters, high := 0, 0, 0
	for i, c := range raw {
		if c < 0x80 {
			continue
		}
		high++
		switch c {
		case 0xCC, 0xEC, 0xDE, 0xD2, 0xF2:
			if i > 0 && isVowel1258(raw[i-1]) {
				tones++
			}
		case 0xF0, 0xD0, 0xFD, 0xDD, 0xF5, 0xD5, 0xE3, 0xC3:
			letters++
		}
	}
	return tones >= 3 && tones*4 >= high || tones >= 1 && tones+letters >= high/2 && high > 0
}

func isVowel1258(c byte) bool {
	switch c | 0x20 {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	switch c {
	case 0xE2, 0xC2, 0xEA, 0xCA, 0xF4, 0xD4, 0xF5, 0xD5, 0xFD, 0xDD, 0xE3, 0xC3:
		return true
	}
	return false
}

// prescanMeta looks for <meta charset> or <meta http-equiv=Content-Type>
// in the head of the page (the first 8 KiB, tolerating long heads).
func prescanMeta(raw []byte) string {
	const limit = 8 << 10
	if len(raw) > limit {
		raw = raw[:limit]
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			var charset, httpEquiv, content string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					charset = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
			}
			if charset != "" {
				return strings.TrimSpace(charset)
			}
			if httpEquiv == "content-type" && content != "" {
				if cs := charsetFromContent(content); cs != "" {
					return cs
				}
			}
		}
	}
}

// charsetFromContent reads charset=... out of a Content-Type value, even
// a sloppy one that mime.ParseMediaType rejects.
func charsetFromContent(s string) string {
	i := strings.Index(strings.ToLower(s), "charset")
	if i < 0 {
		return ""
	}
	s = strings.TrimLeft(s[i+len("charset"):], " \t")
	if !strings.HasPrefix(s, "=") {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\"'")
	end := strings.IndexAny(s, " \t;\"'")
	if end >= 0 {
		s = s[:end]
	}
	return s
}
