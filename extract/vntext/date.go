package vntext

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Zone is Vietnam time (UTC+7), the zone every date in the genre is given in.
var Zone = time.FixedZone("ICT", 7*3600)

// DateMention is one calendar date written in a text. Year is 0 where the
// text omits it ("Sáng 16/5"). Start and End are byte offsets into the text
// the date was found in; Text is that span.
type DateMention struct {
	Year, Month, Day int
	Hour, Minute     int
	HasClock         bool
	// Part is the part of the day written before the date, lower case
	// ("sáng", "chiều", "tối", "trưa", "đêm"), "" when none.
	Part string
	// Today is set when the date is written as today ("Chiều nay (8/5)",
	// "hôm nay").
	Today bool
	// Ngay is set when the word "ngày" comes right before the date.
	Ngay       bool
	Start, End int
	Text       string
}

// Time returns the date as midnight (or its clock time) in Vietnam time.
// It returns the zero time when the year is unknown.
func (d DateMention) Time() time.Time {
	if d.Year == 0 {
		return time.Time{}
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, 0, 0, Zone)
}

// ISO returns the date as YYYY-MM-DD, or "" when the year is unknown.
func (d DateMention) ISO() string {
	if d.Year == 0 {
		return ""
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, Zone).Format("2006-01-02")
}

// Period is a span of years written in a text: "giai đoạn 2021 - 2024",
// "nhiệm kỳ 2020-2025", "năm 2023" (From == To).
type Period struct {
	From, To   int
	Kind       string // "giai đoạn", "nhiệm kỳ", "năm", or "" for a bare range
	Start, End int
	Text       string
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// digits returns the end of the digit run starting at i.
func digits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
		if n > 1e8 {
			return n
		}
	}
	return n
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		y = 2000 // leap year: allow 29/2
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

func validYear(y int) bool { return y >= 1900 && y <= 2100 }

// skipSpaces skips ASCII and non-breaking spaces from i.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], "\u00a0") {
			i += len("\u00a0")
			continue
		}
		break
	}
	return i
}

// prevRune returns the rune before byte offset i.
func prevRune(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// numericDate parses "18/5/2021", "18/5", "14.12", "14-12", "18/05/21" at i
// (which must start a digit run). It returns the end and false when there
// is no date there.
func numericDate(s string, i int) (d DateMention, end int, ok bool) {
	j := digits(s, i)
	if j-i < 1 || j-i > 2 || j >= len(s) {
		return d, 0, false
	}
	sep := s[j]
	if sep != '/' && sep != '.' && sep != '-' {
		return d, 0, false
	}
	k := j + 1
	k2 := digits(s, k)
	if k2-k < 1 || k2-k > 2 {
		return d, 0, false
	}
	day, month := atoi(s[i:j]), atoi(s[k:k2])
	end = k2
	year := 0
	if k2 < len(s) && s[k2] == sep {
		y2 := digits(s, k2+1)
		switch y2 - (k2 + 1) {
		case 4:
			year = atoi(s[k2+1 : y2])
			end = y2
		case 2:
			if sep == '/' {
				year = 2000 + atoi(s[k2+1:y2])
				end = y2
			}
		}
	}
	// "5/10/2" style fractions or longer runs are not dates.
	if end < len(s) && (isDigit(s[end]) || (s[end] == '/' && end+1 < len(s) && isDigit(s[end+1]))) {
		return d, 0, false
	}
	if end < len(s) && (s[end] == '.' || s[end] == ',') && end+1 < len(s) && isDigit(s[end+1]) {
		return d, 0, false
	}
	if year != 0 && !validYear(year) {
		return d, 0, false
	}
	if !validDay(year, month, day) {
		return d, 0, false
	}
	if year == 0 && sep != '/' {
		// "14.12" and "14-12" are dates only with context; the caller
		// checks. A "-" between numbers with spaces is handled by the
		// caller too.
	}
	return DateMention{Year: year, Month: month, Day: day}, end, true
}

// FindDates returns every calendar date written in s, in order: numeric
// dates ("18/5/2021", "16/5", "14.12" and "14-12" after "ngày" or a part
// of the day), spelled dates ("ngày 18 tháng 5 năm 2021"), with a clock
// time beside them where one is written ("21:11 14/05/2024", "16/05/2024 -
// 14:42", "15/12/2025 09:27 GMT+7").
func FindDates(s string) []DateMention {
	var out []DateMention
	for i := 0; i < len(s); {
		// Skip to a digit or an "n": the bytes of other runes are neither.
		for i < len(s) && !isDigit(s[i]) && s[i] != 'n' && s[i] != 'N' {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if !isDigit(c) {
			// "ngày 18 tháng 5 năm 2021" (its "ng" in any case)
			if i+1 < len(s) && (s[i+1] == 'g' || s[i+1] == 'G') {
				if d, end, ok := spelledDate(s, i); ok {
					out = append(out, d)
					i = end
					continue
				}
			}
			i++
			continue
		}
		if i > 0 && (isDigit(s[i-1]) || s[i-1] == '/' || s[i-1] == '.' || s[i-1] == ',' || isLetterByte(s[i-1])) {
			i = digits(s, i)
			continue
		}
		d, end, ok := numericDate(s, i)
		if !ok {
			i = digits(s, i)
			continue
		}
		d.Start, d.End = i, end
		before := strings.ToLower(lastWords(s[:i], 3))
		d.Ngay = strings.HasSuffix(strings.TrimRight(before, " ("), "ngày")
		d.Part, d.Today = partOfDay(before)
		sep := s[digits(s, i)]
		if d.Year == 0 && sep != '/' && !d.Ngay && d.Part == "" && !strings.HasSuffix(before, "(") {
			i = end
			continue
		}
		// A clock before: "21:11 14/05/2024", "14h30 ngày 16/5".
		if h, m, ok := clockBefore(s[:i]); ok {
			d.Hour, d.Minute, d.HasClock = h, m, true
		} else if h, m, ok := clockAfter(s[end:]); ok {
			d.Hour, d.Minute, d.HasClock = h, m, true
		}
		d.Text = s[d.Start:d.End]
		out = append(out, d)
		i = end
	}
	return out
}

func isLetterByte(b byte) bool {
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// lastWords returns the tail of s holding its last n space-separated words.
func lastWords(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		// skip spaces
		for i > 0 && (s[i-1] == ' ' || s[i-1] == '(' || s[i-1] == ',') {
			i--
		}
		for i > 0 && s[i-1] != ' ' && s[i-1] != '\n' {
			i--
		}
	}
	return s[i:]
}

var dayParts = []string{"sáng sớm", "sáng", "trưa", "chiều tối", "chiều", "tối", "đêm", "rạng sáng"}

// partOfDay reads "sáng", "chiều nay (", "tối qua" etc. right before a date.
func partOfDay(before string) (part string, today bool) {
	t := strings.TrimRight(before, " (")
	t = strings.TrimSuffix(t, "ngày")
	t = strings.TrimRight(t, " ,")
	if strings.HasSuffix(t, " nay") || t == "nay" || strings.HasSuffix(t, "hôm nay") {
		today = true
		t = strings.TrimSuffix(t, "nay")
		t = strings.TrimSuffix(strings.TrimRight(t, " "), "hôm")
		t = strings.TrimRight(t, " ")
	}
	// keep only the last word(s)
	for _, p := range dayParts {
		if strings.HasSuffix(t, p) {
			k := len(t) - len(p)
			if k == 0 || t[k-1] == ' ' || t[k-1] == '-' || t[k-1] == '(' || t[k-1] == '\n' {
				return p, today
			}
		}
	}
	if today {
		return "", strings.Contains(before, "(") || strings.HasSuffix(strings.TrimRight(before, " ("), "nay")
	}
	return "", false
}

// clockAt parses "21:11", "9:05", "14h30", "14g30" at the start of s.
func clockAt(s string) (h, m, end int, ok bool) {
	j := digits(s, 0)
	if j < 1 || j > 2 || j+3 > len(s) {
		return 0, 0, 0, false
	}
	if s[j] != ':' && s[j] != 'h' && s[j] != 'g' && s[j] != 'H' {
		return 0, 0, 0, false
	}
	k := digits(s, j+1)
	if k-(j+1) != 2 {
		return 0, 0, 0, false
	}
	h, m = atoi(s[:j]), atoi(s[j+1:k])
	if h > 23 || m > 59 {
		return 0, 0, 0, false
	}
	// skip seconds
	if k+3 <= len(s) && s[k] == ':' && digits(s, k+1) == k+3 {
		k += 3
	}
	return h, m, k, true
}

// clockBefore finds a clock right before a date: "21:11 ", "(21:11 ",
// "14h30 ngày ".
func clockBefore(s string) (h, m int, ok bool) {
	t := strings.TrimRight(s, " ,-|")
	t = strings.TrimSuffix(t, "ngày")
	t = strings.TrimRight(t, " ,-|")
	i := len(t)
	for i > 0 && (isDigit(t[i-1]) || t[i-1] == ':' || t[i-1] == 'h' || t[i-1] == 'g' || t[i-1] == 'H') {
		i--
	}
	for i < len(t) && !isDigit(t[i]) {
		i++
	}
	if i >= len(t) {
		return 0, 0, false
	}
	h, m, end, ok := clockAt(t[i:])
	if !ok || i+end != len(t) {
		return 0, 0, false
	}
	if i > 0 && (isDigit(t[i-1]) || t[i-1] == '/') {
		return 0, 0, false
	}
	return h, m, true
}

// clockAfter finds a clock right after a date: " 09:27", " - 14:42",
// " | 14:42".
func clockAfter(s string) (h, m int, ok bool) {
	i := 0
	for i < len(s) && i < 6 && (s[i] == ' ' || s[i] == '-' || s[i] == '|' || s[i] == ',' || s[i] == '(') {
		i++
	}
	if strings.HasPrefix(s[i:], "lúc ") {
		i += len("lúc ")
	}
	h, m, _, ok = clockAt(s[i:])
	return h, m, ok
}

// spelledDate parses "ngày 18 tháng 5 năm 2021" and "ngày 18 tháng 5" at i.
func spelledDate(s string, i int) (d DateMention, end int, ok bool) {
	if i > 0 && isLetterByte(s[i-1]) {
		return d, 0, false
	}
	rest := s[i:]
	const ngay = "ngày "
	if len(rest) < len(ngay) || !strings.EqualFold(rest[:len("ng")], "ng") || rest[2:len(ngay)] != "ày " {
		return d, 0, false
	}
	j := i + len(ngay)
	j = skipSpaces(s, j)
	k := digits(s, j)
	if k-j < 1 || k-j > 2 {
		return d, 0, false
	}
	day := atoi(s[j:k])
	k = skipSpaces(s, k)
	const thang = "tháng "
	if !strings.HasPrefix(s[k:], thang) {
		return d, 0, false
	}
	m0 := skipSpaces(s, k+len(thang))
	m1 := digits(s, m0)
	if m1-m0 < 1 || m1-m0 > 2 {
		return d, 0, false
	}
	month := atoi(s[m0:m1])
	end = m1
	year := 0
	y := skipSpaces(s, m1)
	if strings.HasPrefix(s[y:], "năm ") {
		y0 := skipSpaces(s, y+len("năm "))
		y1 := digits(s, y0)
		if y1-y0 == 4 {
			year = atoi(s[y0:y1])
			end = y1
		}
	}
	if (year != 0 && !validYear(year)) || !validDay(year, month, day) {
		return d, 0, false
	}
	d = DateMention{Year: year, Month: month, Day: day, Ngay: true, Start: i, End: end, Text: s[i:end]}
	d.Part, d.Today = partOfDay(strings.ToLower(lastWords(s[:i], 3)))
	if h, m, ok := clockBefore(s[:i]); ok {
		d.Hour, d.Minute, d.HasClock = h, m, true
	}
	return d, end, true
}

// ParseStamp reads a visible publication stamp such as "16/05/2024 -
// 14:42", "(21:11 14/05/2024)", "15/12/2025 09:27 GMT+7", "Thứ tư,
// 13/11/2019", "ngày 18 tháng 5 năm 2021" or an ISO time
// "2024-05-16T14:42:00+07:00", also after a label ("Đăng lúc: 2021-06-11
// 17:22"). It returns the first date with a year in s,
// in Vietnam time, with hasClock set when a time of day was written beside
// it. ok is false when s holds no date with a year.
func ParseStamp(s string) (t time.Time, hasClock bool, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 400 {
		s = s[:400]
	}
	if t, clock, ok := isoStamp(s); ok {
		return t, clock, true
	}
	for _, d := range FindDates(s) {
		if d.Year == 0 {
			continue
		}
		return d.Time(), d.HasClock, true
	}
	// An ISO date after a label: "Đăng lúc: 2021-06-11 17:22".
	for i := 1; i+10 <= len(s); i++ {
		if isDigit(s[i]) && strings.IndexByte(" \t:(,[", s[i-1]) >= 0 {
			if t, clock, ok := isoStamp(s[i:]); ok {
				return t, clock, true
			}
		}
	}
	return time.Time{}, false, false
}

// isoStamp parses "2024-05-16", "2024-05-16T14:42:00+07:00" and
// "2024-05-16 14:42:00" at the start of s.
func isoStamp(s string) (time.Time, bool, bool) {
	if len(s) < 10 || !isDigit(s[0]) || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false, false
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		n := len(layout)
		if layout == time.RFC3339 {
			n = len(s)
		}
		if n > len(s) {
			continue
		}
		for _, cut := range []int{len(s), n} {
			if cut > len(s) {
				continue
			}
			if t, err := time.Parse(layout, s[:cut]); err == nil {
				if t.Location() == time.UTC && !strings.ContainsAny(s[10:cut], "Z+") {
					t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, Zone)
				}
				return t.In(Zone), true, true
			}
		}
	}
	if t, err := time.ParseInLocation("2006-01-02", s[:10], Zone); err == nil {
		if len(s) == 10 || !isDigit(s[10]) {
			return t, false, true
		}
	}
	return time.Time{}, false, false
}

// FindPeriods returns the spans of years written in s: "giai đoạn 2021 -
// 2024", "nhiệm kỳ 2020-2025", "(2021-2025)", "năm 2023", "hai năm 2024 -
// 2025".
func FindPeriods(s string) []Period {
	var out []Period
	for i := 0; i < len(s); {
		// Skip to a digit: the bytes of other runes are none.
		for i < len(s) && !isDigit(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		if i > 0 && (isDigit(s[i-1]) || s[i-1] == '/' || s[i-1] == '.' || s[i-1] == '-') {
			i++
			continue
		}
		j := digits(s, i)
		if j-i != 4 || (j < len(s) && (isDigit(s[j]) || s[j] == '/' || s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]))) {
			i = j
			continue
		}
		from := atoi(s[i:j])
		if !validYear(from) {
			i = j
			continue
		}
		p := Period{From: from, To: from, Start: i, End: j}
		// range?
		k := skipSpaces(s, j)
		if k < len(s) {
			sepLen := 0
			switch {
			case s[k] == '-':
				sepLen = 1
			case strings.HasPrefix(s[k:], "–"), strings.HasPrefix(s[k:], "—"):
				sepLen = len("–")
			case strings.HasPrefix(s[k:], "đến "):
				sepLen = len("đến ")
			}
			if sepLen > 0 {
				k2 := skipSpaces(s, k+sepLen)
				k3 := digits(s, k2)
				if k3-k2 == 4 && validYear(atoi(s[k2:k3])) && atoi(s[k2:k3]) >= from {
					p.To = atoi(s[k2:k3])
					p.End = k3
				}
			}
		}
		before := strings.ToLower(lastWords(s[:i], 2))
		before = strings.TrimRight(before, " (")
		switch {
		case strings.HasSuffix(before, "giai đoạn"):
			p.Kind = "giai đoạn"
		case strings.HasSuffix(before, "nhiệm kỳ"):
			p.Kind = "nhiệm kỳ"
		case strings.HasSuffix(before, "năm"):
			p.Kind = "năm"
		}
		if p.Kind == "" && p.From == p.To {
			i = j
			continue
		}
		p.Text = s[p.Start:p.End]
		out = append(out, p)
		i = p.End
	}
	return out
}
