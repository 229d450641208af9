package page

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/vntext"
)

// endMarkers start the lists and forms that follow an article ("Các tin
// khác", comment forms): a short line starting with one of them ends the
// article text. Compared on the folded line.
var endMarkers = []string{
	"cac tin khac", "tin khac", "tin lien quan", "cac bai moi dang", "cac bai da dang",
	"bai viet cung chuyen muc", "tin cung chuyen muc", "bai lien quan", "cac tin da dua",
	"phan hoi", "viet binh luan", "y kien ban doc", "binh luan", "gui binh luan",
	"moi nhat", "lien ket website", "tin moi nhat", "xem them", "tin doc nhieu",
	"doc nhieu nhat", "cac tin cu hon", "tin bai lien quan", "bai viet lien quan",
	"gui y kien", "y kien cua ban", "tin tuc lien quan", "cung chuyen muc",
	"tin moi hon", "tin cu hon", "cac tin, bai da dua", "cac tin bai da dua", "tin da dua",
	"tin bai khac", "cac tin bai khac", "bai khac", "doc them", "tin bai cung chuyen muc",
}

// furniture are whole lines (folded, trimmed) that are page furniture,
// dropped wherever they stand.
var furniture = []string{
	"tieng viet | english", "tieng viet", "english", "chia se bai viet", "chia se",
	"in bai viet", "in bai", "ban in", "gui email", "gui bai viet", "facebook", "twitter", "zalo",
	"luu bai viet", "quay lai", "tro ve", "len dau trang", "dau trang", "co chu", "font size",
	"share", "tweet", "like", "bai viet xem",
}

// furniturePrefixes start lines that are furniture (comment forms,
// captchas, counters).
var furniturePrefixes = []string{
	"ho ten:", "ho va ten:", "so dien thoai:", "dien thoai:", "email:", "tieu de:", "noi dung:",
	"ma xac nhan", "ma bao mat", "luot xem", "so luot xem", "luot doc", "chia se:", "tu khoa:",
	"tags:", "tag:", "nhap ma", "gui y kien", "lay lai ma",
}

// bylinePrefixes start credit lines: "Ảnh: ...", "Bài, ảnh: ...".
var bylinePrefixes = []string{
	"anh:", "bai, anh:", "bai va anh:", "tin, anh:", "tin va anh:", "bai:", "tin:", "nguon:",
	"theo ", "video:", "clip:", "do hoa:", "thuc hien:", "nhom pv", "pv ", "ctv ",
}

// captionCues are words that mark a line as describing a photo.
var captionCues = []string{
	"phat bieu", "trao ", "tang ", "chup anh", "(anh", "anh:", "du hoi nghi", "tai hoi nghi",
	"tai buoi", "tai le", "cac dai bieu", "quang canh", "doan cong tac", "tham quan",
	"(bia trai", "(bia phai", "(giua)", "(thu ", "khen thuong cho", "gan huy hieu",
	"bieu duong", "tham du", "chuc mung", "trao tang", "kiem tra", "thao luan", "bao cao",
}

// ParseText reads an article as a reader copied it from the page (plain
// text, paragraphs apart by blank lines, page furniture such as share bars,
// related-news lists and comment forms left in) and returns its Page: the
// headline, the publication stamp, the byline and the main text as blocks,
// with probable photo captions marked.
func ParseText(text string) *Page {
	p := &Page{Lang: "vi", Charset: "utf-8"}
	text = vntext.NFC(strings.ToValidUTF8(text, "\uFFFD"))
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\u00a0", " ")
	text = strings.ReplaceAll(text, "\ufeff", "")

	lines := joinLines(text)
	// Cut at the first end marker.
	for i, l := range lines {
		if isEndMarker(l.text) {
			lines = lines[:i]
			break
		}
	}
	// A list of other articles at the end ("- Thủ Dầu Một: Trao giấy
	// khen ... (26/11/2024)") is not the article.
	for len(lines) >= 2 && isListItem(lines[len(lines)-1].text) && isListItem(lines[len(lines)-2].text) {
		k := len(lines) - 1
		for k > 0 && isListItem(lines[k-1].text) {
			k--
		}
		lines = lines[:k]
	}
	// Drop furniture lines.
	kept := lines[:0]
	for _, l := range lines {
		if !isFurniture(l.text) {
			kept = append(kept, l)
		}
	}
	lines = kept

	// Header: stamp lines, site names, menus and the headline.
	headline := -1
	for i := 0; i < len(lines) && i < 12; i++ {
		l := lines[i].text
		if t, clock, _, ok := stampLine(l); ok {
			if clock {
				if p.Published.IsZero() {
					p.Published, p.PublishedHasClock = t, true
				}
			} else if !hasWeekday(l) && headline >= 0 && i == headline+1 && p.Published.IsZero() {
				p.Published = t
			}
			lines[i].drop = true
			continue
		}
		if isNav(lines[i]) {
			lines[i].drop = true
			continue
		}
		if isHeadline(l) {
			headline = i
			title, t, clock, ok := cutTrailingStamp(l)
			p.Title = title
			if ok && p.Published.IsZero() {
				p.Published, p.PublishedHasClock = t, clock
			}
			lines[i].drop = true
		}
		break
	}
	// A stamp right after the headline.
	if headline >= 0 && headline+1 < len(lines) && p.Published.IsZero() {
		if t, clock, _, ok := stampLine(lines[headline+1].text); ok && (clock || !hasWeekday(lines[headline+1].text)) {
			p.Published, p.PublishedHasClock = t, clock
			lines[headline+1].drop = true
		}
	}

	// Byline: the last short line(s) of names or credits.
	for k := len(lines) - 1; k >= 0 && k >= len(lines)-3; k-- {
		if lines[k].drop {
			continue
		}
		l := lines[k].text
		if t, clock, _, ok := stampLine(l); ok {
			if clock && p.Published.IsZero() {
				p.Published, p.PublishedHasClock = t, clock
			}
			lines[k].drop = true
			continue
		}
		if isByline(l) {
			if p.Author == "" {
				p.Author = cleanByline(l)
			} else {
				p.Author = cleanByline(l) + "; " + p.Author
			}
			lines[k].drop = true
			continue
		}
		break
	}

	first := true
	for i, l := range lines {
		if l.drop {
			continue
		}
		kind := Paragraph
		switch {
		case isCaption(l.text, first && headline >= 0 && i == headline+1):
			kind = Caption
		case isHeading(l.text):
			kind = Heading
		}
		p.Blocks = append(p.Blocks, Block{Text: l.text, Kind: kind})
		first = false
	}
	return p
}

type line struct {
	text string
	drop bool
	wide bool // the raw line had runs of spaces between words (a menu)
}

// joinLines splits text into paragraph lines: blank lines separate them,
// and a line that starts in lower case continues the one before (text
// wrapped by hand).
func joinLines(text string) []line {
	var out []line
	prevBlank := true
	for _, raw := range strings.Split(text, "\n") {
		t := strings.TrimSpace(raw)
		wide := strings.Contains(t, "   ") || strings.Contains(t, "\t")
		l := collapseSpaces(t)
		if l == "" {
			prevBlank = true
			continue
		}
		if !prevBlank && len(out) > 0 && continues(out[len(out)-1].text, l) {
			out[len(out)-1].text += " " + l
		} else {
			out = append(out, line{text: l, wide: wide})
		}
		prevBlank = false
	}
	return out
}

// continues tells whether l is the wrapped rest of prev.
func continues(prev, l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	if !unicode.IsLower(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	return !strings.ContainsRune(".!?:", last)
}

func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func isEndMarker(l string) bool {
	if runesOver(l, 40) {
		return false
	}
	f := strings.Trim(vntext.Fold(l), " :.»>-")
	for _, m := range endMarkers {
		if f == m || (strings.HasPrefix(f, m) && len(f) > len(m) && !isASCIILower(f[len(m)])) {
			return true
		}
	}
	return false
}

func isASCIILower(b byte) bool { return b >= 'a' && b <= 'z' }

func isFurniture(l string) bool {
	if runesOver(l, 80) {
		return false
	}
	f := strings.Trim(vntext.Fold(l), " :.")
	for _, m := range furniture {
		if f == m {
			return true
		}
	}
	for _, m := range furniturePrefixes {
		if strings.HasPrefix(f, m) {
			return true
		}
	}
	if strings.Contains(l, "(*)") || strings.Contains(l, "\uFFFD") {
		return true
	}
	if strings.Contains(l, " | ") && utf8.RuneCountInString(l) <= 60 {
		_, _, ok := vntext.ParseStamp(l)
		return !ok
	}
	// a run of share-button words
	return false
}

var weekdays = []string{"thu hai", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay", "chu nhat", "thu 2", "thu 3", "thu 4", "thu 5", "thu 6", "thu 7", "cn,"}

func hasWeekday(l string) bool {
	f := vntext.Fold(l)
	for _, w := range weekdays {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// stampLine reads a line that is only a date stamp ("16/05/2024 - 14:42",
// "Thứ tư, 13/11/2019", "Cập nhật: 08:05 ngày 3/2/2023").
func stampLine(l string) (t time.Time, clock bool, rest string, ok bool) {
	if runesOver(l, 60) {
		return t, false, "", false
	}
	t, clock, ok = vntext.ParseStamp(l)
	if !ok {
		return t, false, "", false
	}
	// What is left once dates, clocks and stamp words are taken out must be
	// short.
	f := vntext.Fold(l)
	for _, w := range []string{"cap nhat", "ngay dang", "dang luc", "dang ngay", "thoi gian", "ngay", "luc", "gio", "gmt", "ict", "sang", "chieu", "am", "pm", "dang"} {
		f = strings.ReplaceAll(f, w, "")
	}
	for _, w := range weekdays {
		f = strings.ReplaceAll(f, w, "")
	}
	letters := 0
	for _, r := range f {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters > 4 {
		return time.Time{}, false, "", false
	}
	return t, clock, "", true
}

// cutTrailingStamp takes "(21:11 14/05/2024)" off the end of a headline.
func cutTrailingStamp(l string) (title string, t time.Time, clock bool, ok bool) {
	if strings.HasSuffix(l, ")") {
		if i := strings.LastIndex(l, "("); i > 0 {
			if t, clock, _, ok := stampLine(l[i+1 : len(l)-1]); ok {
				return strings.TrimSpace(l[:i]), t, clock, true
			}
		}
	}
	return l, time.Time{}, false, false
}

// isHeadline tells whether l can be an article's headline: a line of
// moderate length that is not a sentence of running text, a sub-headline
// ("* Khen thưởng ...") or a dateline lead ("LSO-Chiều nay ...").
func isHeadline(l string) bool {
	n := utf8.RuneCountInString(l)
	if n < 12 || n > 300 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“'‘", r) {
		return false
	}
	if strings.HasPrefix(l, "*") || strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+") {
		return false
	}
	if hasDateline(l) {
		return false
	}
	// Running text: several sentences or a long line ending in a period.
	if strings.HasSuffix(l, ".") && !strings.HasSuffix(l, "...") && n > 160 {
		return false
	}
	if len(vntext.Sentences(l)) > 2 {
		return false
	}
	return true
}

// hasDateline reports a newspaper dateline at the start of l: "LSO-",
// "(Đảng Cộng sản) - ", "HNP - ", "BHG - ".
func hasDateline(l string) bool {
	i := 0
	for i < len(l) && i < 12 && (l[i] >= 'A' && l[i] <= 'Z' || l[i] == 'Đ'&0xff) {
		i++
	}
	if i >= 2 && i < len(l) {
		rest := strings.TrimLeft(l[i:], " ")
		if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") {
			return true
		}
	}
	if strings.HasPrefix(l, "(") {
		if j := strings.Index(l, ")"); j > 0 && j < 60 {
			rest := strings.TrimLeft(l[j+1:], " ")
			if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") {
				return true
			}
		}
	}
	return false
}

// isByline tells whether l is a byline: a few capitalised names ("Thanh
// Nga - Hoàng Tuân", "PHÙNG KHIÊM") or a credit line ("Ảnh: ...").
func isByline(l string) bool {
	f := vntext.Fold(l)
	for _, pfx := range bylinePrefixes {
		if strings.HasPrefix(f, pfx) && utf8.RuneCountInString(l) < 80 {
			return true
		}
	}
	n := utf8.RuneCountInString(l)
	if n < 3 || n > 60 {
		return false
	}
	words := strings.FieldsFunc(l, func(r rune) bool {
		return r == ' ' || r == '-' || r == '–' || r == ',' || r == '(' || r == ')' || r == '/'
	})
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	for _, w := range words {
		if w == "và" || w == "ảnh" || w == "Ảnh:" || w == "ảnh:" || w == "Bài" || w == "Tin" || w == "TTXVN" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return !strings.ContainsAny(l, ".:;!?0123456789") || strings.Contains(f, "anh:")
}

func cleanByline(l string) string {
	return strings.TrimSpace(strings.Trim(l, "()"))
}

// isCaption tells whether l describes a photo: a single unfinished
// sentence that names a scene ("... phát biểu tại hội nghị", "... trao
// giấy khen cho ..."), a credit "(Ảnh: ...)", or a scene line right after
// the headline.
func isCaption(l string, afterHeadline bool) bool {
	if runesOver(l, 450) {
		return false
	}
	// A photo credit at the end: "... (Ảnh: Thanh Nga)".
	if strings.HasSuffix(strings.TrimRight(l, " ."), ")") && strings.Contains(vntext.Fold(l), "(anh") {
		return true
	}
	credit := strings.HasPrefix(vntext.Fold(prefix(l, 8)), "anh:")
	// Running text ends with a period; captions mostly do not.
	if !credit && !afterHeadline && (strings.HasSuffix(l, ".") || strings.HasSuffix(l, ":") || !runesOver(l, 25)) {
		return false
	}
	f := vntext.Fold(l)
	if len(vntext.Sentences(l)) > 1 {
		return false
	}
	if credit {
		return true
	}
	cue := false
	for _, c := range captionCues {
		if strings.Contains(f, c) {
			cue = true
			break
		}
	}
	if !cue {
		return false
	}
	if afterHeadline {
		return !hasDateline(l) && !startsWithDayPart(f)
	}
	return true // unfinished: checked above
}

// prefix returns the first n bytes of l, cut back to a rune boundary.
func prefix(l string, n int) string {
	if len(l) <= n {
		return l
	}
	for n > 0 && !utf8.RuneStart(l[n]) {
		n--
	}
	return l[:n]
}

// runesOver tells whether l holds more than n runes, without counting
// them all when the byte length decides.
func runesOver(l string, n int) bool {
	if len(l) <= n {
		return false
	}
	if len(l) > 4*n {
		return true
	}
	return utf8.RuneCountInString(l) > n
}

// isHeading tells whether l is a sub-heading: a short line without final
// punctuation.
func isHeading(l string) bool {
	if runesOver(l, 100) || utf8.RuneCountInString(l) < 4 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	return !strings.ContainsRune(".:;,!?…”\")", last)
}

// startsWithDayPart tells whether the folded line opens like a news lead
// ("Sáng 16/5, ...", "Ngày 14-12, ...").
func startsWithDayPart(f string) bool {
	for _, w := range []string{"sang ", "chieu ", "toi ", "trua ", "ngay ", "hom nay", "sang nay", "chieu nay", "vua qua", "moi day"} {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	return false
}

// isNav tells whether a header line is site furniture: a menu or
// breadcrumb ("Trang chủ > Xây dựng Đảng", "Thời sự | Chính trị"), a
// language switch, or the site's name ("BÁO HÀ GIANG ĐIỆN TỬ", "Báo Quảng
// Nam điện tử").
func isNav(l line) bool {
	t := l.text
	if l.wide || strings.Contains(t, " | ") || strings.Contains(t, " > ") || strings.Contains(t, "»") || strings.Contains(t, " › ") {
		return true
	}
	f := vntext.Fold(t)
	if strings.HasPrefix(f, "trang chu") {
		return true
	}
	n := utf8.RuneCountInString(t)
	if n <= 60 && (strings.Contains(f, "dien tu") || strings.Contains(f, "online") || strings.HasPrefix(f, "cong thong tin") || strings.HasPrefix(f, "bao ")) && !strings.ContainsAny(t, ".,:") {
		return true
	}
	// Mostly capitals: a site name or a section label.
	upper, letters := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && upper*10 >= letters*8 && n <= 80
}

// isListItem tells whether l is an item of a list of other articles.
func isListItem(l string) bool {
	return (strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "• ") || strings.HasPrefix(l, "+ ")) && utf8.RuneCountInString(l) < 200
}
