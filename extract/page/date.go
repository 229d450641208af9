package page

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/vntext"
)

// parseMetaDate reads a machine date as meta tags and JSON-LD give it:
// ISO 8601 with or without zone and clock, and a few common variants. A
// time without zone is taken as Vietnam time.
func parseMetaDate(s string) (t time.Time, hasClock, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false, false
	}
	zoned := []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05Z0700",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04:05.999999999-0700",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05 -07:00",
		"2006-01-02 15:04:05 MST",
		time.RFC1123Z,
		time.RFC1123,
		time.RFC850,
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
	}
	for _, l := range zoned {
		if t, err := time.Parse(l, s); err == nil {
			return t.In(Vietnam), true, true
		}
	}
	local := []string{
		"2006-01-02T15:04:05.999999999",
		"2006-01-02T15:04:05",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006/01/02 15:04:05",
		"2006/01/02 15:04",
	}
	for _, l := range local {
		if t, err := time.ParseInLocation(l, s, Vietnam); err == nil {
			return t, true, true
		}
	}
	for _, l := range []string{"2006-01-02", "2006/01/02", "20060102"} {
		if t, err := time.ParseInLocation(l, s, Vietnam); err == nil {
			return t, false, true
		}
	}
	// Vietnamese order in a meta tag: "16/05/2024 14:42".
	return parseStamp(s)
}

// parseStamp reads a visible date line of the genre ("16/05/2024 -
// 14:42", "(21:11 14/05/2024)", "Thứ tư, 13/11/2019 09:15") with
// vntext.ParseStamp, accepting only lines that are mostly the date: long
// prose that merely contains a date is rejected.
func parseStamp(s string) (t time.Time, hasClock, ok bool) {
	if len(s) > 400 || utf8.RuneCountInString(s) > 90 {
		return time.Time{}, false, false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters > 40 {
		return time.Time{}, false, false
	}
	pm := false
	if f := strings.Fields(s); len(f) > 1 {
		for i, w := range f {
			switch strings.ToUpper(strings.Trim(w, ".,|")) {
			case "PM", "CH": // "chiều" abbreviated
				pm = true
				fallthrough
			case "AM", "SA":
				f[i] = ""
				s = strings.Join(f, " ")
			}
		}
	}
	t, hasClock, ok = vntext.ParseStamp(s)
	if !ok {
		return time.Time{}, false, false
	}
	if !hasClock {
		if h, m, ok := findClock(s); ok {
			t = time.Date(t.Year(), t.Month(), t.Day(), h, m, 0, 0, Vietnam)
			hasClock = true
		}
	}
	if pm && hasClock && t.Hour() < 12 {
		t = t.Add(12 * time.Hour)
	}
	return t.In(Vietnam), hasClock, true
}

// findClock finds a time of day "09:30" or "9h30" in a short stamp line.
func findClock(s string) (h, m int, ok bool) {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && isDigit(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i > 2 || j+3 > len(s) || (s[j] != ':' && s[j] != 'h' && s[j] != 'H') {
			continue
		}
		if !isDigit(s[j+1]) || !isDigit(s[j+2]) || j+3 < len(s) && isDigit(s[j+3]) {
			continue
		}
		hh := int(s[i] - '0')
		if j-i == 2 {
			hh = hh*10 + int(s[i+1]-'0')
		}
		mm := int(s[j+1]-'0')*10 + int(s[j+2]-'0')
		if hh < 24 && mm < 60 {
			return hh, mm, true
		}
	}
	return 0, 0, false
}
