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

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/extract/page"
	"github.com/vnnews/vnnews/extract/vntext"
)

// sentence is one sentence of the article with where it came from, lower
// cased and split into words once for all the matchers.
type sentence struct {
	text    string
	low     string // lower(text), same byte offsets
	toks    []token
	digit   bool // holds a digit
	cues    cue  // the cue words it holds
	block   int  // -1 for the headline
	kind    page.Kind
	inBlock int // index of the sentence within its block
}

func newSentence(text string, block int, kind page.Kind, inBlock int) sentence {
	s := sentence{text: text, low: lower(text), block: block, kind: kind, inBlock: inBlock}
	s.toks = tokenizeLow(s.text, s.low)
	s.digit = strings.ContainsAny(text, "0123456789")
	s.cues = loadLexicon().cuesOf(s.toks)
	return s
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

	sents := make([]sentence, 0, 64)
	if title != "" {
		sents = append(sents, newSentence(title, -1, page.Paragraph, 0))
	}
	for bi, b := range p.Blocks {
		for si, s := range vntext.Sentences(b.Text) {
			sents = append(sents, newSentence(s.Text, bi, b.Kind, si))
		}
	}

	// Directives: only sentences with a number can refer to one.
	var dms []directiveMention
	for i := range sents {
		if s := &sents[i]; s.digit && (s.cues&cueKind != 0 || codeSlash(s.text)) {
			dms = append(dms, findDirectivesLow(s.text, s.low, s.toks)...)
		}
	}
	a.Directives = resolveDirectives(dms)

	// Officials, bylines excluded.
	exclude := bylineNames(a.Author)
	var offs []facts.Official
	for i := range sents {
		offs = append(offs, officialsIn(sents[i].text, sents[i].toks)...)
	}
	a.Officials = mergeOfficials(offs, exclude)

	// Awards.
	// The body first: where the headline repeats an award, the body's
	// sentence is the better evidence.
	var hits []awardHit
	for i := range sents {
		if s := &sents[i]; s.block >= 0 && s.cues&cueForm != 0 {
			hits = append(hits, awardsIn(s.text, s.low)...)
		}
	}
	if title != "" && sents[0].cues&cueForm != 0 {
		hits = append(hits, awardsIn(sents[0].text, sents[0].low)...)
	}
	a.Awards = mergeAwards(hits)

	// Units.
	seenUnit := map[string]bool{}
	// A sentence that announces models, or lists some, lets the next one
	// go on with the list.
	prevModels := false
	for i := range sents {
		s := &sents[i]
		us := unitsIn(s.text, s.low, s.toks, s.cues, prevModels)
		prevModels = announcesModels(s.low, s.cues)
		for _, u := range us {
			if u.Role == facts.RoleExemplary {
				prevModels = true
			}
		}
		for _, u := range us {
			k := lower(u.Name)
			if seenUnit[k] {
				continue
			}
			seenUnit[k] = true
			a.Units = append(a.Units, u)
		}
	}
	a.Units = mergeUnits(a.Units)

	// Dates.
	pub, event := articleDates(p, sents, dms)
	a.Published = facts.Str(pub)
	a.EventDate = facts.Str(event)

	// Province.
	var tm, lead, body []ProvinceMention
	if title != "" {
		tm = provincesIn(sents[0].text, sents[0].low, sents[0].toks, sents[0].cues)
	}
	for i := range sents {
		s := &sents[i]
		if s.block < 0 {
			continue
		}
		ms := provincesIn(s.text, s.low, s.toks, s.cues)
		if s.block <= 1 && s.inBlock == 0 {
			lead = append(lead, ms...)
		} else {
			// a dateline code counts only at the start of the lead
			ms = dropDatelines(ms)
			body = append(body, ms...)
		}
	}
	var at time.Time
	if pub != "" {
		at, _ = time.Parse("2006-01-02", pub)
	} else if event != "" {
		at, _ = time.Parse("2006-01-02", event)
	}
	if prov := chooseProvince(dropDatelines(tm), body, lead, at); prov != "" {
		a.Province = &prov
	}
	a.Normalize()
	return a
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
		leadSeen++
		if leadSeen > 4 {
			break
		}
		for _, d := range vntext.FindDates(s.text) {
			if isDocDate(s.text, d) || isBoundDate(s.text, d) {
				continue
			}
			if d.Part != "" || d.Today || (d.Ngay && leadSeen <= 2) || (leadSeen == 1 && d.Start < 40) {
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

// isDocDate tells whether the date d in s is a document's own date
// ("Kết luận số 01-KL/TW, ngày 18/5/2021").
func isDocDate(s string, d vntext.DateMention) bool {
	before := lastN(s[:d.Start], 30)
	if strings.Contains(before, "/") && (strings.HasSuffix(strings.TrimSpace(before), "ngày") || strings.HasSuffix(strings.TrimSpace(before), ",")) {
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
		keys[i] = " " + strings.Join(strings.FieldsFunc(lower(u.Name), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ") + " "
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
