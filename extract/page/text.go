package page

import (
	"math/bits"
	"slices"
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
	"tin, anh lien quan", "tin anh lien quan", "tin, bai lien quan", "video lien quan",
	"anh lien quan", "cac tin lien quan", "cac bai lien quan", "tin cung loai", "tin tiep theo",
	"bai cung chuyen muc", "tin xem nhieu", "xem nhieu nhat",
	"cac tin moi", "tin da dang", "cac tin da dang", "cac tin truoc",
}

// furniture are whole lines (folded, trimmed) that are page furniture,
// dropped wherever they stand.
var furniture = []string{
	"tieng viet | english", "tieng viet", "english", "chia se bai viet", "chia se",
	"in bai viet", "in bai", "ban in", "gui email", "gui bai viet", "facebook", "twitter", "zalo",
	"luu bai viet", "quay lai", "tro ve", "len dau trang", "dau trang", "co chu", "font size",
	"share", "tweet", "like", "bai viet xem", "nghe bai viet", "nghe doc bai viet", "nghe doc",
	"nghe bai", "doc bai viet", "a- a a+", "a a a", "-a +a", "co chu a- a+", "theo doi",
	"theo doi bao tren google news", "google news", "gop y", "bao loi", "copy link", "sao chep lien ket",
	"trang chu", "tim kiem", "dang nhap", "dang ky", "lien he", "rss", "sitemap",
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
	"theo ", "video:", "clip:", "do hoa:", "thuc hien:", "nhom pv", "pv ", "ctv ", "tac gia:",
	"phong vien:", "bien tap:",
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
	text = vntext.ValidNFC(text)
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\u00a0", " ")
	text = strings.ReplaceAll(text, "\ufeff", "")

	lines := joinLines(text)
	// Cut at the first end marker once the article text has begun: in the
	// header, "Mới nhất" and "Bình luận" are menu items.
	begun := false
	for i := range lines {
		if !begun {
			begun = i >= headerLimit || lines[i].running()
			continue
		}
		if isEndMarker(&lines[i]) {
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
	// Nor is a run of dated headlines ("Bộ CHQS tỉnh Nghệ An khen thưởng
	// 20 tập thể (19/12/2024)"), with whatever short label heads it.
	if k := len(lines); k >= 2 && isDatedItem(lines[k-1].text) && isDatedItem(lines[k-2].text) {
		for k > 0 && isDatedItem(lines[k-1].text) {
			k--
		}
		lines = lines[:k]
	}
	// The menus of the header, before their lines go as furniture: an
	// article's section label repeats one of their items.
	menu := menuItems(lines)
	// Drop furniture lines.
	kept := lines[:0]
	for i := range lines {
		if !isFurniture(&lines[i]) {
			kept = append(kept, lines[i])
		}
	}
	lines = kept

	// Header: site names, menus, today-widgets, stamps and the headline.
	headline := parseHeader(p, lines, menu)

	// Byline: the last short line(s) of names or credits.
	for k := len(lines) - 1; k >= 0 && k >= len(lines)-3; k-- {
		if lines[k].drop {
			continue
		}
		l := lines[k].text
		if st, ok := lines[k].stamp(); ok {
			// "Thanh Nga - 08:12 19/11/2023" at the foot of the article
			if (st.clock || st.pubWord) && p.Published.IsZero() {
				p.Published, p.PublishedHasClock = st.t, st.clock
			}
			if author := stampAuthor(l); author != "" && p.Author == "" {
				p.Author = author
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
	fold string // vntext.Fold(text), once asked (hasFold)
	st   *stamp // headerStamp(text), once asked (dated): nil for none
	drop bool
	wide bool // the raw line had runs of spaces between words (a menu)
	// cols is the raw line of a wide line with each run of three spaces
	// or more (or a tab) written as " | ": its columns ("Đăng lúc: ...
	// 17:22    Người đăng: ..."); "" for other lines.
	cols string

	// isRunningText and headerStamp of text, once asked: 0 not yet, 1
	// false, 2 true.
	run, dated int8
	hasFold    bool
}

// folded is vntext.Fold(l.text), worked out once.
func (l *line) folded() string {
	if !l.hasFold {
		l.fold, l.hasFold = vntext.Fold(l.text), true
	}
	return l.fold
}

// running is isRunningText(l.text), worked out once.
func (l *line) running() bool {
	if l.run == 0 {
		l.run = 1
		if isRunningText(l.text) {
			l.run = 2
		}
	}
	return l.run == 2
}

// stamp is headerStamp(l.text), worked out once, with a toolbar after
// the stamp cut off.
func (l *line) stamp() (stamp, bool) {
	if l.dated == 0 {
		l.dated = 1
		t := l.text
		if l.wide && hasDateOrClock(t) {
			t = cutFurnitureTail(t, true)
		}
		st, ok := headerStamp(t)
		if !ok && l.cols != "" {
			// The columns of a wide line apart: the stamp and, beside it,
			// the poster or a counter ("Người đăng: Ban Tuyên giáo").
			st, ok = headerStamp(cutFurnitureTail(l.cols, true))
		}
		if ok {
			l.dated, l.st = 2, &st
		}
	}
	if l.st == nil {
		return stamp{}, false
	}
	return *l.st, true
}

// joinLines splits text into paragraph lines: blank lines separate them,
// and a line that starts in lower case continues the one before (text
// wrapped by hand).
func joinLines(text string) []line {
	out := make([]line, 0, strings.Count(text, "\n")/2+8) // paragraphs apart by blank lines
	prevBlank := true
	for start := 0; start <= len(text); {
		// the raw lines are those of strings.Split(text, "\n")
		raw := text[start:]
		if j := strings.IndexByte(raw, '\n'); j >= 0 {
			raw = raw[:j]
		}
		start += len(raw) + 1
		t := strings.TrimSpace(raw)
		two := strings.Contains(t, "  ")
		tab := strings.IndexByte(t, '\t') >= 0
		wide := two && strings.Contains(t, "   ") || tab
		l := t
		if two || tab {
			l = collapseSpaces(t)
		}
		if l == "" {
			prevBlank = true
			continue
		}
		if !prevBlank && len(out) > 0 && continues(out[len(out)-1].text, l) {
			out[len(out)-1].text += " " + l
			out[len(out)-1].cols = ""
		} else {
			ln := line{text: l, wide: wide}
			if wide {
				ln.cols = columns(t)
			}
			out = append(out, ln)
		}
		prevBlank = false
	}
	return out
}

// columns writes the wide gaps of a raw line (three spaces or more, or a
// tab) as " | ", and other runs of spaces as one.
func columns(t string) string {
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); {
		if t[i] != ' ' && t[i] != '\t' {
			b.WriteByte(t[i])
			i++
			continue
		}
		j, tab := i, false
		for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
			tab = tab || t[j] == '\t'
			j++
		}
		if tab || j-i >= 3 {
			b.WriteString(" | ")
		} else {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
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

func isEndMarker(ln *line) bool {
	l := ln.text
	if runesOver(l, 40) {
		return false
	}
	f := strings.Trim(ln.folded(), " :.»>-")
	for _, m := range endMarkers {
		if f == m || (strings.HasPrefix(f, m) && len(f) > len(m) && !isASCIILower(f[len(m)])) {
			return true
		}
	}
	return false
}

func isASCIILower(b byte) bool { return b >= 'a' && b <= 'z' }

func isFurniture(ln *line) bool {
	l := ln.text
	if runesOver(l, 80) {
		return false
	}
	f := strings.Trim(ln.folded(), " :.")
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
	if strings.Contains(l, " | ") && !runesOver(l, 60) {
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
	if runesOver(l, 79) {
		return false // too long for a credit line (< 80) or names (<= 60)
	}
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
	if strings.ContainsAny(l, ".") && !strings.HasSuffix(l, ".") && n <= 25 && !strings.ContainsAny(l, ":;!?0123456789") {
		return true // initials: "N.Hà", "T.L", "P.V - Minh Anh"
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
	// A finished sentence, with no credit, is no caption: the checks
	// below come to that whatever its length.
	if !afterHeadline && (strings.HasSuffix(l, ".") || strings.HasSuffix(l, ":")) &&
		!strings.HasSuffix(strings.TrimRight(l, " ."), ")") && !creditStart(l) {
		return false
	}
	if runesOver(l, 450) {
		return false
	}
	// A photo credit at the end: "... (Ảnh: Thanh Nga)".
	if strings.HasSuffix(strings.TrimRight(l, " ."), ")") && strings.Contains(vntext.Fold(l), "(anh") {
		return true
	}
	// One sentence and a credit after it: "Đồng chí X trao giấy khen cho
	// 10 đơn vị. Ảnh: Mai Hoa".
	ss := vntext.Sentences(l)
	if len(ss) == 2 && creditStart(ss[1].Text) && len(strings.Fields(ss[1].Text)) <= 6 && !runesOver(ss[0].Text, 300) {
		return true
	}
	credit := creditStart(l)
	// Running text ends with a period; captions mostly do not.
	if !credit && !afterHeadline && (strings.HasSuffix(l, ".") || strings.HasSuffix(l, ":") || !runesOver(l, 25)) {
		return false
	}
	f := vntext.Fold(l)
	if len(ss) > 1 {
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

// creditStart tells whether l opens with a photo credit: "Ảnh:", folded
// "anh:". A line that opens with an ASCII byte other than "a" or "A" does
// not fold to it.
func creditStart(l string) bool {
	if l == "" || l[0] < utf8.RuneSelf && l[0] != 'a' && l[0] != 'A' {
		return false
	}
	return strings.HasPrefix(vntext.Fold(prefix(l, 8)), "anh:")
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

// letterCase holds, for each rune below U+2070 (Latin, Vietnamese,
// general punctuation), whether unicode.IsLetter, unicode.IsUpper and
// unicode.IsLower hold of it. Built once, never changed.
var letterCase = func() (t [0x2070]uint8) {
	for r := range t {
		if unicode.IsLetter(rune(r)) {
			t[r] |= caseLetter
		}
		if unicode.IsUpper(rune(r)) {
			t[r] |= caseUpper
		}
		if unicode.IsLower(rune(r)) {
			t[r] |= caseLower
		}
	}
	return t
}()

const (
	caseLetter = 1 << iota
	caseUpper
	caseLower
)

// isLetter is unicode.IsLetter, by table for the runes of letterCase.
func isLetter(r rune) bool {
	if r >= 0 && int(r) < len(letterCase) {
		return letterCase[r]&caseLetter != 0
	}
	return unicode.IsLetter(r)
}

// isUpper is unicode.IsUpper, by table for the runes of letterCase.
func isUpper(r rune) bool {
	if r >= 0 && int(r) < len(letterCase) {
		return letterCase[r]&caseUpper != 0
	}
	return unicode.IsUpper(r)
}

// isLower is unicode.IsLower, by table for the runes of letterCase.
func isLower(r rune) bool {
	if r >= 0 && int(r) < len(letterCase) {
		return letterCase[r]&caseLower != 0
	}
	return unicode.IsLower(r)
}

func notLetter(r rune) bool { return !isLetter(r) }

// countFields returns len(strings.Fields(s)), without the fields.
func countFields(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var sp bool
		size := 1
		if c < utf8.RuneSelf {
			sp = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			sp = unicode.IsSpace(r)
		}
		if !sp && !in {
			n++
		}
		in = !sp
		i += size
	}
	return n
}

// asciiSpace marks the ASCII bytes unicode.IsSpace holds of.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// runesOver tells whether l holds more than n runes, without counting
// them all when the byte length decides.
func runesOver(l string, n int) bool {
	if len(l) <= n {
		return false
	}
	if len(l) > 4*n {
		return true
	}
	// Every rune starts with a byte that is not a continuation byte
	// (10xxxxxx), and every other byte is a rune of its own (invalid): the
	// bytes that are not continuation bytes are at most the runes (as
	// many, in valid UTF-8). Counted eight at a time, more than n of them
	// settle it.
	c := 0
	i := 0
	for ; i+8 <= len(l); i += 8 {
		x := uint64(l[i]) | uint64(l[i+1])<<8 | uint64(l[i+2])<<16 | uint64(l[i+3])<<24 |
			uint64(l[i+4])<<32 | uint64(l[i+5])<<40 | uint64(l[i+6])<<48 | uint64(l[i+7])<<56
		// per byte, bit 0: not 10xxxxxx
		c += bits.OnesCount64((^x>>7 | x>>6) & 0x0101010101010101)
		if c > n {
			return true
		}
	}
	for ; i < len(l); i++ {
		if l[i]&0xC0 != 0x80 {
			c++
		}
	}
	if c > n {
		return true
	}
	// Count runes as utf8.RuneCountInString does, stopping at n+1; the
	// two- and three-byte runes of Vietnamese text are measured inline.
	c = 0
	for i := 0; i < len(l); {
		switch b := l[i]; {
		case b < utf8.RuneSelf:
			i++
		case b >= 0xC2 && b < 0xE0 && i+1 < len(l) && l[i+1]&0xC0 == 0x80:
			i += 2
		case (b == 0xE1 || b == 0xE2) && i+2 < len(l) && l[i+1]&0xC0 == 0x80 && l[i+2]&0xC0 == 0x80:
			i += 3 // U+1000 to U+2FFF
		default:
			_, size := utf8.DecodeRuneInString(l[i:])
			i += size
		}
		if c++; c > n {
			return true
		}
	}
	return false
}

// isHeading tells whether l is a sub-heading: a short line without final
// punctuation.
func isHeading(l string) bool {
	if runesOver(l, 100) || !runesOver(l, 3) {
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
func isNav(l *line) bool {
	t := l.text
	if runesOver(t, 200) {
		return false // running text, whatever it quotes
	}
	if l.wide || strings.Contains(t, " | ") || strings.Contains(t, " > ") || strings.Contains(t, "»") || strings.Contains(t, " › ") {
		return true
	}
	f := l.folded()
	if strings.HasPrefix(f, "trang chu") || strings.HasPrefix(f, "hotline") || strings.HasPrefix(f, "duong day nong") {
		return true
	}
	n := utf8.RuneCountInString(t)
	if isBreadcrumb(t) || n <= 70 && isSiteName(f) && !strings.ContainsAny(t, ".:!?") || allSections(f) {
		return true
	}
	// Mostly capitals: a site name or a section label.
	upper, letters := 0, 0
	for _, r := range t {
		if isLetter(r) {
			letters++
			if isUpper(r) {
				upper++
			}
		}
	}
	// An upper-case headline is longer or carries a count.
	return letters > 0 && upper*10 >= letters*8 && n <= 80 &&
		countFields(t) <= 9 && !strings.ContainsAny(t, "0123456789:")
}

// isListItem tells whether l is an item of a list of other articles.
func isListItem(l string) bool {
	return (strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "• ") || strings.HasPrefix(l, "+ ")) && utf8.RuneCountInString(l) < 200
}

// headerLimit is how many lines from the top of a copied page can still be
// page header (site name, menus, widgets, headline, stamp).
const headerLimit = 40

// Kinds of header line.
const (
	hCandidate = iota // could be the headline (or content)
	hNav              // site name, menu, breadcrumb, language switch, hotline
	hWidget           // the site's today-widget: a date without a clock
	hStamp            // the publication stamp
	hDate             // a bare date without weekday or clock
	hByline           // the authors' names beside the stamp
	hUpper            // an upper-case line: a site name, or a headline right above the stamp
)

// stamp is what a header date line says.
type stamp struct {
	t       time.Time
	clock   bool // a time of day is written beside the date
	pubWord bool // "Ngày đăng", "Cập nhật", "Xuất bản" ...
	weekday bool
	today   bool // "Hôm nay"
}

// parseHeader reads the page header at the top of lines: it sets the
// page's title and publication date, marks the header furniture dropped
// and returns the headline's index (-1 when the page has none).
//
// The header is the run of lines before the first line of running text
// (the lead or the sapo). In it, menus, breadcrumbs, site names and
// today-widgets come first; the headline is the sentence-like line right
// before the publication stamp, or else the first candidate line that no
// furniture follows; short section labels ("Xây dựng Đảng") followed by
// another candidate are not headlines.
func parseHeader(p *Page, lines []line, menu map[string]bool) int {
	n := len(lines)
	if n > headerLimit {
		n = headerLimit
	}
	kinds := make([]int, n)
	stamps := make([]stamp, n)
	run := n    // index of the first line of running text
	streak := 0 // candidates in a row: three end the header
	labelAt := repeatedLabel(lines[:n], menu)
	for i := 0; i < n; i++ {
		if i <= labelAt {
			// a menu, down to the section label that repeats one of its
			// items: furniture, unless it is a date
			if st, ok := lines[i].stamp(); ok && (st.weekday || st.today) {
				kinds[i], stamps[i] = hWidget, st
			} else {
				kinds[i] = hNav
			}
			continue
		}
		if streak >= 3 {
			run = i
			break
		}
		if i > 0 && kinds[i-1] == hCandidate {
			streak++
		} else {
			streak = 0
		}
		l := lines[i].text
		if i > 0 && (kinds[i-1] == hWidget || kinds[i-1] == hDate) && isClockLine(l) {
			// "Thứ Hai, 03/06/2024" then "| 07:15 GMT+7": one stamp.
			st := stamps[i-1]
			if h, m, ok := findClock(l); ok {
				st.t = time.Date(st.t.Year(), st.t.Month(), st.t.Day(), h, m, 0, 0, Vietnam)
				st.clock = true
				kinds[i-1], stamps[i-1] = hStamp, st
				kinds[i], stamps[i] = hStamp, st
				continue
			}
		}
		if st, ok := lines[i].stamp(); ok {
			stamps[i] = st
			switch {
			case st.clock || st.pubWord:
				kinds[i] = hStamp
			case st.weekday || st.today:
				kinds[i] = hWidget
			default:
				kinds[i] = hDate
			}
			continue
		}
		if isNav(&lines[i]) {
			kinds[i] = hNav
			if isUpperHeadline(l) {
				kinds[i] = hUpper
			}
			continue
		}
		if i > 0 && isByline(l) && !lines[i].running() && nextIsStamp(lines, i) {
			kinds[i] = hByline
			continue
		}
		if lines[i].running() {
			run = i
			break
		}
		if !isHeadline(l) {
			if !runesOver(l, 11) && !strings.HasPrefix(l, "*") {
				// "Hà Nội mới", "SGGP": a site name or label.
				kinds[i] = hNav
				continue
			}
			run = i
			break
		}
		kinds[i] = hCandidate
	}
	// The first stamp in the header.
	stampAt := -1
	for i := 0; i < run; i++ {
		if kinds[i] == hStamp {
			stampAt = i
			break
		}
	}
	// A candidate followed by furniture (before the stamp) is a site name
	// or a section label, not the headline.
	headline := -1
	before := stampAt - 1
	for before >= 0 && kinds[before] == hByline {
		before--
	}
	// A short label ("Nghe bài viết") or a long unfinished sapo between
	// the headline and the stamp.
	for before > 0 && kinds[before] == hCandidate && kinds[before-1] == hCandidate &&
		(countFields(lines[before].text) <= 3 ||
			runesOver(lines[before].text, 140) && !runesOver(lines[before-1].text, 140)) {
		before--
	}
	// (A capitals line before the stamp with a candidate right after the
	// stamp is the site's masthead: "ĐẢNG BỘ KHỐI ... QUẢNG NINH", stamp,
	// headline.)
	masthead := before >= 0 && kinds[before] == hUpper && stampAt+1 < run && kinds[stampAt+1] == hCandidate
	if stampAt > 0 && before >= 0 && (kinds[before] == hCandidate || kinds[before] == hUpper && !masthead) {
		headline = before
	} else {
		limit := run
		for i := 0; i < limit; i++ {
			if kinds[i] != hCandidate {
				continue
			}
			if furnitureAfter(kinds, i, limit, stampAt) {
				continue
			}
			if next := nextCandidate(kinds, i, limit); next >= 0 && isSection(lines[i].text, lines[next].text) {
				continue
			}
			headline = i
			break
		}
	}
	// A bare date right after the headline is its stamp.
	if headline >= 0 && headline+1 < n && kinds[headline+1] == hDate && stampAt < 0 {
		kinds[headline+1] = hStamp
		stampAt = headline + 1
	}
	// A stamp just below the sapo: "Headline", "Sapo.", "08:12 19/11/2023".
	for i := run; i < n && i < run+3; i++ {
		if st, ok := lines[i].stamp(); ok && (st.clock || st.pubWord) {
			kinds[i], stamps[i] = hStamp, st
			if author := stampAuthor(lines[i].text); author != "" && p.Author == "" {
				p.Author = author
			}
		}
	}
	// Publication: a stamp with a publishing word wins over a plain one.
	best := -1
	for i := 0; i < n && i < run+3; i++ {
		if kinds[i] != hStamp {
			continue
		}
		if best < 0 || (stamps[i].pubWord && !stamps[best].pubWord && isPublishWord(lines[i].text)) {
			best = i
		}
	}
	if best >= 0 {
		p.Published, p.PublishedHasClock = stamps[best].t, stamps[best].clock
	}
	// The site's name: the first header line above the headline that
	// names a site ("Báo Quảng Nam điện tử") or is in capitals with no
	// menu separator ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH QUẢNG NINH").
	for i := 0; i < n && (headline < 0 || i < headline) && i < run; i++ {
		t := lines[i].text
		if (kinds[i] == hNav || kinds[i] == hUpper) && !strings.Contains(t, "|") && !strings.Contains(t, ">") &&
			countFields(t) <= 12 && (isSiteName(lines[i].folded()) || isUpperHeadline(t)) {
			p.Site = t
			break
		}
	}
	if headline >= 0 {
		title, t, clock, ok := cutTrailingStamp(lines[headline].text)
		p.Title = cutSiteSuffix(title)
		if ok && (best < 0 || !stamps[best].clock) {
			p.Published, p.PublishedHasClock = t, clock
		}
		lines[headline].drop = true
	}
	for i := 0; i < n; i++ {
		if kinds[i] == hByline && i > headline && headline >= 0 && p.Author == "" {
			p.Author = cleanByline(lines[i].text)
		}
	}
	// Drop the furniture: everything above the headline, and stamps,
	// widgets and menus anywhere in the header.
	for i := 0; i < n && i < run+3; i++ {
		switch {
		case i < headline:
			lines[i].drop = true
		case i < run && kinds[i] != hCandidate:
			lines[i].drop = true
		case i >= run && kinds[i] == hStamp:
			lines[i].drop = true
		}
	}
	return headline
}

// menuItems returns the items of the "|"-separated menus of the header
// (the lines before the first running text).
func menuItems(lines []line) map[string]bool {
	items := map[string]bool{}
	for i, l := range lines {
		if i >= headerLimit || lines[i].running() {
			break
		}
		if !strings.Contains(l.text, " | ") {
			continue
		}
		for _, item := range strings.Split(l.text, "|") {
			if item = strings.TrimSpace(item); item != "" {
				items[item] = true
			}
		}
	}
	return items
}

// repeatedLabel returns the index of the last header line that repeats
// an item of a menu (menu, or a line above it), -1 when there is none:
// the section label of the article ("Chính trị | ... | Dân tộc - Miền
// núi", then "Dân tộc - Miền núi"; or a menu of one item a line, then the
// item again). Only the lines before the first running text are looked
// at.
func repeatedLabel(lines []line, menu map[string]bool) int {
	seen := map[string]bool{}
	for k := range menu {
		seen[k] = true
	}
	last := -1
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if t == l.text && lines[i].running() || t != l.text && isRunningText(t) {
			break
		}
		if seen[t] && countFields(t) <= 8 && headedLabel(lines, i) {
			last = i
		}
		seen[t] = true
		if strings.Contains(t, " | ") {
			for _, item := range strings.Split(t, "|") {
				if item = strings.TrimSpace(item); item != "" {
					seen[item] = true
				}
			}
		}
	}
	return last
}

// headedLabel tells whether the line at i can be a section label over a
// headline: not a date, and followed by a line that is neither a date nor
// running text (a headline repeated over its stamp or sapo is no label).
func headedLabel(lines []line, i int) bool {
	if _, ok := lines[i].stamp(); ok {
		return false
	}
	for j := i + 1; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j].text)
		if t == "" {
			continue
		}
		if t != lines[j].text {
			_, stamp := headerStamp(t)
			return !stamp && !isRunningText(t)
		}
		_, stamp := lines[j].stamp()
		return !stamp && !lines[j].running()
	}
	return false
}

// furnitureAfter tells whether a menu, site name or widget follows the
// candidate at i within the header (before the stamp, where there is one
// below i).
func furnitureAfter(kinds []int, i, limit, stampAt int) bool {
	end := limit
	if stampAt > i {
		end = stampAt
	}
	for j := i + 1; j < end; j++ {
		if k := kinds[j]; k == hNav || k == hUpper || k == hWidget || k == hDate && j > i+1 {
			return true
		}
	}
	return false
}

func nextCandidate(kinds []int, i, limit int) int {
	for j := i + 1; j < limit; j++ {
		if kinds[j] == hCandidate {
			return j
		}
	}
	return -1
}

// stampWords are the (folded) words a date line of the header may hold
// beside its date and clock: publishing words, weekdays, parts of the day,
// time zones.
var stampWords = map[string]bool{
	"cap": true, "nhat": true, "luc": true, "ngay": true, "dang": true, "xuat": true, "ban": true,
	"thoi": true, "gian": true, "gio": true, "gmt": true, "ict": true, "utc": true, "sang": true,
	"chieu": true, "toi": true, "trua": true, "am": true, "pm": true, "sa": true, "ch": true,
	"thu": true, "hai": true, "ba": true, "tu": true, "nam": true, "sau": true, "bay": true,
	"chu": true, "cn": true, "hom": true, "nay": true, "thang": true, "h": true, "g": true,
	"dang luc": true, "vao": true, "sua": true, "moi": true, "luot": true, "xem": true, "doc": true,
}

// publishWords mark a stamp as the publication (folded).
var publishWords = []string{"ngay dang", "dang ngay", "dang luc", "xuat ban", "dang vao", "cap nhat", "dang:"}

func isPublishWord(l string) bool {
	f := vntext.Fold(l)
	for _, w := range publishWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// headerStamp reads a header line that is a date: a publication stamp
// ("Cập nhật lúc 10:05, Thứ Tư, 09/10/2024", "(08:12 | 19/11/2023)",
// "Ngày đăng: 16/10/2023 | Lượt xem: 412") or a today-widget ("Thứ Hai,
// 25/11/2024 | Hotline: 0204.3854.xxx", "Hôm nay: ..."). Segments apart by
// "|" that hold no date nor clock (language switches, counters) are
// ignored; what is left must be the date, a clock and stamp words.
func headerStamp(l string) (stamp, bool) {
	var st stamp
	if len(l) > 4*120 || !hasDateOrClock(l) || runesOver(l, 120) {
		return st, false
	}
	// Segments apart by "|", "·", "•" or " - " without a date or clock: a
	// language switch, a counter, the author ("Thanh Nga - 08:12
	// 19/11/2023", "Đăng bởi: Ban Tuyên giáo · 25/03/2022 22:40").
	segs := strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == '·' || r == '•' })
	keep := segs[:0:0]
	for _, s := range segs {
		if hasDateOrClock(s) {
			keep = append(keep, s)
		}
	}
	if len(keep) == 1 && (strings.Contains(keep[0], " - ") || strings.Contains(keep[0], " – ")) {
		parts := strings.Split(strings.ReplaceAll(keep[0], " – ", " - "), " - ")
		var kept []string
		for _, part := range parts {
			if hasDateOrClock(part) {
				kept = append(kept, part)
			} else if countFields(part) > 4 {
				return stamp{}, false
			}
		}
		keep[0] = strings.Join(kept, " - ")
	}
	if len(keep) == 0 || len(keep) > 2 {
		return st, false
	}
	s := strings.TrimSpace(strings.Join(keep, " | "))
	if runesOver(s, 80) {
		return st, false
	}
	t, clock, ok := parseStamp(s)
	if !ok {
		return st, false
	}
	f := vntext.Fold(s)
	unknown := 0
	for _, w := range strings.FieldsFunc(f, notLetter) {
		if !stampWords[w] {
			unknown++
		}
	}
	if unknown > 1 {
		return st, false
	}
	st.t, st.clock = t, clock
	st.pubWord = isPublishWord(s)
	st.weekday = hasWeekday(s)
	st.today = strings.Contains(f, "hom nay")
	return st, true
}

// isRunningText tells whether l is a line of running text (a lead or a
// sapo) rather than a headline: it opens with a dateline ("LSO-", "(GLO) -
// ") or a dated part of the day ("Sáng 11/3, ..."), ends with a period,
// or holds several sentences.
func isRunningText(l string) bool {
	if hasDateline(l) {
		return true
	}
	if startsWithDayPart(vntext.Fold(prefix(l, 40))) {
		for _, d := range vntext.FindDates(prefix(l, 60)) {
			if d.Start < 30 {
				return true
			}
		}
		f := vntext.Fold(prefix(l, 30))
		if strings.Contains(f, " nay") || strings.Contains(f, "vua qua") {
			return true
		}
	}
	if strings.HasSuffix(l, ".") && !strings.HasSuffix(l, "...") {
		return true
	}
	for _, end := range []string{".”", ".\"", ".)", "!”", "?”"} {
		if strings.HasSuffix(l, end) && runesOver(l, 100) {
			return true
		}
	}
	return runesOver(l, 250)
}

// sections are the labels of a news site's sections (folded), shown on
// their own line above the headline.
var sections = []string{
	"chinh tri", "xa hoi", "kinh te", "van hoa", "thoi su", "xay dung dang", "tin hoat dong",
	"tin tuc", "su kien", "tin tuc - su kien", "tin dia phuong", "quoc phong", "an ninh",
	"quoc phong - an ninh", "phap luat", "giao duc", "y te", "the thao", "doi song", "nong nghiep",
	"nong thon", "tin tong hop", "hoat dong", "tin moi", "tin noi bat", "chinh tri - xa hoi",
	"van hoa - xa hoi", "dang trong cuoc song", "mat tran", "doan the", "cong tac dang",
	"tuyen giao", "dan van", "to chuc", "kiem tra", "tin trong tinh", "trong tinh", "trong nuoc",
	"the gioi", "quoc te", "ban doc", "goc nhin", "phong su", "chuyen de", "dieu tra",
	"hoc tap va lam theo bac", "hoc tap va lam theo tu tuong, dao duc, phong cach ho chi minh",
	"bao ve nen tang tu tuong cua dang", "khoa hoc", "cong nghe", "moi truong", "du lich",
	"xa hoi hoa", "thi dua - khen thuong", "thi dua khen thuong", "nguoi tot viec tot",
	"guong sang", "dien hinh tien tien", "lao dong", "viec lam", "thoi su - chinh tri",
}

// isSection tells whether l, followed by the candidate next, is a section
// label: a known section name ("Chính trị - Xã hội"), or a line of a few
// words above a longer line that is not a photo caption.
func isSection(l, next string) bool {
	if runesOver(l, 60) || strings.ContainsAny(l, "0123456789:") {
		return false
	}
	f := strings.Trim(vntext.Fold(l), " .")
	for _, s := range sections {
		if f == s {
			return true
		}
	}
	return countFields(l) <= 4 && countFields(next) > 5 && !isCaption(next, true)
}

// sitePrefixes and siteWords mark a site's name (folded): "Báo An
// Giang điện tử", "Cổng thông tin điện tử huyện Lạc Sơn", "CAND Online".
var (
	sitePrefixes = []string{"bao ", "cong thong tin", "trang thong tin", "tap chi", "dai phat thanh", "dai truyen hinh", "thong tan xa"}
	siteWords    = []string{"dien tu", "online", "phat thanh", "truyen hinh", ".vn", ".com"}
)

// isSiteName tells whether the folded line f names a news site.
func isSiteName(f string) bool {
	for _, w := range siteWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	for _, p := range sitePrefixes {
		if strings.HasPrefix(f, p) && countFields(f) <= 6 {
			return true
		}
	}
	return false
}

// isBreadcrumb tells whether l is a path of section names apart by " / "
// ("Trang chủ / Kinh tế / Tín dụng chính sách", "Chính trị / Xây dựng
// Đảng").
func isBreadcrumb(l string) bool {
	if !strings.Contains(l, " / ") || runesOver(l, 120) {
		return false
	}
	segs := strings.Split(l, " / ")
	for k, seg := range segs {
		if k == len(segs)-1 && k > 0 && vntext.Fold(segs[0]) == "trang chu" {
			break // "Trang chủ / Xây dựng Đảng / <the headline>"
		}
		if countFields(seg) > 6 || strings.ContainsAny(seg, "0123456789.:;!?\"“") {
			return false
		}
	}
	return true
}

// hasDateOrClock tells whether s holds digits joined by a date or clock
// separator ("19/11", "03-06", "08:12", "9h30") or a spelled month.
func hasDateOrClock(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if isDigit(s[i-1]) && strings.IndexByte("/-.:hH", s[i]) >= 0 && isDigit(s[i+1]) {
			return true
		}
	}
	return strings.Contains(s, "tháng") && strings.ContainsAny(s, "0123456789")
}

// isClockLine tells whether l is only a time of day with its zone ("|
// 07:15 GMT+7", "lúc 14:20").
func isClockLine(l string) bool {
	if runesOver(l, 30) {
		return false
	}
	if _, _, ok := findClock(l); !ok {
		return false
	}
	for _, w := range strings.FieldsFunc(vntext.Fold(l), notLetter) {
		if !stampWords[w] {
			return false
		}
	}
	return true
}

// nextIsStamp tells whether the line after i is a date line.
func nextIsStamp(lines []line, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	_, ok := lines[i+1].stamp()
	return ok
}

// isDatedItem tells whether l is an item of a list of other articles: a
// headline ending in its date, "(19/12/2024)" or "(19/12)".
func isDatedItem(l string) bool {
	if runesOver(l, 200) || !strings.HasSuffix(l, ")") {
		return false
	}
	i := strings.LastIndexByte(l, '(')
	if i < 0 {
		return false
	}
	in := strings.TrimSpace(l[i+1 : len(l)-1])
	ds := vntext.FindDates("(" + in)
	return len(ds) == 1 && ds[0].End == len(in)+1 && !strings.HasSuffix(strings.TrimSpace(l[:i]), ".")
}

// isUpperHeadline tells whether an upper-case header line can be a
// headline: six words or more and no site name ("ĐẢNG BỘ XÃ TÂN LẬP TỔNG
// KẾT CÔNG TÁC XÂY DỰNG ĐẢNG").
func isUpperHeadline(l string) bool {
	if countFields(l) < 6 || strings.ContainsAny(l, "|»›>/") {
		return false
	}
	f := vntext.Fold(l)
	if isSiteName(f) || strings.HasPrefix(f, "trang chu") {
		return false
	}
	for _, r := range l {
		if isLower(r) {
			return false
		}
	}
	return true
}

// cutSiteSuffix takes a site's name off the end of a headline copied from
// a window title: "Khen thưởng 12 tập thể - Báo Bắc Giang".
func cutSiteSuffix(t string) string {
	for _, sep := range []string{" - ", " | ", " – "} {
		if i := strings.LastIndex(t, sep); i > 0 {
			tail := t[i+len(sep):]
			if countFields(tail) <= 8 && isSiteName(vntext.Fold(tail)) {
				return strings.TrimSpace(t[:i])
			}
		}
	}
	return t
}

// stampAuthor returns the names written beside a stamp at the foot of an
// article ("Thanh Nga - 08:12 19/11/2023"), or "".
func stampAuthor(l string) string {
	for _, sep := range []string{" - ", " – ", " | "} {
		if i := strings.Index(l, sep); i > 0 && !hasDateOrClock(l[:i]) && isByline(l[:i]) {
			return cleanByline(l[:i])
		}
	}
	return ""
}

// allSections tells whether the folded line f is only section names apart
// by dashes or slashes ("Tin tức - Sự kiện - Xây dựng Đảng"), with at
// least two of them.
func allSections(f string) bool {
	if len(f) > 120 {
		return false
	}
	segs := strings.FieldsFunc(f, func(r rune) bool { return r == '-' || r == '–' || r == '/' })
	if len(segs) < 2 {
		return false
	}
	for _, seg := range segs {
		seg = strings.TrimSpace(seg)
		known := seg == "trang chu"
		for _, s := range sections {
			if seg == s {
				known = true
				break
			}
		}
		if !known {
			return false
		}
	}
	return true
}

// cutFurnitureTail takes the toolbar off the end of a stamp line:
// "Cập nhật: 15/09/2018 - 10:05   Bản in   Gửi email" is the stamp
// "Cập nhật: 15/09/2018 - 10:05". Whole furniture items go, one to three
// words each, last first, where the line had wide gaps (wide) or bars.
func cutFurnitureTail(l string, wide bool) string {
	if !wide && !strings.Contains(l, "|") {
		return l // a toolbar stands apart by wide gaps or bars
	}
	for {
		t := strings.TrimRight(l, " |\t")
		cut := false
		for n := 3; n >= 1 && !cut; n-- {
			i := len(t)
			for k := 0; k < n && i > 0; k++ {
				i = strings.LastIndexAny(t[:i], " |\t")
				if i < 0 {
					i = 0
					break
				}
				if k < n-1 {
					i = len(strings.TrimRight(t[:i], " "))
				}
			}
			if i <= 0 {
				continue
			}
			item := strings.TrimSpace(t[i:])
			if len(item) <= 48 && slices.Contains(furniture, vntext.Fold(item)) {
				l, cut = t[:i], true
			}
		}
		if !cut {
			return strings.TrimRight(l, " |\t")
		}
	}
}
