// Package match reads the facts of the genre out of a parsed page with
// rule-based Vietnamese matchers: the documents referred to by number
// (directives), the officials and their titles, the commendations with
// their counts, the organisations commended or named exemplary, the
// province, and the event and publication dates. Every matcher works on
// NFC sentences and keeps the sentence it read a fact from as evidence.
//
// The knowledge the matchers use (surnames, titles, organisation words,
// provinces, districts, document kinds, issuers) lives as data files under
// data/, one list each.
package match

import (
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/extract/page"
	"github.com/vnnews/vnnews/extract/vntext"
)

// sentence is one sentence of the article with where it came from, lower
// cased once for all the matchers.
type sentence struct {
	text    string
	low     string // lower(text), same byte offsets
	block   int    // -1 for the headline
	kind    page.Kind
	inBlock int // index of the sentence within its block
}

// hasDigit tells whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			return true
		}
	}
	return false
}

// Match reads the facts of a page. It fills the title, dates, province,
// directives, officials, awards, units, author and body; URL is copied
// from the page and Site from its host.
func Match(p *page.Page) *facts.Article {
	a := &facts.Article{URL: p.URL}
	if p.Canonical != "" {
		a.URL = p.Canonical
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		a.Site = strings.ToLower(u.Hostname())
	}
	title := strings.TrimSpace(vntext.NFC(p.Title))
	a.Title = facts.Str(title)
	a.Author = vntext.NFC(p.Author)
	a.Body = p.Body() // blocks are NFC (page.Block)

	// The sentences, the headline first.
	sents := make([]sentence, 0, 64)
	if title != "" {
		sents = append(sents, sentence{text: title, block: -1, kind: page.Paragraph})
	}
	for bi, b := range p.Blocks {
		for si, s := range vntext.Sentences(b.Text) {
			sents = append(sents, sentence{text: s.Text, block: bi, kind: b.Kind, inBlock: si})
		}
	}
	r := newArticleReader(a, sents)
	for i := range sents {
		r.read(&sents[i])
	}
	a.Directives = resolveDirectives(r.dms, r.campaign)
	a.Officials = mergeOfficials(r.offs, bylineNames(a.Author)) // bylines excluded
	a.Awards = mergeAwards(append(r.hits, r.titleHits...))
	a.Units = mergeUnits(a.Units)

	// Dates.
	pub, event := articleDates(p, sents, r.dms)
	a.Published = facts.Str(pub)
	a.EventDate = facts.Str(event)
	var at time.Time
	if pub != "" {
		at, _ = time.Parse("2006-01-02", pub)
	} else if event != "" {
		at, _ = time.Parse("2006-01-02", event)
	}
	prov := chooseProvince(dropDatelines(r.tm), r.body, r.lead, at)
	if prov == "" && p.Site != "" {
		// the site's name: "Báo Đồng Nai điện tử", "ĐẢNG BỘ KHỐI CÁC CƠ
		// QUAN TỈNH QUẢNG NINH"
		prov = provinceOfSite(p.Site, at)
	}
	if prov == "" && a.Site != "" {
		// a provincial newspaper's host: "baothanhhoa.vn"
		prov = provinceOfHost(a.Site)
	}
	if prov != "" {
		a.Province = &prov
	}
	a.Normalize()
	return a
}

// articleReader reads the sentences of an article one after the other:
// each is split into words once, and read by every matcher in turn; the
// words of one sentence are not kept for the next. It gathers what the
// matchers find.
type articleReader struct {
	a  *facts.Article // its units, as they come
	lx *lexicon
	// buffers for the words, the lower case and the clauses of a
	// sentence
	toks    []token
	low     []byte
	clauses []clause

	dms             []directiveMention
	offs            []facts.Official
	hits, titleHits []awardHit // of the body and of the headline
	seenUnit        map[string]bool
	tm, lead, body  []ProvinceMention // in the headline, the lead, the rest
	// A sentence that announces models, or lists some, lets the next one
	// go on with the list.
	prevModels bool
	// campaign: a sentence names Hồ Chí Minh's example (campaignWords).
	campaign bool
}

// newArticleReader returns a reader for the sentences of a, with buffers
// of the size of the longest (about a word per space).
func newArticleReader(a *facts.Article, sents []sentence) *articleReader {
	longest, spaces := 0, 0
	for i := range sents {
		if n := len(sents[i].text); n > longest {
			longest, spaces = n, strings.Count(sents[i].text, " ")
		}
	}
	return &articleReader{
		a:        a,
		lx:       loadLexicon(),
		toks:     make([]token, 0, spaces+spaces/4+8),
		low:      make([]byte, 0, longest),
		seenUnit: map[string]bool{},
	}
}

// read reads the sentence s, and sets its lower case.
func (r *articleReader) read(s *sentence) {
	var toks []token
	s.low, toks, r.low = lowerWords(s.text, r.toks[:0], r.low)
	r.toks = toks
	r.lx.annotate(s.low, toks)
	cues := cuesOf(toks)
	var g grams
	g.add(s.low)

	if !r.campaign && g.hasAny(s.low, campaignWords) {
		r.campaign = true
	}

	// Directives: only sentences with a number can refer to one.
	if hasDigit(s.text) && (cues&cueKind != 0 || codeSlash(s.text)) {
		r.dms = append(r.dms, findDirectivesLow(s.text, s.low, toks)...)
	}

	// Officials.
	r.offs = append(r.offs, officialsIn(s.text, s.low, toks, cues)...)

	// Awards: the body's first, then the headline's and the captions';
	// where the headline repeats an award, the body's sentence is the
	// better evidence. The clauses' form words serve the units too.
	cls := r.clauses[:0]
	if cues&(cueForm|cueExemplary) != 0 || r.prevModels || namesModel(&g, s.low) { // else unitsIn reads nothing
		cls = splitClauses(cls, s.text, s.low, cues&cueForm != 0)
		r.clauses = cls
	}
	if cues&cueForm != 0 {
		// A photo caption, like the headline, retells an act of the body
		// ("trao giấy khen cho 10 đơn vị" for "10 đơn vị, 22 đảng viên").
		if s.block >= 0 && s.kind != page.Caption {
			r.hits = append(r.hits, awardsIn(s.text, s.low, &g, cls)...)
		} else {
			for _, h := range awardsIn(s.text, s.low, &g, cls) {
				h.title = true
				r.titleHits = append(r.titleHits, h)
			}
		}
	}

	// Units.
	us := unitsIn(s.text, s.low, toks, &g, cls, cues, r.prevModels)
	r.prevModels = announcesModels(&g, s.low, cues)
	for _, u := range us {
		if u.Role == facts.RoleExemplary {
			r.prevModels = true
		}
	}
	for _, u := range us {
		k := lower(u.Name)
		if r.seenUnit[k] {
			continue
		}
		r.seenUnit[k] = true
		r.a.Units = append(r.a.Units, u)
	}

	// Province.
	ms := provincesIn(s.text, s.low, toks, cues)
	switch {
	case s.block < 0:
		r.tm = ms
	case s.block <= 1 && s.inBlock == 0:
		r.lead = append(r.lead, ms...)
	default:
		// a dateline code counts only at the start of the lead
		ms = dropDatelines(ms)
		r.body = append(r.body, ms...)
	}
}

func dropDatelines(ms []ProvinceMention) []ProvinceMention {
	out := ms[:0:0]
	for _, m := range ms {
		if m.Start == 0 && !m.District && len(m.Via) <= 4 && m.Via != m.Province {
			continue
		}
		out = append(out, m)
	}
	return out
}

// bylineNames splits a byline into the names it holds.
func bylineNames(author string) map[string]bool {
	out := map[string]bool{}
	f := func(r rune) bool {
		return r == '-' || r == '–' || r == ',' || r == ';' || r == '(' || r == ')' || r == ':'
	}
	for _, part := range strings.FieldsFunc(author, f) {
		for _, n := range strings.Split(part, " và ") {
			n = strings.TrimSpace(n)
			if n != "" {
				out[n] = true
				out[titleCase(n)] = true
			}
		}
	}
	return out
}

// titleCase turns "PHÙNG KHIÊM" into "Phùng Khiêm".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(strings.ToLower(w))
		if len(r) > 0 {
			r[0] = []rune(strings.ToUpper(string(r[0])))[0]
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// articleDates finds the publication date and the event date.
func articleDates(p *page.Page, sents []sentence, dms []directiveMention) (pub, event string) {
	var pubT time.Time
	if !p.Published.IsZero() {
		pubT = p.Published.In(vntext.Zone)
		pub = pubT.Format("2006-01-02")
	}
	// The event date: a date with a part of the day or "nay" anywhere in
	// the lead, else the first date with "ngày" in the lead that is not a
	// document's own date.
	var cand *vntext.DateMention
	var candSent string
	leadSeen := 0
	for _, s := range sents {
		if s.block < 0 {
			continue
		}
		if s.kind == page.Caption {
			continue
		}
		// Sub-headlines ("* Hơn 1.350 lượt ...") do not push the lead's
		// sentences out of the window; one is read as the next sentence.
		at := leadSeen + 1
		if s.kind != page.Heading {
			leadSeen++
		}
		if at > 4 {
			break
		}
		for _, d := range vntext.FindDates(s.text) {
			if isDocDate(s.text, d) || isBoundDate(s.text, d) {
				continue
			}
			if d.Part != "" || d.Today || (d.Ngay && at <= 2) || (at == 1 && d.Start < 40) {
				dd := d
				cand = &dd
				candSent = s.text
				break
			}
		}
		if cand != nil {
			break
		}
	}
	// No date in the lead: a meeting the article announces ("Hội nghị
	// ... dự kiến được tổ chức vào ngày 14/6 tới") is the event.
	if cand == nil {
		cand, candSent = announcedMeeting(sents)
	}
	if cand == nil {
		return pub, ""
	}
	year := cand.Year
	if year == 0 {
		switch {
		case !pubT.IsZero():
			year = pubT.Year()
			// an event in December reported in January
			if cand.Month > int(pubT.Month())+1 {
				year--
			}
			// a meeting in January announced in December ("sẽ tổ chức vào
			// ngày 5/1 tới")
			if pubT.Month() == time.December && cand.Month == 1 && hasAny(lower(candSent), []string{" tới", " sẽ ", " sắp "}) {
				year++
			}
		default:
			year = yearFromContext(*cand, candSent, dms)
		}
	}
	if year == 0 {
		return pub, ""
	}
	ev := time.Date(year, time.Month(cand.Month), cand.Day, 0, 0, 0, 0, vntext.Zone)
	event = ev.Format("2006-01-02")
	if pub == "" && cand.Today {
		pub = event
	}
	return pub, event
}

// announcedMeeting finds the first date of the body that announces a
// meeting: "tổ chức vào ngày 14/6 tới", "sẽ diễn ra vào ngày 20/10".
func announcedMeeting(sents []sentence) (*vntext.DateMention, string) {
	for _, s := range sents {
		if s.block < 0 || s.kind == page.Caption || !hasDigit(s.text) {
			continue
		}
		ls := s.low // set by articleReader.read
		if !strings.Contains(ls, "tổ chức") && !strings.Contains(ls, "diễn ra") && !strings.Contains(ls, "khai mạc") {
			continue
		}
		for _, d := range vntext.FindDates(s.text) {
			if isDocDate(s.text, d) || !d.Ngay {
				continue
			}
			after := strings.TrimLeft(ls[d.End:], " )")
			before := lastN(ls[:d.Start], 40)
			if strings.HasPrefix(after, "tới") || strings.HasPrefix(after, "sắp tới") ||
				strings.Contains(before, "sẽ ") || strings.Contains(before, "dự kiến") {
				dd := d
				return &dd, s.text
			}
		}
	}
	return nil, ""
}

// isDocDate tells whether the date d in s is a document's own date
// ("Kết luận số 01-KL/TW, ngày 18/5/2021").
func isDocDate(s string, d vntext.DateMention) bool {
	before := lastN(s[:d.Start], 30)
	// (a slash of a code, not of a date: "(2/9/1945 - 2/9/2025), ngày
	// 30/8" is the event's day)
	if codeSlash(before) && (strings.HasSuffix(strings.TrimSpace(before), "ngày") || strings.HasSuffix(strings.TrimSpace(before), ",")) {
		return true
	}
	lb := lower(lastN(s[:d.Start], 60))
	for _, kw := range loadLexicon().kindKeys {
		if i := strings.LastIndex(lb, kw); i >= 0 && !strings.ContainsAny(lb[i:], ";") && len(lb)-i < 40 {
			return true
		}
	}
	return false
}

// yearFromContext finds the year of an event written without one, from
// the page itself: "sơ kết N năm thực hiện <document of year Y>" gives
// Y+N; else the end of a period or a "năm YYYY" in the same sentence.
func yearFromContext(c vntext.DateMention, s string, dms []directiveMention) int {
	ls := lower(s)
	for _, lead := range []string{"sơ kết ", "tổng kết ", "qua ", "sau "} {
		i := strings.Index(ls, lead)
		if i < 0 {
			continue
		}
		rest := ls[i+len(lead):]
		n, j, ok := numberAt(rest, rest, 0, len(rest))
		if !ok || !strings.HasPrefix(strings.TrimLeft(rest[j:], " "), "năm") {
			continue
		}
		for _, dm := range findDirectives(s[i:]) {
			if dm.Date != nil {
				if t, err := time.Parse("2006-01-02", *dm.Date); err == nil {
					return t.Year() + n
				}
			}
		}
		// the document's date elsewhere in the article
		for _, dm := range findDirectives(s[i:]) {
			for _, other := range dms {
				if other.Date != nil && other.abbr == dm.abbr && strings.TrimLeft(other.number, "0") == strings.TrimLeft(dm.number, "0") {
					if t, err := time.Parse("2006-01-02", *other.Date); err == nil {
						return t.Year() + n
					}
				}
			}
		}
	}
	// "tọa đàm “4 năm thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 ...”":
	// an anniversary of a dated document, whatever leads it.
	for from := 0; ; {
		k := strings.Index(ls[from:], " năm thực hiện ")
		if k < 0 {
			break
		}
		k += from
		from = k + 1
		j := strings.LastIndexAny(ls[:k], " “\"(")
		if j >= 0 {
			_, size := utf8.DecodeRuneInString(ls[j:])
			j += size
		} else {
			j = 0
		}
		num := ls[j:k]
		n, e, ok := numberAt(num, num, 0, len(num))
		if !ok || e != len(num) || n > 100 {
			continue
		}
		for _, dm := range findDirectives(s[k:]) {
			if dm.Date != nil {
				if t, err := time.Parse("2006-01-02", *dm.Date); err == nil {
					return t.Year() + n
				}
			}
			break // the document the anniversary names
		}
	}
	// The same day written with its year elsewhere in the sentence:
	// "Chiều 19-5, ... kỷ niệm 134 năm Ngày sinh (19/5/1890 - 19/5/2024)".
	{
		year := 0
		for _, d := range vntext.FindDates(s) {
			if d.Year != 0 && d.Day == c.Day && d.Month == c.Month && d.Year > year {
				year = d.Year
			}
		}
		if year != 0 {
			return year
		}
	}
	for _, p := range vntext.FindPeriods(s) {
		if p.Kind == "năm" && p.From == p.To {
			return p.From
		}
		if p.Kind == "giai đoạn" {
			return p.To
		}
	}
	return 0
}

// mergeUnits keeps one entry per organisation: a name that another name
// of the article contains ("Hội Nông dân huyện" in "Hội Nông dân huyện
// Thoại Sơn") is the short form of it. A unit commended anywhere is
// awarded.
func mergeUnits(us []facts.Unit) []facts.Unit {
	keys := make([]string, len(us))
	for i, u := range us {
		// punctuation dropped: "Sở Văn hóa" is in "Sở Văn hóa, Thể thao
		// và Du lịch"
		keys[i] = unitKey(u.Name)
	}
	var out []facts.Unit
	for i, u := range us {
		into := -1
		for j := range us {
			if j != i && len(keys[j]) > len(keys[i]) && strings.Contains(keys[j], keys[i]) {
				into = j
				break
			}
		}
		if into >= 0 {
			if u.Role == facts.RoleAwarded {
				us[into].Role = facts.RoleAwarded
			}
			continue
		}
		out = append(out, u)
	}
	// roles raised after their entry was copied
	for i := range out {
		for j := range us {
			if us[j].Name == out[i].Name && us[j].Role == facts.RoleAwarded {
				out[i].Role = facts.RoleAwarded
			}
		}
	}
	return out
}

// unitKey returns the words of a unit's name, lower case, between spaces:
// " " + strings.Join(strings.FieldsFunc(lower(name), notLetterOrDigit), " ") + " ".
func unitKey(name string) string {
	ln := lower(name)
	var b strings.Builder
	b.Grow(len(ln) + 2)
	b.WriteByte(' ')
	in, words := false, 0
	for i, r := range ln {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			in = false
			continue
		}
		if !in && words > 0 {
			b.WriteByte(' ')
		}
		if !in {
			words++
		}
		in = true
		_, size := utf8.DecodeRuneInString(ln[i:])
		b.WriteString(ln[i : i+size])
	}
	b.WriteByte(' ')
	return b.String()
}

// boundWords before a date make it the bound of a span ("tính đến ngày
// 10/3", "từ ngày 1/1"), not the day of the event reported.
var boundWords = []string{"đến", "từ", "trước", "tới", "hết", "kể từ", "cho đến"}

// isBoundDate tells whether d in s is the bound of a span of time.
func isBoundDate(s string, d vntext.DateMention) bool {
	before := strings.TrimRight(lower(lastN(s[:d.Start], 24)), " (")
	before = strings.TrimSuffix(before, "ngày")
	before = strings.TrimRight(before, " ")
	for _, w := range boundWords {
		if strings.HasSuffix(before, " "+w) || before == w {
			// "vào ngày 14.10 tới đây" has "tới" after the date, not before.
			return true
		}
	}
	return false
}
