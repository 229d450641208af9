package match

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/facts"
)

// exemplaryCues mark a sentence that names good models (lower case).
var exemplaryCues = []string{"nổi bật", "điểm sáng", "tiêu biểu", "điển hình", "mô hình hay", "cách làm hay", "gương sáng", "làm tốt", "dẫn đầu"}

// exemplaryPrevCues, in the sentence before, announce a list of models
// ("... nhiều mô hình hay. Đó là A với ...; B với ...").
var exemplaryPrevCues = []string{"mô hình hay", "cách làm hay", "điển hình", "tiêu biểu", "nổi bật"}

// exemplaryLeads introduce a list of exemplary units: "Nổi bật có A, B
// và C", "điển hình như A; B", "Tiêu biểu là A với mô hình ...".
var exemplaryLeads = []string{
	"nổi bật có ", "nổi bật là ", "nổi bật như ", "tiêu biểu như ", "tiêu biểu là ", "tiêu biểu có ",
	"điển hình như ", "điển hình là ", "điển hình có ", "nhân rộng như ", "như: ", "gồm: ", "đó là ",
}

// exemplaryLeadGroups is exemplaryLeads grouped by leadKey, in order. The
// earliest end of a lead is the same whatever order they are tried in.
var exemplaryLeadGroups = func() [][]string {
	var out [][]string
	at := map[string]int{}
	for _, l := range exemplaryLeads {
		k := leadKey(l)
		if i, ok := at[k]; ok {
			out[i] = append(out[i], l)
			continue
		}
		at[k] = len(out)
		out = append(out, []string{l})
	}
	return out
}()

// leadKey returns a lead without its last word ("nổi bật có " → "nổi
// bật "), or the lead itself when it has one word.
func leadKey(l string) string {
	if i := strings.LastIndexByte(strings.TrimSuffix(l, " "), ' '); i > 0 {
		return l[:i+1]
	}
	return l
}

// awardedLeads introduce a list of commended units after a form word:
// "tặng Bằng khen cho A và B", "Các tập thể được khen gồm: A, B",
// "trong đó có A".
var awardedLeads = []string{"cho ", "gồm: ", "gồm ", "trong đó có ", "trong đó ", "tập thể là ", "đơn vị là ", "tập thể: ", "đơn vị: "}

// modelTails follow a unit named for its model: "A với mô hình “...”",
// "A - mô hình hợp tác xã kiểu mới điển hình".
var modelTails = []string{"với mô hình", "với phong trào", "với cách làm", "với sáng kiến", "với công trình", "- mô hình", "– mô hình"}

// modelOwners stand between a model's quoted name and the unit that runs
// it: "mô hình “Hiến đất làm đường” của xã Mèo Vạc".
var modelOwners = []string{"” của ", "\" của ", "» của "}

// exemplaryPredicates follow a subject list named exemplary: "A và B là
// những điển hình", "A được đánh giá là điển hình tiêu biểu".
var exemplaryPredicates = []string{"là những điển hình", "là điển hình", "là một trong những", "là những đơn vị", "là đơn vị", "là những tập thể", "là những gương", "được đánh giá là", "được đánh giá cao", "được nêu gương", "được công nhận là", "được chọn là", "là các đơn vị", "là những địa phương", "là các địa phương", "là địa phương", "được công nhận đơn vị"}

// awardedPredicates follow a subject list that receives an award: "Huyện
// đoàn X được tặng Bằng khen", "Đảng bộ xã Y vinh dự nhận Cờ thi đua".
var awardedPredicates = []string{"vinh dự được", "vinh dự nhận", "vinh dự đón nhận", "được", "đã được", "nhận", "đã nhận", "đón nhận", "cũng được"}

// Units returns the organisations one sentence names as commended
// ("tặng giấy khen cho Huyện đoàn Cần Giuộc", "Huyện đoàn X được tặng Bằng
// khen": awarded) or as exemplary ("Nổi bật có Đảng bộ cơ sở Cục Thuế tỉnh;
// ...", "điển hình như ...", "X với mô hình ...", "A và B là những điển
// hình", "mô hình “...” của A"). prev is the sentence before, which may
// carry the cue for a list ("... nhiều mô hình hay. Đó là A với ...; B
// với ...").
func Units(sentence, prev string) []facts.Unit {
	sentence, prev = valid(sentence), valid(prev)
	lx := loadLexicon()
	ls, lp := lower(sentence), lower(prev)
	toks := tokenizeLow(sentence, ls)
	return mergeUnits(unitsIn(sentence, ls, toks, lx.cuesOf(toks), announcesModels(lp, lx.cuesOf(tokenize(lp)))))
}

// announcesModels tells whether a sentence (lower case, with its cues)
// announces a list of models that the next sentence may hold.
func announcesModels(ls string, cues cue) bool {
	return cues&cueExemplary != 0 && hasAny(ls, exemplaryPrevCues)
}

// modelCue tells whether ls names a unit for its model: a model tail, or
// "mô hình" with a model owner. Every model tail holds "với " or "mô
// hình", so a sentence with neither is spared the rest.
func modelCue(ls string) bool {
	mh := strings.Contains(ls, "mô hình")
	if (mh || strings.Contains(ls, "với ")) && hasAny(ls, modelTails) {
		return true
	}
	return mh && hasAny(ls, modelOwners)
}

// unitsIn is Units with the sentence lower-cased (ls), its words and cues;
// prevExemplary tells that the sentence before announced or began a list
// of models.
func unitsIn(sentence, ls string, toks []token, cues cue, prevExemplary bool) []facts.Unit {
	exemplary := cues&cueExemplary != 0 && hasAny(ls, exemplaryCues)
	form := cues&cueForm != 0
	if !form && cues&cueExemplary == 0 && !prevExemplary {
		return nil
	}
	lx := loadLexicon()
	var out []facts.Unit
	seen := map[string]int{}
	add := func(name, role string) {
		name = strings.TrimSpace(strings.TrimRight(name, " ,;.…"))
		if name == "" {
			return
		}
		if i, ok := seen[name]; ok {
			// a unit both commended and named exemplary is commended
			if role == facts.RoleAwarded {
				out[i].Role = role
			}
			return
		}
		seen[name] = len(out)
		out = append(out, facts.Unit{Name: name, Role: role, Evidence: sentence})
	}
	// Clauses split by ";" are read apart: "A được tặng Bằng khen; B tặng
	// giấy khen cho ...".
	for a := 0; a <= len(sentence); {
		b := strings.IndexByte(sentence[a:], ';')
		if b < 0 {
			b = len(sentence)
		} else {
			b += a
		}
		formAt := unitsInClause(sentence, ls, a, b, form, lx, add)
		listUnits(sentence, ls, a, b, formAt, lx, add)
		a = b + 1
	}
	if exemplary || prevExemplary {
		exemplaryUnits(sentence, ls, lx, add)
	}
	if prevExemplary || exemplary || modelCue(ls) {
		modelUnits(sentence, ls, exemplary || prevExemplary, lx, add)
	}
	// "Là một trong những đơn vị điển hình ..., Chi bộ X đã ..."
	if exemplary {
		if i := strings.Index(ls, "một trong những đơn vị"); i >= 0 {
			if j := strings.Index(sentence[i:], ", "); j >= 0 {
				rest := sentence[i+j+2:]
				// skip an adverbial ", thời gian qua,"
				for k := 0; k < 2; k++ {
					if name, ok := unitAt(rest, lx); ok {
						add(name, facts.RoleExemplary)
						break
					}
					if j2 := strings.Index(rest, ", "); j2 >= 0 && j2 < 40 {
						rest = rest[j2+2:]
					}
				}
			}
		}
	}
	return out
}

// unitsInClause reads the units of the clause s[a:b].
func unitsInClause(s, ls string, a, b int, form bool, lx *lexicon, add func(name, role string)) (formAt int) {
	cl := ls[a:b]
	formAt = -1
	if form {
		formAt, _ = firstForm(cl)
	}
	if formAt >= 0 {
		formAt += a
	}
	proposal := isProposal(cl)
	// Awarded: a list after a form word, "cho <list>", "gồm: <list>",
	// "trong đó có <list>".
	if form && formAt >= 0 && !proposal {
		for _, lead := range awardedLeads {
			for i := range occurrences(ls, lead, formAt, b) {
				if i > 0 && isWordByte(ls[i-1]) {
					continue
				}
				at, end := i+len(lead), b
				if p, q, ok := countedParen(s, at, b); ok {
					at, end = p, q
				}
				names, _ := readUnitList(s, at, end, false, lx)
				for _, n := range names {
					add(n, facts.RoleAwarded)
				}
			}
		}
	}
	// The subject of the clause: "Huyện đoàn X được tặng Bằng khen", "A và
	// B là những điển hình".
	for _, start := range clauseStarts(s, a, b) {
		names, end := readUnitList(s, start, b, false, lx)
		if len(names) == 0 {
			continue
		}
		rest := strings.TrimLeft(ls[end:b], " ,")
		switch {
		case form && !proposal && startsWithAny(rest, awardedPredicates...) && formAfter(rest):
			for _, n := range names {
				add(n, facts.RoleAwarded)
			}
		case startsWithAny(rest, exemplaryPredicates...) && (hasAny(rest, exemplaryCues) || strings.Contains(rest, "gương") || strings.Contains(rest, "xuất sắc")):
			for _, n := range names {
				add(n, facts.RoleExemplary)
			}
		}
		break
	}
	return formAt
}

// countedNouns are the collective nouns a count of commended units may
// take before naming them in parentheses.
var countedNouns = []string{"tập thể", "đơn vị", "cơ quan", "địa phương"}

// countedParen finds, at s[i:b], a count of units whose names follow in
// parentheses, "1 tập thể (Đồn Biên phòng Cà Xèng)", and returns the
// bounds of the parenthesised names.
func countedParen(s string, i, b int) (int, int, bool) {
	j := i
	for j < b && isDigitByte(s[j]) {
		j++
	}
	if j == i || j >= b || s[j] != ' ' {
		return 0, 0, false
	}
	rest := s[j+1 : b]
	for _, n := range countedNouns {
		if !strings.HasPrefix(rest, n+" (") {
			continue
		}
		p := j + 1 + len(n) + 2
		q := strings.IndexByte(s[p:b], ')')
		if q <= 0 {
			return 0, 0, false
		}
		return p, p + q, true
	}
	return 0, 0, false
}

// exemplaryUnits reads the units a sentence with an exemplary cue names:
// a list after a lead ("Nổi bật có A, B và C; D"), and units named for
// their model anywhere ("A với mô hình ...", "“...” của xã B").
func exemplaryUnits(s, ls string, lx *lexicon, add func(name, role string)) {
	a, b := 0, len(s)
	cl := ls
	// Exemplary lists after a lead: "Nổi bật có A, B và C".
	leadAt := -1
	for _, g := range exemplaryLeadGroups {
		// leads that share a first word are looked for only where it is
		if len(g) > 1 && !strings.Contains(cl, leadKey(g[0])) {
			continue
		}
		for _, lead := range g {
			if i := strings.Index(cl, lead); i >= 0 && (leadAt < 0 || a+i+len(lead) < leadAt) {
				leadAt = a + i + len(lead)
			}
		}
	}
	// "Tiêu biểu trong phong trào có A", "Điển hình trong thực hiện nghị
	// quyết là A", "trở thành điển hình tiên tiến của huyện như A": a cue,
	// then "là", "có" or "như".
	if leadAt < 0 {
		for _, c := range []string{"tiêu biểu ", "nổi bật ", "điển hình ", "điểm sáng "} {
			if i := strings.Index(cl, c); i >= 0 {
				for _, v := range []string{" là ", " có ", " như ", ": "} {
					if j := strings.Index(cl[i:], v); j >= 0 && j < 90 {
						leadAt = a + i + j + len(v)
						break
					}
				}
				break
			}
		}
	}
	if leadAt >= 0 {
		names, _ := readUnitList(s, leadAt, b, true, lx)
		for _, n := range names {
			add(n, facts.RoleExemplary)
		}
	}
}

// modelUnits reads the units a sentence names for their model: "A với mô
// hình ...", "“Nhà văn hóa sạch” của xã Lâm Bình" (in a sentence about
// models), and, where the sentence is a list of models (listed), each
// ";"-item "A với ...".
func modelUnits(s, ls string, listed bool, lx *lexicon, add func(name, role string)) {
	a, b := 0, len(s)
	for i := a; i < b && hasAny(ls, modelTails); {
		name, ok := unitAt(s[i:b], lx)
		if ok {
			e := i + len(name)
			rest := strings.TrimLeft(skipParen(s, e, b), " ,")
			// a place after a comma is an address ("Nông dân Lê Văn Tám,
			// ấp Trung Bình Nhất, xã Vọng Thê với mô hình ...")
			address := i >= 2 && s[i-2:i] == ", " && placeOf(name, lx) > 0
			if !address && startsWithAny(lower(prefixN(rest, 40)), modelTails...) {
				add(name, facts.RoleExemplary)
			}
			i = e
			continue
		}
		i = nextWord(s, i, b)
	}
	if !listed && !strings.Contains(ls, "mô hình") {
		return
	}
	for _, q := range modelOwners {
		for i := range occurrences(s, q, a, b) {
			if name, ok := unitAt(s[i+len(q):b], lx); ok {
				add(name, facts.RoleExemplary)
			}
		}
	}
	if !listed {
		return
	}
	// "Đó là A với ...; B với ...; Bên cạnh đó, C với ..."
	for _, item := range strings.Split(s, ";") {
		item = strings.TrimLeft(item, " .…")
		for _, lead := range []string{"Bên cạnh đó, ", "Ngoài ra, ", "Đó là ", "Đó ", "và "} {
			item = strings.TrimPrefix(item, lead)
		}
		if name, ok := unitAt(item, lx); ok && strings.HasPrefix(skipParen(item, len(name), len(item)), " với ") {
			add(name, facts.RoleExemplary)
		}
	}
}

// clauseStarts returns where the subject of s[a:b] may start: the clause's
// start, and after an opening adverbial ("Dịp này, ", "Năm qua, ").
func clauseStarts(s string, a, b int) []int {
	i := skipSp(s, a)
	out := []int{i}
	if j := strings.Index(s[i:b], ", "); j >= 0 && j < 40 {
		out = append(out, i+j+2)
	}
	return out
}

// formAfter tells whether a form word ("Bằng khen", "Cờ thi đua") comes
// early in rest.
func formAfter(rest string) bool {
	f, _ := firstForm(prefixN(rest, 80))
	return f >= 0
}

// readUnitList reads a list of units starting at s[i:], within s[:b]:
// items split by ",", ";" and "và", each starting with an organisation
// head; a parenthetical after an item ("(TP Hạ Long)") is skipped. With
// tails, an item may be followed by words about it ("với mô hình “...”")
// before the next separator. It returns the names and where the last one
// (with its parenthetical) ends.
func readUnitList(s string, i, b int, tails bool, lx *lexicon) ([]string, int) {
	var names []string
	end := i
	for i < b {
		i = skipSp(s, i)
		name, ok := unitAt(s[i:b], lx)
		if !ok {
			break
		}
		e := i + len(name)
		// "Chi bộ khu phố 7, phường 10": a place of a higher level after a
		// comma locates the unit before it.
		if n := len(names); n > 0 && s[end:i] == ", " {
			if lv := placeOf(name, lx); lv > 0 && lv > lastPlace(names[n-1], lx) && lastPlace(names[n-1], lx) > 0 {
				names[n-1] += ", " + name
				name = ""
			}
		}
		if name != "" {
			names = append(names, name)
		}
		e = b - len(skipParen(s, e, b))
		end = e
		next := -1
		for _, sep := range []string{", và ", ", ", "; ", " và ", " cùng "} {
			if strings.HasPrefix(s[e:b], sep) {
				if _, ok := unitAt(s[e+len(sep):b], lx); ok {
					next = e + len(sep)
				} else if sep == "; " {
					next = subListAt(s, e+len(sep), b, lx)
				}
				break
			}
		}
		if next < 0 && tails {
			next = nextItem(s, e, b, lx)
		}
		if next < 0 {
			break
		}
		i = next
	}
	return names, end
}

// subListAt returns where, after a ";" in a list, a group of it names its
// units again ("...; các cơ sở tôn giáo như chùa Phổ Minh, Giáo xứ Tắc
// Cậu"): a short lower-case phrase, "như" and a unit; -1 otherwise.
func subListAt(s string, i, b int, lx *lexicon) int {
	if i >= b || !isWordByte(s[i]) || isCap(firstWord(s[i:b])) {
		return -1
	}
	j := strings.Index(prefixN(s[i:b], 60), " như ")
	if j < 0 || strings.ContainsAny(s[i:i+j], ",;:“\"(") {
		return -1
	}
	at := i + j + len(" như ")
	if _, ok := unitAt(s[at:b], lx); !ok {
		return -1
	}
	return at
}

// nextItem finds, after the tail of a list item, the next separator outside
// quotes that is followed by a unit; -1 when there is none.
func nextItem(s string, e, b int, lx *lexicon) int {
	inQuote := false
	for k := e; k < b; k++ {
		switch {
		case strings.HasPrefix(s[k:], "“"):
			inQuote = true
		case strings.HasPrefix(s[k:], "”"):
			inQuote = false
		case s[k] == '"':
			inQuote = !inQuote
		}
		if inQuote {
			continue
		}
		for _, sep := range []string{", ", "; ", " và "} {
			if strings.HasPrefix(s[k:b], sep) {
				if _, ok := unitAt(s[k+len(sep):b], lx); ok {
					return k + len(sep)
				}
			}
		}
	}
	return -1
}

// skipParen returns s[e:b] after a parenthetical right at e: " (TP Hạ
// Long)", " (Kiến Xương)".
func skipParen(s string, e, b int) string {
	rest := s[e:b]
	if strings.HasPrefix(rest, " (") {
		if j := strings.IndexByte(rest, ')'); j > 0 && j < 80 {
			return rest[j+1:]
		}
	}
	return rest
}

// nextWord returns the start of the word after the one at i.
func nextWord(s string, i, b int) int {
	for i < b && isWordByte(s[i]) {
		i++
	}
	for i < b && !isWordByte(s[i]) {
		i++
	}
	return i
}

// prefixN returns the first n bytes of s, cut back to a rune boundary.
func prefixN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// unitAt reads an organisation or a place named as a unit at the start of
// s: an organisation head word ("Huyện đoàn", "Chi bộ", "Hội", "UBMTTQ")
// or a place type before a capitalised name or a number ("huyện Châu
// Thành", "TP.Tân An", "phường 25"), run on over organisation words,
// capitalised words and numbers. "và" continues a name only where no new
// unit starts after it ("Công ty CP Supe Phốt phát và Hóa chất Lâm Thao").
func unitAt(s string, lx *lexicon) (string, bool) {
	if s == "" || !isWordByte(s[0]) {
		return "", false
	}
	// Only a word that can open a unit is worth tokenising.
	fw := firstWord(s)
	if !lx.unitFirst[fw] && !lx.unitFirst[lower(fw)] {
		return "", false
	}
	var buf [64]token
	p := prefixN(s, 200)
	toks := appendTokens(buf[:0], p, "")
	if len(toks) == 0 || toks[0].start != 0 {
		return "", false
	}
	head := headAt(s, toks, 0, lx)
	if head == 0 {
		return "", false
	}
	// A person is not a unit.
	if titleAt(toks, 0, lx) > 0 {
		return "", false
	}
	k := head
	for k < len(toks) {
		g := gap(s, toks[k-1], toks[k])
		if g != " " && g != "." && g != " - " {
			break
		}
		if g == " - " && !isCap(toks[k].text) {
			break
		}
		// a unit of the one before: "Công ty CP Đường Quảng Ngãi - Nhà máy
		// Đường An Khê"
		if g == " - " {
			if n := headAt(s, toks, k, lx); n > 0 {
				k += n
				continue
			}
		}
		// a place inside the name: "Chi bộ làng Ia Ly", "Đảng bộ phường 25"
		if g == " " && toks[k].low != "và" {
			if n := headAt(s, toks, k, lx); n > 0 && !isUpperWord(toks[k].text) {
				k += n
				continue
			}
		}
		// "Tổ dân phố số 9", "Chi bộ số 3"
		if toks[k].low == "số" && k+1 < len(toks) && isDigitByte(toks[k+1].text[0]) {
			k += 2
			continue
		}
		if !titleWordOK(toks, k, lx) {
			break
		}
		if titleAt(toks, k, lx) > 0 {
			break
		}
		// "và" between two lower-case name words joins them: "Trung tâm
		// Ứng dụng tiến bộ khoa học và công nghệ".
		lowJoin := toks[k].low == "và" && k+1 < len(toks) && k > head && !isCap(toks[k-1].text) &&
			!isCap(toks[k+1].text) && titleWordOK(toks, k+1, lx) &&
			!isDigitByte(toks[k-1].text[0]) && headAt(s, toks, k+1, lx) == 0
		if toks[k].low == "và" && !lowJoin && (k+1 >= len(toks) || headAt(s, toks, k+1, lx) > 0 || !isCap(toks[k+1].text) && !isAbbrev(toks[k+1].text)) {
			break
		}
		k++
	}
	for k > head && (toks[k-1].low == "và" || toks[k-1].low == "các") {
		k--
	}
	if k == head && !isAbbrev(toks[0].text) && !lx.wholeHeads[s[:toks[k-1].end]] {
		// a bare head word ("Hội", "Chi bộ") is not a name
		return "", false
	}
	return s[:toks[k-1].end], true
}

// placeOf returns the level of the place a unit name starts with ("xã
// Hòa Hiệp": 2, "khu phố 7": 1), or 0 when it starts with an
// organisation head.
func placeOf(name string, lx *lexicon) int {
	for _, pt := range lx.placeTypes {
		if strings.HasPrefix(name, pt) {
			return lx.placeLevel[pt]
		}
	}
	return 0
}

// lastPlace returns the level of the last place type inside a unit name
// ("Chi bộ khu phố 7": 1), or 0.
func lastPlace(name string, lx *lexicon) int {
	name = lower(name)
	best, at := 0, -1
	for _, pt := range lx.placeTypes {
		if i := strings.LastIndex(name, pt+" "); i > at && (i == 0 || name[i-1] == ' ') {
			best, at = lx.placeLevel[pt], i
		}
	}
	return best
}

// headAt returns the length in words of the organisation head or the
// place type (with its name's first word) at token i, or 0.
func headAt(s string, toks []token, i int, lx *lexicon) int {
	for _, h := range lx.orgHeadsByFirst[toks[i].text] {
		if i+len(h) > len(toks) {
			continue
		}
		ok := true
		for k, w := range h {
			if toks[i+k].text != w {
				ok = false
				break
			}
		}
		if ok {
			return len(h)
		}
	}
	pts := lx.placeTypesByFirst[toks[i].text]
	if lw := toks[i].low; lw != toks[i].text && isCap(toks[i].text) {
		// a place type that opens a sentence or a list item is
		// capitalised: "Thành phố Uông Bí", "Huyện Tiên Yên"
		pts = append(pts[:len(pts):len(pts)], lx.placeTypesByFirst[lw]...)
	}
	for _, pt := range pts {
		n := len(pt)
		if i+n >= len(toks) {
			continue
		}
		ok := true
		for k, w := range pt {
			if toks[i+k].text != w && (k > 0 || toks[i].low != w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		next := toks[i+n]
		g := s[toks[i+n-1].end:next.start]
		if g != " " && g != "." && g != "" {
			continue
		}
		if isCap(next.text) || isDigitByte(next.text[0]) || isAbbrev(next.text) {
			return n
		}
	}
	return 0
}

// subjectPredicates follow a list of units at the start of a clause that
// the clause names exemplary or commended: "A và B được đánh giá là điển
// hình", "A, B là những đơn vị được khen thưởng", "A và B được giới thiệu
// là những mô hình ... tiêu biểu".
var subjectPredicates = []string{
	" được đánh giá là", " được nêu là", " được biểu dương là", " được giới thiệu là",
	" được tuyên dương là", " được vinh danh là", " được xem là", " được coi là", " được chọn là",
	" được chọn làm", " được công nhận là", " được ghi nhận là", " được đánh giá cao",
	" được nêu gương", " là những", " là một trong ", " là điển hình", " là đơn vị",
	" là mô hình", " là tập thể", " trở thành điển hình", " trở thành những điển hình",
	" là doanh nghiệp", " là địa phương", " là chi bộ", " là đảng bộ", " là hợp tác xã",
	" là cơ quan", " là tổ chức", " là trường", " là một đơn vị", " là một điển hình",
	" là một mô hình", " là lá cờ đầu", " là các ", " được công nhận đơn vị",
}

// commendVerbs are the form words used as verbs, which a list of the units
// commended may follow directly: "biểu dương Hội Cựu chiến binh xã An Phú
// và Chi hội Phụ nữ ấp 2".
var commendVerbs = []string{"biểu dương", "tuyên dương", "khen thưởng", "vinh danh", "tôn vinh"}

// predicateCues, after a subject predicate, make the subjects exemplary.
var predicateCues = []string{"điển hình", "tiêu biểu", "nổi bật", "xuất sắc", "gương", "mô hình", "dẫn đầu", "làm tốt", "sáng tạo"}

// listLeads, right after a form word, open a list of its recipients:
// "Trong số các gương được vinh danh có A và B", "được khen thưởng gồm: A".
var listLeads = []string{" có ", " gồm: ", " gồm ", " là ", ": ", " như: ", " như "}

// listAdverbs may stand between a form word and the lead of its list:
// "Các tập thể được biểu dương, khen thưởng lần này có A, B".
var listAdverbs = []string{" lần này", " đợt này", " dịp này", " năm nay"}

// trimListAdverb cuts a trailing adverb of listAdverbs off s.
func trimListAdverb(s string) string {
	for _, a := range listAdverbs {
		if strings.HasSuffix(s, a) {
			return s[:len(s)-len(a)]
		}
	}
	return s
}

// itemTails end the name of a listed unit: what follows is about it ("A
// với mô hình ...", "B thuộc Tiểu đoàn 4", "C có thành tích ...").
var itemTails = []string{" với ", " thuộc ", " có ", " đã ", " vì ", " trong ", " được ", " nhiều năm", " dẫn đầu", " hoàn thành", " đạt ", " tiêu biểu", " xuất sắc", " điển hình", " là "}

// listUnits reads the lists of units in the clause s[a:b] that the
// list-and-predicate shapes of the genre name: a subject list before a
// predicate of praise, and a list after a form word and "có", "gồm", "là".
// Items are split at commas and "và" outside quotes and parentheses; an
// item that starts no unit goes on with the name before it ("Sở Văn hóa,
// Thể thao và Du lịch") or locates it ("Chi bộ khu phố 5, phường 9").
func listUnits(s, ls string, a, b, formAt int, lx *lexicon, add func(name, role string)) {
	cl := ls[a:b]
	subjectUnits(s, cl, a, lx, add)
	if formAt < 0 || isProposal(cl) {
		return // no form word, or a proposal: not an award
	}
	addAll := func(from int) {
		for _, n := range splitUnits(s, from, b, lx) {
			add(n, facts.RoleAwarded)
		}
	}
	// A list after a form word and a lead: "tặng Cờ thi đua cho 2 tập thể
	// là Sở Văn hóa, Thể thao và Du lịch và Phòng ...".
	if f := formAt - a; f >= 0 {
		for _, lead := range awardedLeads {
			if lead == "cho " {
				continue
			}
			if i := strings.Index(cl[f:], lead); i >= 0 && (f+i == 0 || !isWordByte(cl[f+i-1])) {
				addAll(a + f + i + len(lead))
			}
		}
	}
	// A list right after a verb of commendation: "biểu dương Hội Cựu
	// chiến binh xã An Phú và Chi hội Phụ nữ ấp 2".
	for _, v := range commendVerbs {
		for i := range occurrences(cl, v, 0, len(cl)) {
			if end := i + len(v); end < len(cl) && cl[end] == ' ' {
				addAll(a + end + 1)
			}
		}
	}
	// A list after a form word and "có", "gồm", "là": "Trong số các gương
	// được vinh danh có A và B".
	if !strings.Contains(cl, " có ") && !strings.Contains(cl, " gồm") && !strings.Contains(cl, " là ") && !strings.Contains(cl, ": ") && !strings.Contains(cl, " như ") {
		return
	}
	for _, lead := range listLeads {
		for i := range occurrences(cl, lead, 0, len(cl)) {
			before := trimListAdverb(cl[:i])
			for _, f := range formWords {
				if strings.HasSuffix(before, f) {
					addAll(a + i + len(lead))
					break
				}
			}
		}
	}
}

// subjectUnits reads a subject list before a predicate of praise in the
// clause cl (lower case) that starts at a in s: "A và B được đánh giá là
// điển hình", "A, B là những đơn vị được khen thưởng".
func subjectUnits(s, cl string, a int, lx *lexicon, add func(name, role string)) {
	if !strings.Contains(cl, " là ") && !strings.Contains(cl, " được ") && !strings.Contains(cl, " trở thành ") {
		return
	}
	p := predicateAt(cl)
	if p <= 0 {
		return
	}
	rest := prefixN(cl[p:], 160)
	role := ""
	switch {
	case hasAny(rest, predicateCues):
		role = facts.RoleExemplary
	case hasAny(rest, formWords) && !strings.Contains(rest, "đề nghị"):
		role = facts.RoleAwarded
	default:
		return
	}
	for _, start := range clauseStarts(s, a, a+p) {
		if names := pluralPlaces(s[start:a+p], lx); len(names) > 0 {
			for _, n := range names {
				add(n, role)
			}
			return
		}
		if _, ok := unitAt(s[start:a+p], lx); !ok {
			continue
		}
		for _, n := range splitUnits(s, start, a+p, lx) {
			add(n, role)
		}
		return
	}
}

// predicateAt returns the offset of the first subject predicate in cl, or
// -1: every predicate starts with " là ", " được " or " trở thành ".
func predicateAt(cl string) int {
	for i := 0; i < len(cl); i++ {
		if cl[i] != ' ' {
			continue
		}
		r := cl[i+1:]
		if !strings.HasPrefix(r, "là ") && !strings.HasPrefix(r, "được ") && !strings.HasPrefix(r, "trở thành ") {
			continue
		}
		for _, p := range subjectPredicates {
			if strings.HasPrefix(cl[i:], p) {
				return i
			}
		}
	}
	return -1
}

// splitUnits splits s[i:b] into the units it lists (see listUnits).
func splitUnits(s string, i, b int, lx *lexicon) []string {
	// A list of units starts with a capital, or with a person named first.
	i = skipSp(s, i)
	if i >= b {
		return nil
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsUpper(r) && !startsWithAny(lower(prefixN(s[i:b], 20)), personWords...) {
		return nil
	}
	var names []string
	items, joins := splitItems(s[i:b])
	for k, item := range items {
		item = cutTail(strings.TrimSpace(item))
		// a parenthetical locating the unit: "Đảng bộ phường Bãi Cháy (TP
		// Hạ Long)"
		if strings.HasSuffix(item, ")") {
			if j := strings.LastIndex(item, " ("); j > 0 {
				item = item[:j]
			}
		}
		if item == "" {
			continue
		}
		n := len(names)
		fw := firstWord(item)
		switch {
		case n > 0 && joins[k] == ", " && placeOf(item, lx) > lastPlace(names[n-1], lx) && lastPlace(names[n-1], lx) > 0 && len(strings.Fields(item)) <= 4:
			// "Chi bộ khu phố 5, phường 9"
			names[n-1] += ", " + item
		case isPersonItem(item, lx):
			// "bà Nguyễn Thị Oanh (phường Liễu Giai) 15 năm nấu cơm ..."
		case unitOK(item, lx):
			names = append(names, item)
		case n > 0 && isCap(fw) && len(strings.Fields(item)) <= 4 && !strings.ContainsAny(item, "0123456789"):
			// "Sở Văn hóa, Thể thao và Du lịch"
			names[n-1] += joins[k] + item
		default:
			return names // the list is over
		}
	}
	return names
}

// unitOK tells whether a list item is a unit's name.
func unitOK(item string, lx *lexicon) bool {
	_, ok := unitAt(item, lx)
	return ok && len(strings.Fields(item)) <= 14
}

// personWords open a list item that names a person.
var personWords = []string{"ông ", "bà ", "anh ", "chị ", "em ", "cháu ", "cụ ", "đồng chí ", "đ/c ", "gia đình ", "hộ "}

// isPersonItem tells whether a list item names a person ("bà Nguyễn Thị
// Oanh ...", "Nguyễn Văn A").
func isPersonItem(item string, lx *lexicon) bool {
	if startsWithAny(lower(prefixN(item, 20)), personWords...) {
		return true
	}
	f := strings.Fields(item)
	return len(f) >= 2 && lx.surnames[f[0]] && isCap(f[1]) && !unitOK(item, lx)
}

// cutTail cuts what a list item says about its unit.
func cutTail(item string) string {
	li := lower(item)
	cut := len(item)
	for _, t := range itemTails {
		if j := strings.Index(li, t); j > 0 && j < cut {
			cut = j
		}
	}
	return strings.TrimRight(item[:cut], " ,.;:…")
}

// splitItems splits a list at ", ", " và " and "; " outside quotes and
// parentheses, returning the items and the separator before each.
func splitItems(s string) (items, joins []string) {
	depth, quote := 0, false
	last, join := 0, ""
	for k := 0; k < len(s); k++ {
		switch c := s[k]; {
		case c == '(':
			depth++
		case c == ')':
			if depth > 0 {
				depth--
			}
		case c == '"':
			quote = !quote
		case strings.HasPrefix(s[k:], "“"):
			quote = true
		case strings.HasPrefix(s[k:], "”"):
			quote = false
		}
		if depth > 0 || quote {
			continue
		}
		for _, sep := range []string{", và ", ", ", "; ", " và "} {
			if strings.HasPrefix(s[k:], sep) {
				items = append(items, s[last:k])
				joins = append(joins, join)
				join = sep
				last = k + len(sep)
				k = last - 1
				break
			}
		}
	}
	items = append(items, s[last:])
	joins = append(joins, join)
	return items, joins
}

// pluralPlaces reads a place type said once for a list of names, "Các
// phường Hoàng Liệt, Yên Sở, Vĩnh Hưng": each name with the type ("phường
// Hoàng Liệt"). s is the subject up to its predicate; every item must be a
// short capitalised name, else nothing is read.
func pluralPlaces(s string, lx *lexicon) []string {
	ls := lower(s)
	var rest string
	for _, p := range []string{"các ", "những "} {
		if strings.HasPrefix(ls, p) {
			rest = s[len(p):]
		}
	}
	if rest == "" {
		return nil
	}
	lr := lower(rest)
	for _, pt := range lx.placeTypes {
		if pt != lower(pt) || !strings.HasPrefix(lr, pt+" ") {
			continue
		}
		items, _ := splitItems(strings.TrimSpace(rest[len(pt)+1:]))
		if len(items) < 2 {
			return nil
		}
		var out []string
		for _, it := range items {
			it = strings.TrimSpace(it)
			f := strings.Fields(it)
			if len(f) == 0 || len(f) > 4 {
				return nil
			}
			for _, w := range f {
				if !isCap(w) && !isDigitByte(w[0]) {
					return nil
				}
			}
			out = append(out, pt+" "+it)
		}
		return out
	}
	return nil
}

// occurrences yields the start of each non-overlapping occurrence of sub
// (not empty) in s[from:to], left to right.
func occurrences(s, sub string, from, to int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for {
			i := strings.Index(s[from:to], sub)
			if i < 0 {
				return
			}
			i += from
			if !yield(i) {
				return
			}
			from = i + len(sub)
		}
	}
}
