package match

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/extract/vntext"
)

// Recipient words after a count, lower case, longest first within each
// list: collectives, individuals, and words that can mean either.
var (
	collectiveWords = awardWords("collective")
	individualWords = awardWords("individual")
	eitherWords     = awardWords("either")
	// objectWords are the awards themselves, counted: "9 Huân chương các
	// loại, 64 Bằng khen ... được trao" give totals only, one act each.
	objectWords = awardWords("object")
	// formWords name the act of commendation, lower case, longest first.
	formWords   = awardWords("form")
	numberWords = map[string]int{"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mươi": 10}
	approxWords = awardWords("approx")
)

type count struct {
	n          int
	kind       byte // 'c' collectives, 'i' individuals, 'e' either, 't' combined total, 'o' awards counted
	start, end int  // the count and its noun
	approx     bool
}

// Awards returns the acts of commendation with a count in one sentence:
// "tặng giấy khen cho 10 tập thể, 30 cá nhân" (10, 30, 40), "biểu dương 27
// tập thể, cá nhân" (total 27), with form, conferring body and period.
// Clauses split by ";" are separate acts; counts of things that are not
// commended (orphans, "66/47 chi bộ", percentages, money) are not awards.
func Awards(sentence string) []facts.Award {
	sentence = valid(sentence)
	var out []facts.Award
	ls := lower(sentence)
	var g grams
	g.add(ls)
	for _, a := range awardsIn(sentence, ls, &g, splitClauses(nil, sentence, ls, true)) {
		out = append(out, a.Award)
	}
	return out
}

type awardHit struct {
	facts.Award
	approx bool
	// naming: the count of one kind only names the recipients of an act
	// told beside it ("Hai tập thể được khen là Ban X và Ban Y").
	naming bool
	// title: read from the headline.
	title bool
	// namedBefore: the count of one kind follows the names of its
	// recipients and "là" ("A và B là hai đơn vị được tặng Giấy khen").
	namedBefore bool
	kind        byte // the kind of a one-count act, else 0
}

// awardsIn reads the awards of s, with ls == lower(s), g its byte pairs
// and cls its clauses with their form words.
func awardsIn(s, ls string, g *grams, cls []clause) []awardHit {
	var out []awardHit
	for _, c := range cls {
		if c.formAt >= 0 {
			out = append(out, clauseAwards(s, ls, g, c)...)
		}
	}
	return out
}

// clause is a part of a sentence between semicolons, [a, b), with the
// offset of its first form word (firstForm of the clause, from a), -1 for
// none, and the word.
type clause struct {
	a, b   int
	formAt int
	form   string
}

// splitClauses splits s at semicolons; with forms, it finds the first form
// word of each clause in ls == lower(s). (No form word holds a
// semicolon.)
//
// The clauses are appended to out.
func splitClauses(out []clause, s, ls string, forms bool) []clause {
	for a := 0; a <= len(s); {
		b := strings.IndexByte(s[a:], ';')
		if b < 0 {
			b = len(s)
		} else {
			b += a
		}
		c := clause{a: a, b: b, formAt: -1}
		if forms {
			c.formAt, c.form = firstForm(ls[a:b])
			// "bản Pa Khen": a form word inside a proper name is none
			for c.formAt >= 0 && inName(s, a+c.formAt, c.form) {
				at := a + c.formAt + len(c.form)
				f, w := firstForm(ls[at:b])
				if f < 0 {
					c.formAt, c.form = -1, ""
					break
				}
				c.formAt, c.form = at-a+f, w
			}
		}
		out = append(out, c)
		a = b + 1
	}
	return out
}

func hasAny(ls string, words []string) bool {
	for _, w := range words {
		if strings.Contains(ls, w) {
			return true
		}
	}
	return false
}

// clauseAwards reads the awards of s[a:b].
func clauseAwards(s, ls string, gr *grams, c clause) []awardHit {
	a, b := c.a, c.b
	cl := ls[a:b]
	formAt, form := c.formAt, c.form
	if formAt < 0 {
		return nil
	}
	// A proposal is not yet an award: "đề nghị ... tặng Bằng khen cho 3
	// tổ chức cơ sở đảng".
	if isProposal(gr, cl, formAt) {
		return nil
	}
	// An emulation title attained or registered for ("92.310 hộ đạt danh
	// hiệu", "đăng ký danh hiệu") is not an act of commendation: a title
	// counts only where it is conferred ("tặng danh hiệu ... cho").
	if onlyTitleForm(cl) && gr.hasAny(cl, attainWords) {
		return nil
	}
	counts := dropNonAwardObjects(ls, a, findCounts(s, ls, a, b))
	if len(counts) == 0 {
		return nil
	}
	// Group counts: a new group starts where a form word stands between two
	// counts ("Bằng khen cho 5 tập thể và Giấy khen cho 10 cá nhân").
	var groups [][]count
	population := map[int]bool{} // groups that only count a whole ("có 1.200 đảng viên, trong đó ...")
	for i, c := range counts {
		if i > 0 {
			between := ls[counts[i-1].end:c.start]
			if gr.contains(between, "trong đó") {
				// "cho 2 tập thể và 3 cá nhân, trong đó 2 tập thể là A và
				// B": the names of the same act's recipients, not a part.
				if restates(groups[len(groups)-1], c) && namesAfter(ls[c.end:b]) {
					groups = append(groups, []count{c})
					continue
				}
				population[len(groups)-1] = true
				groups = append(groups, nil)
				groups[len(groups)-1] = append(groups[len(groups)-1], c)
				continue
			}
			// "cho 2 tập thể là A, B và 1 cá nhân": the names of the
			// recipients do not end the act.
			naming := startsWithAny(strings.TrimLeft(between, " ,"), "là ", "gồm ", "gồm: ", "(") && !strings.ContainsAny(between, ";")
			// "cho 6 tập thể: A, B, C và 11 cá nhân": the list after a
			// colon names the first count's recipients, up to the join.
			naming = naming || strings.HasPrefix(between, ":") && endsWithJoin(between) && !gr.hasAny(between, conferVerbs)
			// "cho 21 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ và 63
			// đảng viên ...": a qualifier between the kinds of one act.
			qualified := counts[i-1].kind == 'c' && c.kind == 'i' && endsWithJoin(between) &&
				utf8.RuneCountInString(between) <= 100 && !gr.hasAny(between, conferVerbs)
			if f, _ := firstForm(between); f >= 0 || len(between) > 40 && !naming && !qualified || c.kind == 'o' || counts[i-1].kind == 'o' {
				groups = append(groups, nil)
			}
		}
		if len(groups) == 0 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], c)
	}
	var out []awardHit
	for gi, g := range groups {
		// A count before every form word is commended only through a
		// passive ("15 tập thể được nhận Giấy khen", "27 tập thể, cá nhân
		// được biểu dương"); else it counts something else ("kết nạp 45
		// đảng viên mới, khen thưởng 10 tập thể").
		fb := lastForm(ls[a:g[0].start])
		if fb == "" {
			last := g[len(g)-1]
			mid := ls[last.end:b]
			if f, _ := firstForm(mid); f >= 0 && last.kind != 'o' {
				mid = mid[:f]
			}
			// "trao tặng 6 tập thể Bằng khen", "tặng thưởng 14 Huân
			// chương": the count right after the verb receives the form
			// right after it.
			direct := afterConferVerb(ls[a:g[0].start]) &&
				(strings.TrimSpace(mid) == "" && len(mid) < b-last.end || gr.hasAny(ls[last.start:last.end], formWords))
			if population[gi] || !gr.hasAny(mid, passiveWords) && !direct {
				continue
			}
		}
		var coll, ind, tot int
		either, combined, approx := false, false, false
		seenC, seenI := false, false
		for _, c := range g {
			tot += c.n
			switch c.kind {
			case 'c':
				coll += c.n
				seenC = true
			case 'i':
				ind += c.n
				seenI = true
			case 'e', 'o':
				either = true
			case 't':
				combined = true
			}
			approx = approx || c.approx
		}
		aw := facts.Award{Total: facts.Int(tot)}
		if !either && !combined {
			aw.Collectives, aw.Individuals = facts.Int(coll), facts.Int(ind)
			// A count cut off by the end of the text: null for the rest.
			last := g[len(g)-1]
			tail := strings.TrimSpace(s[last.end:])
			if b == len(s) && (tail == "," || tail == "và" || tail == ", và") {
				if !seenI {
					aw.Individuals = nil
				}
				if !seenC {
					aw.Collectives = nil
				}
				if aw.Individuals == nil || aw.Collectives == nil {
					aw.Total = nil // the rest is not known
				}
			}
		}
		// The form nearest the group: the last one before it, or the first
		// after.
		f := form
		if fb != "" {
			f = fb
		}
		aw.Form = formText(s, ls, a, b, f)
		aw.ConferredBy = conferrer(s, ls, gr, a, g[0].start, b)
		if ps := vntext.FindPeriods(s[g[len(g)-1].end:b]); len(ps) > 0 {
			aw.Period = ps[0].Text
		} else if ps := vntext.FindPeriods(s[a:b]); len(ps) > 0 {
			aw.Period = ps[0].Text
		}
		aw.Evidence = s
		h := awardHit{Award: aw, approx: approx}
		if len(g) == 1 && (g[0].kind == 'c' || g[0].kind == 'i') {
			h.kind = g[0].kind
			h.naming = namesAfter(ls[g[0].end:b])
			head := strings.TrimRight(ls[a:g[0].start], " ")
			h.namedBefore = strings.HasSuffix(head, " là") && len(head) > len(" là")
		}
		out = append(out, h)
	}
	return out
}

// firstForm returns the offset and word of the first form word in ls.
// At the earliest offset where a form word starts, the longest wins (the
// first listed among equals), in one pass over ls.
func firstForm(ls string) (int, string) {
	for i := 0; i < len(ls); i++ {
		word := ""
		for _, w := range formsByFirst[ls[i]] {
			if len(w) > len(word) && strings.HasPrefix(ls[i:], w) {
				word = w
			}
		}
		if word != "" {
			return i, word
		}
	}
	return -1, ""
}

// formsByFirst lists formWords by their first byte, in list order. Built
// once, never changed.
var formsByFirst = func() (t [256][]string) {
	for _, w := range formWords {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// lastForm returns the form word that ends last in ls, the longest of
// those that end there; "" for none. (It is the form word whose last
// occurrence ends last.) One pass from the end of ls.
func lastForm(ls string) string {
	for e := len(ls); e > 0; e-- {
		word := ""
		for _, w := range formsByLast[ls[e-1]] {
			if len(w) > len(word) && len(w) <= e && ls[e-len(w):e] == w {
				word = w
			}
		}
		if word != "" {
			return word
		}
	}
	return ""
}

// formsByLast lists formWords by their last byte, in list order. Built
// once, never changed.
var formsByLast = func() (t [256][]string) {
	for _, w := range formWords {
		t[w[len(w)-1]] = append(t[w[len(w)-1]], w)
	}
	return t
}()

// formText returns the form as the text writes it, with a second form
// joined by a comma ("biểu dương, khen thưởng").
func formText(s, ls string, a, b int, f string) string {
	cl := ls[a:b]
	i := strings.Index(cl, f)
	if i < 0 {
		return f
	}
	out := s[a+i : a+i+len(f)]
	rest := cl[i+len(f):]
	for _, sep := range []string{", ", " và ", " hoặc "} {
		if strings.HasPrefix(rest, sep) {
			for _, w := range formWords {
				if strings.HasPrefix(rest[len(sep):], w) {
					j := a + i + len(f) + len(sep)
					return lower(out) + sep + lower(s[j:j+len(w)])
				}
			}
		}
	}
	return lower(out)
}

// conferrer reads the body that confers the award: "được X tặng", "của X",
// or the subject before the verb ("Đảng ủy Khối tặng giấy khen cho").
func conferrer(s, ls string, g *grams, a, countAt, b int) string {
	cl := ls[a:b]
	// "được Thủ tướng Chính phủ tặng bằng khen"
	if i := g.index(cl, "được "); i >= 0 {
		rest := s[a+i+len("được ") : b]
		for _, v := range []string{" tặng", " trao", " khen thưởng", " biểu dương", " tuyên dương"} {
			if j := g.index(rest, v); j > 0 && j < 120 && isUpperByteStr(rest) {
				return strings.TrimSpace(rest[:j])
			}
		}
	}
	// "giấy khen của Đảng ủy khối"
	if i := g.index(cl, "khen của "); i >= 0 {
		rest := s[a+i+len("khen của ") : b]
		return orgPhrase(rest)
	}
	// subject: text before the verb, after a leading adverbial.
	head := s[a:countAt]
	for _, v := range []string{" tặng", " trao", " khen thưởng", " biểu dương", " tuyên dương", " quyết định"} {
		if j := g.index(head, v); j > 0 {
			subj := head[:j]
			if k := strings.LastIndex(subj, ", "); k >= 0 {
				subj = subj[k+2:]
			}
			subj = strings.TrimSpace(subj)
			for _, p := range []string{"đã", "cũng", "sẽ"} {
				subj = strings.TrimSpace(strings.TrimSuffix(subj, " "+p))
			}
			if subj != "" && isUpperByteStr(subj) && len(subj) < 150 && !strings.ContainsAny(subj, "0123456789,;") {
				return subj
			}
			break
		}
	}
	return ""
}

// isUpperByteStr tells whether s starts with a capitalised word, as the
// name of a body does.
//
// That is: a word starts s (its first rune belongs in a word) and its
// first rune is upper case.
func isUpperByteStr(s string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return wordRune(r) && unicode.IsUpper(r)
}

// orgPhrase takes the organisation name at the start of s: capitalised
// words and organisation words.
func orgPhrase(s string) string {
	lx := loadLexicon()
	ls := lower(s)
	toks := tokenizeLow(s, ls)
	k := 0
	for k < len(toks) {
		if k > 0 && !gapOK(gap(s, toks[k-1], toks[k])) {
			break
		}
		if !titleWordOK(s, ls, toks, k, lx) {
			break
		}
		k++
	}
	if k == 0 {
		return ""
	}
	return s[toks[0].start:toks[k-1].end]
}

// findCounts finds "N <recipient>" in s[a:b].
func findCounts(s, ls string, a, b int) []count {
	var out []count
	for i := a; i < b; {
		var n, j int
		ok := false
		if i == a || !isWordByte(s[i-1]) {
			n, j, ok = numberAt(s, ls, i, b)
		}
		if !ok {
			// advance one rune
			i++
			for i < b && !utf8Start(s[i]) {
				i++
			}
			continue
		}
		// not part of "66/47", "3,5", "15%" or money
		if i > 0 && (s[i-1] == '/' || s[i-1] == ',' && i > 1 && isDigitByte(s[i-2])) {
			i = j
			continue
		}
		if j < b && (s[j] == '/' || s[j] == '%') {
			i = j
			continue
		}
		// a year ("năm 2022 Đảng bộ xã ...") or a range ("2 - 3 hộ")
		// is no count
		if isDigitByte(s[i]) && (strings.HasSuffix(ls[a:i], "năm ") || inRange(s[a:i])) {
			i = j
			continue
		}
		// "41 đảng viên thuộc 17 tổ chức cơ sở đảng": the count after a
		// word of belonging says where the recipients are, not who
		if endsWithWordAny(strings.TrimRight(ls[a:i], " "), belongWords) {
			i = j
			continue
		}
		k := skipSp(s, j)
		kind, nounEnd := recipientAt(ls, k, b)
		if kind == 0 {
			i = j
			continue
		}
		// "một" is an article ("một vị sư mở lớp học") unless it counts
		// collectives or individuals by name.
		if ls[i:j] == "một" && !strings.HasPrefix(ls[k:], "tập thể") && !strings.HasPrefix(ls[k:], "cá nhân") {
			i = j
			continue
		}
		c := count{n: n, kind: kind, start: i, end: nounEnd}
		// "27 tập thể, cá nhân": a second recipient word with no count.
		if kind != 't' {
			rest := ls[nounEnd:b]
			for _, sep := range []string{", ", " và ", " hoặc ", "/"} {
				if strings.HasPrefix(rest, sep) {
					if k2, e2 := recipientAt(ls, nounEnd+len(sep), b); k2 != 0 {
						c.kind = 't'
						c.end = e2
					}
				}
			}
		}
		before := strings.TrimSpace(ls[max(a, i-12):i])
		for _, w := range approxWords {
			if strings.HasSuffix(before, w) {
				c.approx = true
			}
		}
		if strings.HasSuffix(before, "trong số") || strings.HasSuffix(before, "tổng số") {
			c.approx = true
		}
		out = append(out, c)
		i = c.end
	}
	return out
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// numberAt reads a count at i: "10", "1.525", "hai".
func numberAt(s, ls string, i, b int) (n, end int, ok bool) {
	if i > 0 && isWordByte(s[i-1]) {
		return 0, 0, false
	}
	if isDigitByte(s[i]) {
		j := i
		for j < b && (isDigitByte(s[j]) || (s[j] == '.' && j+3 < b+1 && j+3 <= len(s) && isDigitByte(s[j+1]) && isDigitByte(s[j+2]) && j+3 < len(s) && isDigitByte(s[j+3]) && (j+4 >= len(s) || !isDigitByte(s[j+4])))) {
			j++
		}
		if j-i > 7 {
			return 0, 0, false
		}
		v := 0
		for _, c := range s[i:j] {
			if c >= '0' && c <= '9' {
				v = v*10 + int(c-'0')
			}
		}
		if v == 0 {
			return 0, 0, false
		}
		return v, j, true
	}
	return wordNumberAt(ls, i, b)
}

// wordNumberAt reads a count written in words at i, with its tens and
// units: "hai", "mười", "mười lăm", "hai mươi", "hai mươi mốt".
func wordNumberAt(ls string, i, b int) (n, end int, ok bool) {
	if i >= b || !numberFirst[ls[i]] {
		return 0, 0, false // no number word starts with the byte
	}
	next := func(at int) (string, int) {
		j := strings.IndexByte(ls[at:b], ' ')
		if j <= 0 {
			return "", at
		}
		return ls[at : at+j], at + j + 1
	}
	w, at := next(i)
	v, ok := numberWords[w]
	if !ok || w == "mươi" {
		return 0, 0, false
	}
	n, end = v, at-1
	// tens: "mười" or "hai mươi"
	if w != "mười" {
		if w2, at2 := next(at); w2 == "mươi" {
			n, end, at = v*10, at2-1, at2
		} else {
			return n, end, true
		}
	}
	// units after the tens: "mười lăm", "hai mươi mốt", "ba mươi tư"
	w3, at3 := next(at)
	if u, ok := unitWords[w3]; ok {
		n, end = n+u, at3-1
	}
	return n, end, true
}

// numberFirst marks the first bytes of numberWords.
var numberFirst = func() (t [256]bool) {
	for w := range numberWords {
		t[w[0]] = true
	}
	return t
}()

// unitWords are the units that follow tens in a number written in words.
var unitWords = map[string]int{"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}

// recipientAt reads a recipient word at k: kind 'c', 'i', 'e' or 't'.
func recipientAt(ls string, k, b int) (byte, int) {
	rest := ls[k:b]
	// "152 lượt tập thể, 420 lượt cá nhân": times awarded, of one kind.
	if strings.HasPrefix(rest, "lượt ") {
		if kind, end := recipientAt(ls, k+len("lượt "), b); kind == 'c' || kind == 'i' || kind == 't' {
			return kind, end
		}
	}
	best, kind := 0, byte(0)
	if rest == "" {
		return 0, k
	}
	// the words of collectiveWords, individualWords and eitherWords, in
	// that order, that start with the byte rest does
	for _, rw := range recipientsByFirst[rest[0]] {
		w := rw.word
		if len(w) > best && strings.HasPrefix(rest, w) && (len(rest) == len(w) || !isWordByte(rest[len(w)]) || rest[len(w)] == ' ') {
			best, kind = len(w), rw.kind
		}
	}
	if kind == 'e' && (strings.HasPrefix(rest, "tập thể, cá nhân") || strings.HasPrefix(rest, "tập thể và cá nhân")) {
		kind = 't'
	}
	return kind, k + best
}

// recipientsByFirst lists the recipient words by their first byte:
// collectiveWords (kind 'c'), then individualWords ('i'), then eitherWords
// ('e'), each in list order. Built once, never changed.
var recipientsByFirst = func() (t [256][]recipientWord) {
	for _, l := range []struct {
		words []string
		kind  byte
	}{{collectiveWords, 'c'}, {individualWords, 'i'}, {eitherWords, 'e'}, {objectWords, 'o'}} {
		for _, w := range l.words {
			t[w[0]] = append(t[w[0]], recipientWord{w, l.kind})
		}
	}
	return t
}()

type recipientWord struct {
	word string
	kind byte
}

// mergeAwards keeps one award per count triple (a headline and the body
// naming one act), and drops rough roll-ups ("hơn 5.000 tập thể, cá
// nhân") where other awards are listed.
func mergeAwards(hits []awardHit) []facts.Award {
	exact := 0
	for _, h := range hits {
		if !h.approx {
			exact++
		}
	}
	// A total-only count equal to the total of a split count is the same
	// act told twice (the headline's "37 tập thể, cá nhân").
	splitTotals := map[int]awardHit{}
	for _, h := range hits {
		if h.Collectives != nil && h.Total != nil && !h.approx {
			if _, ok := splitTotals[*h.Total]; !ok {
				splitTotals[*h.Total] = h
			}
		}
	}
	var out []facts.Award
	seen := map[[3]int]int{}
	key := func(a facts.Award) [3]int {
		v := func(p *int) int {
			if p == nil {
				return -1
			}
			return *p
		}
		return [3]int{v(a.Collectives), v(a.Individuals), v(a.Total)}
	}
	for _, h := range hits {
		if h.approx && exact > 0 {
			continue
		}
		if (h.naming || h.title) && partOfOther(h, hits) {
			continue
		}
		if h.namedBefore && namesPartOf(h, hits) {
			continue
		}
		if h.Collectives == nil && h.Total != nil {
			// not where one sentence tells two acts by different forms
			// ("tặng Bằng khen cho 18 tập thể, 27 cá nhân; biểu dương
			// 45 gương")
			if o, ok := splitTotals[*h.Total]; ok && (o.Evidence != h.Evidence || o.Form == h.Form) {
				continue
			}
		}
		if h.title && sumOfOthers(h, hits) {
			continue
		}
		k := key(h.Award)
		if i, ok := seen[k]; ok {
			if out[i].ConferredBy == "" {
				out[i].ConferredBy = h.ConferredBy
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, h.Award)
	}
	return out
}

// sumOfOthers tells whether h, a headline's act, only adds up two or more
// acts of the body: "Khen thưởng 18 tập thể, cá nhân" over a body that
// tells 2 + 3 by one body and 6 + 7 by another. Where h splits its count,
// both kinds must add up.
func sumOfOthers(h awardHit, hits []awardHit) bool {
	if h.Total == nil {
		return false
	}
	var body []awardHit
	for _, o := range hits {
		if !o.title && !o.approx && o.Total != nil && *o.Total < *h.Total {
			body = append(body, o)
		}
	}
	if len(body) < 2 || len(body) > 8 {
		return false
	}
	for set := 1; set < 1<<len(body); set++ {
		if set&(set-1) == 0 {
			continue // one act: the same award, merged elsewhere
		}
		tot, coll, ind, split := 0, 0, 0, true
		for i, o := range body {
			if set&(1<<i) == 0 {
				continue
			}
			tot += *o.Total
			if o.Collectives == nil || o.Individuals == nil {
				split = false
			} else {
				coll += *o.Collectives
				ind += *o.Individuals
			}
		}
		if tot != *h.Total {
			continue
		}
		if h.Collectives == nil || h.Individuals == nil || split && coll == *h.Collectives && ind == *h.Individuals {
			return true
		}
	}
	return false
}

// passiveWords, between a count and a later form word, make the counted
// the receivers: "15 tập thể và 30 cá nhân được nhận Giấy khen".
var passiveWords = awardWords("passive")

// proposalWords mark a clause that proposes an award rather than confers
// it (lower case).
var proposalWords = awardWords("proposal")

// plannedWords, before the first form word of a clause, mark an award
// that is planned or expected, not yet conferred: "Dự kiến, tại hội nghị,
// Ban Thường vụ sẽ khen thưởng 10 tập thể" (lower case, whole words).
var plannedWords = awardWords("planned")

// belongWords, right before a count, make it the bodies the recipients
// belong to: "41 đảng viên thuộc 17 tổ chức cơ sở đảng" (lower case).
var belongWords = awardWords("belong")

// isProposal tells whether the clause cl (lower case, a part of the text
// of g) proposes an award, or plans one: a word of plannedWords before
// formAt, the offset of its first form word in cl (-1 for none).
func isProposal(g *grams, cl string, formAt int) bool {
	if formAt > 0 && isPlanned(cl[:formAt]) {
		return true
	}
	if !g.contains(cl, "đề ") && !g.contains(cl, "xem xét") && !g.contains(cl, "trình") {
		return false
	}
	return g.hasAny(cl, proposalWords)
}

// isPlanned tells whether one of plannedWords stands in ls as whole
// words, not as part of a longer syllable nor naming a document ("Kế
// hoạch số 36-KH/ĐUK", "kế hoạch 15"). ls is the text before the form
// word; a plan told before the act and done since ("sẽ tiếp tục ..., dịp
// này đã tặng") is not this act's: an "đã" after the planned word ends
// it, and "sẽ" plans only the part of the sentence up to its next comma.
func isPlanned(ls string) bool {
	for _, w := range plannedWords {
		for j := wordIndex(ls, w, 0); j >= 0; j = wordIndex(ls, w, j+len(w)) {
			e := j + len(w)
			rest := strings.TrimLeft(ls[e:], " ")
			named := strings.HasPrefix(rest, "số ") || rest != "" && isDigitByte(rest[0])
			if !named && !hasWord(ls[e:], "đã") && (w != "sẽ" || !strings.Contains(ls[e:], ", ")) {
				return true
			}
		}
	}
	return false
}

// hasWord tells whether w stands in ls as a whole word.
func hasWord(ls, w string) bool { return wordIndex(ls, w, 0) >= 0 }

// wordIndex returns the offset of the first occurrence of w in ls at or
// after from that stands as whole words (no word byte right before or
// after it), or -1.
func wordIndex(ls, w string, from int) int {
	for i := from; i <= len(ls); {
		j := strings.Index(ls[i:], w)
		if j < 0 {
			return -1
		}
		j += i
		e := j + len(w)
		if (j == 0 || !isWordByte(ls[j-1])) && (e == len(ls) || !isWordByte(ls[e])) {
			return j
		}
		i = e
	}
	return -1
}

// nonAwardVerbs, right before a count, make it the object of an act that
// is not a commendation: "người đã vận động 37 hộ", "thăm, tặng quà 12 Mẹ
// Việt Nam anh hùng" (lower case).
var nonAwardVerbs = awardWords("non-award verb")

// dropNonAwardObjects drops from counts, found in the clause of ls from a,
// those right after a verb of nonAwardVerbs (an approximation between
// them allowed: "giúp đỡ hơn 30 hộ").
func dropNonAwardObjects(ls string, a int, counts []count) []count {
	out := counts[:0]
	for _, c := range counts {
		head := strings.TrimRight(ls[a:c.start], " ")
		for _, w := range approxWords {
			if h, ok := strings.CutSuffix(head, " "+w); ok {
				head = h
				break
			}
		}
		if !endsWithWordAny(head, nonAwardVerbs) {
			out = append(out, c)
		}
	}
	return out
}

// endsWithWordAny tells whether ls ends with one of words, as whole words.
func endsWithWordAny(ls string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(ls, w) && (len(ls) == len(w) || !isWordByte(ls[len(ls)-len(w)-1])) {
			return true
		}
	}
	return false
}

// conferVerbs are the verbs that confer a commendation, lower case.
var conferVerbs = awardWords("confer verb")

// attainWords say an emulation title was attained or registered for, not
// conferred (lower case).
var attainWords = awardWords("attain")

// onlyTitleForm tells whether "danh hiệu" is the only form word of the
// clause cl.
func onlyTitleForm(cl string) bool {
	if !strings.Contains(cl, "danh hiệu") {
		return false
	}
	for _, w := range formWords {
		if w != "danh hiệu" && strings.Contains(cl, w) {
			return false
		}
	}
	return true
}

// endsWithJoin tells whether the text between two counts ends with "và" or
// a comma.
func endsWithJoin(between string) bool {
	t := strings.TrimSpace(between)
	return strings.HasSuffix(t, " và") || strings.HasSuffix(t, ",")
}

// directConferVerbs confer what follows them directly: "trao tặng 6 tập
// thể Bằng khen" (lower case).
var directConferVerbs = awardWords("direct confer verb")

// afterConferVerb tells whether head (lower case) ends with a verb that
// confers on the count that follows it.
func afterConferVerb(head string) bool {
	head = strings.TrimSpace(head)
	for _, v := range directConferVerbs {
		if strings.HasSuffix(head, v) && (len(head) == len(v) || head[len(head)-len(v)-1] == ' ') {
			return true
		}
	}
	return false
}

// restates tells whether c repeats a count of group g: the same kind and
// number ("2 tập thể và 3 cá nhân, trong đó 2 tập thể là ...").
func restates(g []count, c count) bool {
	for _, p := range g {
		if p.kind == c.kind && p.n == c.n {
			return true
		}
	}
	return false
}

// namesAfter tells whether rest, the lower-case text after a count, goes
// on to name the recipients: "là A và B", ": A, B", "được khen là A".
func namesAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if r, ok := strings.CutPrefix(rest, "được "); ok {
		for _, w := range []string{"khen thưởng", "khen", "tặng", "trao", "biểu dương", "tuyên dương"} {
			if r2, ok := strings.CutPrefix(r, w); ok {
				rest = strings.TrimLeft(r2, " ")
				break
			}
		}
	}
	return strings.HasPrefix(rest, "là ") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "gồm ") || strings.HasPrefix(rest, "gồm:")
}

// inRange tells whether head, the text before a number, ends with the
// first number of a range: "2 - ", "2-", "2 – ".
func inRange(head string) bool {
	h := strings.TrimRight(head, " ")
	switch {
	case strings.HasSuffix(h, "-"):
		h = h[:len(h)-1]
	case strings.HasSuffix(h, "–"):
		h = h[:len(h)-len("–")]
	default:
		return false
	}
	h = strings.TrimRight(h, " ")
	return h != "" && isDigitByte(h[len(h)-1])
}

// partOfOther tells whether h, an act of one kind of recipient that names
// them or a headline's, is part of a larger act among hits: the same
// number of the same kind beside a count of the other kind ("tặng Bằng
// khen cho 2 tập thể và 4 cá nhân. Hai tập thể được khen là ...", or the
// headline's "trao giấy khen cho 5 tập thể" for the body's "5 tập thể và
// 12 cá nhân"). A headline's act must have the same form.
func partOfOther(h awardHit, hits []awardHit) bool {
	if h.kind == 0 || h.Total == nil {
		return false
	}
	n := *h.Total
	for _, o := range hits {
		if o.naming || o.title || o.Collectives == nil || o.Individuals == nil || o.Total == nil || *o.Total <= n {
			continue
		}
		if h.title && !h.naming && o.Form != h.Form {
			continue
		}
		if h.kind == 'c' && *o.Collectives == n && *o.Individuals > 0 || h.kind == 'i' && *o.Individuals == n && *o.Collectives > 0 {
			return true
		}
	}
	return false
}

// namesPartOf tells whether h, a count after the names of its recipients
// ("Phường A và xã B là hai đơn vị được tặng Giấy khen"), names some of
// the recipients of another act in hits: one with at least as many of the
// same kind. Told alone, it is an act of its own.
func namesPartOf(h awardHit, hits []awardHit) bool {
	if h.Total == nil {
		return false
	}
	n := *h.Total
	for _, o := range hits {
		if o.namedBefore || o.title {
			continue
		}
		if h.kind == 'c' && o.Collectives != nil && *o.Collectives >= n ||
			h.kind == 'i' && o.Individuals != nil && *o.Individuals >= n {
			return true
		}
	}
	return false
}

// inName tells whether the bare form word w at i in s is a syllable of a
// proper name: capitalised "Khen" after a capitalised word ("bản Pa
// Khen"). The longer forms ("Bằng khen") are capitalised by right.
func inName(s string, i int, w string) bool {
	if w != "khen" || s[i] != 'K' || i < 2 || s[i-1] != ' ' {
		return false
	}
	j := strings.LastIndexByte(s[:i-1], ' ') + 1
	return isUpperByteStr(s[j : i-1])
}

// awardWords returns the words of one list of data/awardwords.tsv, in
// file order. It panics on a list the file does not have: the lists are
// embedded at build time, and a test reads every one.
func awardWords(list string) []string {
	var out []string
	for _, l := range awardWordLines {
		if len(l) == 2 && l[0] == list {
			out = append(out, l[1])
		}
	}
	if len(out) == 0 {
		panic("match: data/awardwords.tsv has no list " + list)
	}
	return out
}

// awardWordLines are the lines of data/awardwords.tsv, read once when
// the package is initialised (the lists above are built from them then).
var awardWordLines = lines("awardwords.tsv")
