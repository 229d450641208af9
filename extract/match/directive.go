package match

import (
	"strings"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/extract/vntext"
)

// directiveMention is a directive found in one sentence, before the
// article-wide resolution of short mentions.
type directiveMention struct {
	facts.Directive
	number string
	abbr   string
	short  bool // a short mention without an issuer in the text
	// named: a short mention followed by a body ("của X", "do X") that is
	// not a known issuer.
	named bool
}

// Directives returns the documents referred to by number in one sentence:
// full codes normalised per the gold format, and short mentions ("Kết luận
// số 01", "Chỉ thị 05 của Bộ Chính trị") whose issuer follows from the body
// named. A short mention whose issuer cannot be told is left out; Match
// resolves those against the full codes of the whole article.
func Directives(sentence string) []facts.Directive {
	sentence = valid(sentence)
	var out []facts.Directive
	for _, m := range findDirectives(sentence) {
		if !m.short {
			out = append(out, m.Directive)
		}
	}
	return out
}

func findDirectives(s string) []directiveMention {
	ls := lower(s)
	toks := tokenizeLow(s, ls)
	return findDirectivesLow(s, ls, toks)
}

// codeSlash tells whether s has a slash that can belong to a code: one
// not between two digits as in a date ("16/5/2024").
func codeSlash(s string) bool {
	for i := strings.IndexByte(s, '/'); i >= 0; {
		if i == 0 || i+1 >= len(s) || !isDigitByte(s[i-1]) || !isDigitByte(s[i+1]) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '/')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// findDirectivesLow is findDirectives with ls == lower(s) and its words.
func findDirectivesLow(s, ls string, toks []token) []directiveMention {
	lx := loadLexicon()
	var out []directiveMention
	var taken [][2]int
	overlaps := func(a, b int) bool {
		for _, t := range taken {
			if a < t[1] && b > t[0] {
				return true
			}
		}
		return false
	}
	var stateMs, partyMs []codeMatch
	if codeSlash(s) {
		stateMs, partyMs = scanCodes(s)
	}
	for _, m := range stateMs {
		num, year, abbr, iss := s[m.numS:m.numE], s[m.yearS:m.yearE], s[m.kindS:m.kindE], s[m.issuerS:m.issuerE]
		code := num + year + "/" + abbr + "-" + iss
		if abbr == "" {
			// "202/2025/QH15": a law or resolution of the National Assembly
			code = num + year + "/" + iss
			abbr = "NQ"
			if strings.Contains(lower(lastN(s[:m.start], 30)), "luật") {
				abbr = "L"
			}
		}
		state := true
		if u := strings.ReplaceAll(strings.ToUpper(iss), "Ư", "W"); m.yearS == m.yearE && swappedIssuers[u] && abbr != "" {
			// "05/CT-TW": a party document written in the state form
			code, state = num+"-"+abbr+"/"+normIssuer(iss), false
		}
		d := directiveMention{number: num, abbr: abbr}
		d.Code = code
		d.Kind = kindFor(lastN(ls[:m.start], 40), abbr, state)
		if d.Kind == "" && abbr == "L" {
			d.Kind = "Luật"
		}
		d.Date = docDate(s, m.end)
		d.Mention = s[m.start:m.end]
		out = append(out, d)
		taken = append(taken, [2]int{m.start, m.end})
	}
	for _, m := range partyMs {
		if overlaps(m.start, m.end) {
			continue
		}
		if m.start > 0 && (s[m.start-1] == '/' || s[m.start-1] == '.') {
			continue
		}
		num, abbr, iss := s[m.numS:m.numE], s[m.kindS:m.kindE], s[m.issuerS:m.issuerE]
		iss = normIssuer(iss)
		if iss == "" {
			continue
		}
		kindAbbr := abbr
		if abbr == "QĐi" || abbr == "QĐI" {
			// "08-QĐi/TW": a regulation of the Central Committee
			abbr, kindAbbr = "QĐI", "QĐ"
		}
		d := directiveMention{number: num, abbr: abbr}
		d.Code = num + "-" + abbr + "/" + iss
		d.Kind = kindFor(lastN(ls[:m.start], 40), kindAbbr, false)
		d.Date = docDate(s, m.end)
		d.Mention = s[m.start:m.end]
		out = append(out, d)
		taken = append(taken, [2]int{m.start, m.end})
	}
	// Short mentions: a kind word, "số", a number not followed by a code.
	for k := range toks {
		t := &toks[k]
		if t.cue()&cueKindFirst == 0 {
			continue
		}
		kws := t.w.kinds
		if kws == nil {
			continue
		}
		i := t.start
		if i > 0 && isWordByte(ls[i-1]) {
			continue
		}
		for _, kw := range kws {
			if !strings.HasPrefix(ls[i:], kw) {
				continue
			}
			from := i + len(kw)
			j := from
			j = skipSp(s, j)
			if strings.HasPrefix(ls[j:], "số") {
				j = skipSp(s, j+len("số"))
			}
			k := j
			for k < len(s) && isDigitByte(s[k]) {
				k++
			}
			if k == j || k-j > 4 {
				continue
			}
			if overlaps(i, k+3) {
				continue
			}
			// Not a code, a date or a count: "Kế hoạch 5 năm".
			if k < len(s) && strings.ContainsRune("/-–.,", rune(s[k])) && k+1 < len(s) && (isDigitByte(s[k+1]) || isUpperByte(s[k+1])) {
				continue
			}
			rest := strings.TrimLeft(ls[k:], " ")
			if startsWithAny(rest, "năm", "tháng", "ngày", "nội dung", "điểm", "nhiệm vụ", "giải pháp", "chương", "lần", "khóa", "khoá", "tiêu chí", "chỉ tiêu", "mô hình", "đợt") {
				continue
			}
			abbr := lx.kinds[kw]
			d := directiveMention{number: s[j:k], abbr: abbr, short: true}
			d.Kind = lx.kindNames[kw]
			d.Mention = s[i:k]
			d.Date = docDate(s, k)
			// Issuer from the body named right after: "của Bộ Chính trị".
			if code, ok := issuerAfter(ls[k:], d.number, abbr, lx); ok {
				d.Code = code
				d.short = false
			} else {
				d.named = startsWithAny(strings.TrimLeft(ls[k:], " ,"), "của ", "do ")
			}
			out = append(out, d)
			taken = append(taken, [2]int{i, k})
		}
	}
	return out
}

// issuerAfter reads "của Bộ Chính trị", "của Ban Thường vụ Tỉnh ủy" after
// a short mention and builds the code.
func issuerAfter(rest, number, abbr string, lx *lexicon) (string, bool) {
	r := strings.TrimLeft(rest, " ,")
	// skip a date: ", ngày 18/5/2021"
	if strings.HasPrefix(r, "ngày ") {
		if k := strings.Index(r, " "); k >= 0 {
			r2 := r[k+1:]
			if e := strings.IndexAny(r2, " ,"); e > 0 {
				r = strings.TrimLeft(r2[e:], " ,")
			}
		}
	}
	for _, p := range []string{"của ", "do "} {
		if !strings.HasPrefix(r, p) {
			continue
		}
		r = strings.TrimLeft(r[len(p):], " ")
		for _, is := range lx.issuers {
			if strings.HasPrefix(r, is.body) {
				// "Ban Chấp hành Trung ương" must not be cut to "Trung ương"
				// inside a longer body: issuers are longest first.
				switch {
				case is.state != "":
					return number + "/" + abbr + "-" + is.state, true
				case is.party != "":
					return number + "-" + abbr + "/" + is.party, true
				}
			}
		}
		return "", false
	}
	return "", false
}

// partyIssuers are the issuer codes that only party bodies use, upper
// case, "Ư" written "W".
var partyIssuers = map[string]bool{
	"TW": true, "TU": true, "HU": true, "QU": true, "ĐUK": true, "ĐU": true, "BTGTW": true, "BTCTW": true,
	"BDVTW": true, "BKTTW": true, "QUTW": true, "THU": true, "ĐUQSTW": true, "BCSĐ": true, "ĐĐ": true,
	"VPTW": true, "UBKTTW": true, "ĐUQS": true, "BTG": true, "BTC": true, "BDV": true, "UBKT": true,
	"TWĐ": true, "ĐTN": true, "TƯĐTN": true,
}

// swappedIssuers are the party issuer codes no state body shares ("BTC"
// is also the Ministry of Finance's): a code in the state form with one of
// them is a party code with its slash and hyphen swapped.
var swappedIssuers = map[string]bool{"TW": true, "TU": true, "HU": true, "QU": true, "ĐUK": true, "QUTW": true, "BTGTW": true, "THU": true}

// normIssuer normalises an issuer abbreviation: "TƯ", "T.Ư", "T.W" → TW.
func normIssuer(s string) string {
	s = strings.TrimRight(s, ".")
	u := strings.ToUpper(strings.ReplaceAll(s, ".", ""))
	u = strings.ReplaceAll(u, "Ư", "W")
	if partyIssuers[u] {
		if u == "THU" {
			return "ThU"
		}
		return u
	}
	// Other party bodies: mostly capitals (ĐUCA, BCĐ, ĐUCQ...).
	if isAbbrev(s) && len([]rune(s)) <= 8 {
		return strings.ReplaceAll(s, ".", "")
	}
	if s == "ThU" || s == "Tư" || s == "Tw" {
		if s == "ThU" {
			return s
		}
		return "TW"
	}
	return ""
}

// kindFor names the kind of a code from the word written before it
// ("Quy định số 101-QĐ/TW" is a Quy định) or from its abbreviation.
//
// lb is the lower case of the last 40 bytes before the code
// (lastN(lower(before), 40)).
func kindFor(lb, abbr string, state bool) string {
	lx := loadLexicon()
	best, bestAt := "", -1
	for _, kw := range lx.kindKeysOf[abbr] {
		if i := strings.LastIndex(lb, kw); i > bestAt {
			best, bestAt = kw, i
		}
	}
	if best != "" {
		return lx.kindNames[best]
	}
	if abbr == "QĐ" && state {
		return "Quyết định"
	}
	return lx.abbrKind[abbr]
}

func kindName(kw string) string {
	r := []rune(kw)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// docDate reads the document's own date right after its code: ", ngày
// 18/5/2021", " ngày 18 tháng 5 năm 2021".
func docDate(s string, at int) *string {
	rest := s[at:]
	if len(rest) > 60 {
		rest = rest[:60]
	}
	t := strings.TrimLeft(rest, " ,")
	if !strings.HasPrefix(t, "ngày") && !strings.HasPrefix(t, "(ngày") {
		return nil
	}
	for _, d := range vntext.FindDates(rest) {
		if d.Year != 0 {
			v := d.ISO()
			return &v
		}
		break
	}
	return nil
}

// resolveDirectives merges the mentions of one article: one entry per
// code; a short mention takes the full code of the same kind and number.
// In an article about the campaign (campaign true: it names Hồ Chí Minh's
// example), a short mention that names no body and has no full code takes
// the campaign document's code ("Chỉ thị 05" is 05-CT/TW).
func resolveDirectives(ms []directiveMention, campaign bool) []facts.Directive {
	lx := loadLexicon()
	var out []facts.Directive
	index := map[string]int{}
	add := func(d facts.Directive) {
		key := strings.ToUpper(d.Code)
		if i, ok := index[key]; ok {
			if out[i].Date == nil && d.Date != nil {
				out[i].Date = d.Date
			}
			return
		}
		index[key] = len(out)
		d.Mention = strings.TrimSpace(d.Mention)
		out = append(out, d)
	}
	full := map[string]string{} // abbr+number → code written in full
	key := func(m directiveMention) string { return m.abbr + "|" + strings.TrimLeft(m.number, "0") }
	// A code written in full first; else one a short mention's issuer
	// gives ("Chỉ thị 06 của Ban Thường vụ Tỉnh ủy" for a later "Chỉ thị
	// 06").
	for _, written := range []bool{true, false} {
		for _, m := range ms {
			if !m.short && strings.Contains(m.Mention, "/") == written {
				if _, ok := full[key(m)]; !ok {
					full[key(m)] = m.Code
				}
			}
		}
	}
	for _, m := range ms {
		if code, ok := full[key(m)]; ok && (m.short || strings.Contains(m.Mention, "/")) {
			if m.Code != code {
				m.Date = nil
			}
			m.Code = code
		} else if code, ok := lx.campaign[key(m)]; ok && m.short && !m.named && campaign {
			m.Code = code
		} else if m.short {
			continue
		}
		add(m.Directive)
	}
	return out
}

func lastN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
func isDigitByte(b byte) bool   { return b >= '0' && b <= '9' }
func isUpperByte(b byte) bool   { return b >= 'A' && b <= 'Z' }
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

func skipSp(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func startsWithAny(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// campaignWords mark an article about the campaign of studying and
// following Hồ Chí Minh's example, whose documents a short mention may
// name without an issuer (lower case).
var campaignWords = []string{"hồ chí minh", "làm theo bác", "gương bác", "lời bác", "bác hồ"}
