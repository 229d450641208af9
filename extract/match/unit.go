package match

import (
	"slices"
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
var awardedLeads = [...]string{"cho ", "gồm: ", "gồm ", "trong đó có ", "trong đó ", "tập thể là ", "đơn vị là ", "tập thể: ", "đơn vị: "}

// modelTails follow a unit named for its model: "A với mô hình “...”",
// "A - mô hình hợp tác xã kiểu mới điển hình".
var modelTails = []string{"với mô hình", "với phong trào", "với cách làm", "với sáng kiến", "với công trình", "- mô hình", "– mô hình"}

// modelOwners stand between a model's quoted name and the unit that runs
// it: "mô hình “Hiến đất làm đường” của xã Mèo Vạc".
var modelOwners = []string{"” của ", "\" của ", "» của "}

// exemplaryPredicates follow a subject list named exemplary: "A và B là
// những điển hình", "A được đánh giá là điển hình tiêu biểu".
var exemplaryPredicates = []string{"là điểm sáng", "là một điểm sáng", "là những điểm sáng", "là những điển hình", "là điển hình", "là một trong những", "là những đơn vị", "là đơn vị", "là những tập thể", "là những gương", "được đánh giá là", "được đánh giá cao", "được nêu gương", "được công nhận là", "được chọn là", "là các đơn vị", "là những địa phương", "là các địa phương", "là địa phương", "được công nhận đơn vị"}

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
	ls, lp := lower(sentence), lower(prev)
	toks := tokenizeLow(sentence, ls)
	var g, gp grams
	g.add(ls)
	gp.add(lp)
	cues := cuesOf(toks)
	cls := splitClauses(nil, sentence, ls, cues&cueForm != 0)
	return mergeUnits(unitsIn(sentence, ls, toks, &g, cls, cues, announcesModels(&gp, lp, cuesOf(tokenize(lp)))))
}

// announcesModels tells whether a sentence (lower case, with its cues)
// announces a list of models that the next sentence may hold.
func announcesModels(g *grams, ls string, cues cue) bool {
	return cues&cueExemplary != 0 && g.hasAny(ls, exemplaryPrevCues)
}

// modelCue tells whether ls names a unit for its model: a model tail, or
// "mô hình" with a model owner. Every model tail holds "với " or "mô
// hình", so a sentence with neither is spared the rest.
func modelCue(g *grams, ls string) bool {
	mh := g.contains(ls, "mô hình")
	if (mh || g.contains(ls, "với ")) && g.hasAny(ls, modelTails) {
		return true
	}
	return mh && g.hasAny(ls, modelOwners)
}

// unitsIn is Units with the sentence lower-cased (ls), its words, the
// byte pairs of ls (not nil), its clauses (with their form words where the
// sentence has a form cue) and its cues; prevExemplary tells that the
// sentence before announced or began a list of models.
func unitsIn(sentence, ls string, toks []token, g *grams, cls []clause, cues cue, prevExemplary bool) []facts.Unit {
	exemplary := cues&cueExemplary != 0 && g.hasAny(ls, exemplaryCues)
	form := cues&cueForm != 0
	if !form && cues&cueExemplary == 0 && !prevExemplary && !namesModel(g, ls) {
		return nil
	}
	r := &unitReader{s: sentence, ls: ls, toks: toks, g: *g, lx: loadLexicon()}
	// Clauses split by ";" are read apart: "A được tặng Bằng khen; B tặng
	// giấy khen cho ...".
	awarded := -1 // the end of the first clause that confers an award
	for _, c := range cls {
		formAt, proposal, leadAt := r.unitsInClause(c, form)
		r.listUnits(c.a, c.b, formAt, proposal, &leadAt)
		if awarded < 0 && formAt >= 0 && !proposal {
			awarded = c.b
		} else if awarded >= 0 && c.a > awarded {
			r.restatedList(c, awarded)
		}
	}
	if exemplary || prevExemplary {
		r.exemplaryUnits()
	}
	if prevExemplary || exemplary || modelCue(g, ls) {
		r.modelUnits(exemplary || prevExemplary)
	}
	if namesModel(g, ls) {
		r.speakerUnit()
	}
	// "Là một trong những đơn vị điển hình ..., Chi bộ X đã ..."
	if exemplary {
		if i := g.index(ls, "một trong những đơn vị"); i >= 0 {
			if j := strings.Index(sentence[i:], ", "); j >= 0 {
				at := i + j + 2
				// skip an adverbial ", thời gian qua,"
				for k := 0; k < 2; k++ {
					if name, ok := r.unitAt(at, len(sentence)); ok {
						r.add(name, facts.RoleExemplary)
						break
					}
					if j2 := strings.Index(sentence[at:], ", "); j2 >= 0 && j2 < 40 {
						at += j2 + 2
					}
				}
			}
		}
	}
	return r.out
}

// speakerVerbs report what a speaker says: "A, Đồn trưởng Đồn Biên
// phòng Lũng Cú, cho biết ...".
var speakerVerbs = []string{", cho biết", ", chia sẻ", ", cho hay", ", thông tin"}

// ownUnitWords stand, in what a speaker says, for the unit the speaker
// heads: "đơn vị đã ... duy trì mô hình “...”".
var ownUnitWords = []string{"đơn vị", "nhà trường", "chi bộ", "đảng bộ", "đảng ủy", "bệnh viện", "công ty", "hợp tác xã", "chi hội", "chi đoàn"}

// speakerUnit reads the unit named only in a speaker's title when the
// speaker says that it runs a named model: "Thượng tá Lò Văn Pàng, Đồn
// trưởng Đồn Biên phòng Lũng Cú, cho biết đơn vị ... duy trì mô hình
// “Nâng bước em tới trường”". The title is an apposition between commas
// and the unit follows a title word in it.
func (r *unitReader) speakerUnit() {
	s, ls := r.s, r.ls
	v := -1
	for _, sv := range speakerVerbs {
		if i := r.g.index(ls, sv); i >= 0 && (v < 0 || i < v) {
			v = i
		}
	}
	if v < 0 {
		return
	}
	said := ls[v:]
	own := false
	for _, w := range ownUnitWords {
		if strings.Contains(said, " "+w+" ") {
			own = true
			break
		}
	}
	if !own || !runsNamedModel(said) {
		return
	}
	// the apposition: from the comma before v
	c := strings.LastIndex(s[:v], ", ")
	if c < 0 {
		return
	}
	for i := nextWord(s, c+2, v); i < v; i = nextWord(s, i, v) {
		if name, ok := r.unitAt(i, v); ok {
			if i+len(name) == v {
				r.add(name, facts.RoleExemplary)
			}
			return
		}
	}
}

// runsNamedModel tells whether said (lower case) has a model verb before
// a model named in quotes: "duy trì mô hình “...”".
func runsNamedModel(said string) bool {
	for _, v := range modelVerbs {
		for _, q := range []string{" mô hình “", " mô hình \"", " mô hình «"} {
			if strings.Contains(said, v+q) {
				return true
			}
		}
	}
	return false
}

// unitReader reads the units of one sentence: s, its lower case ls and
// its words, which unitAt reads names from. out collects the units.
type unitReader struct {
	s, ls string
	toks  []token
	g     grams // of ls; a copy, so that the caller's stays on the stack
	lx    *lexicon
	out   []facts.Unit
	buf   [64]token // for the words unitAt cannot take from toks as they are
}

// add adds a unit named name with a role, once: a unit both commended and
// named exemplary is commended.
func (r *unitReader) add(name, role string) {
	name = strings.TrimSpace(strings.TrimRight(name, " ,;.…"))
	if name == "" {
		return
	}
	for i := range r.out {
		if r.out[i].Name == name {
			if role == facts.RoleAwarded {
				r.out[i].Role = role
			}
			return
		}
	}
	r.out = append(r.out, facts.Unit{Name: name, Role: role, Evidence: r.s})
}

// unitsInClause reads the units of the clause s[a:b].
//
// It returns where the clause's first form word is (-1 for none) and
// whether the clause proposes an award.
func (r *unitReader) unitsInClause(c clause, form bool) (formAt int, proposal bool, leadAt [len(awardedLeads)]int) {
	s, ls, g := r.s, r.ls, &r.g
	a, b := c.a, c.b
	cl := ls[a:b]
	formAt = -1
	if form {
		formAt = c.formAt
	}
	if formAt >= 0 {
		formAt += a
	}
	proposal = isProposal(g, cl, c.formAt)
	// Awarded: a list after a form word, "cho <list>", "gồm: <list>",
	// "trong đó có <list>". leadAt keeps the first of each lead.
	if form && formAt >= 0 && !proposal {
		for k, lead := range awardedLeads {
			leadAt[k] = -1
			if !g.may(lead) {
				continue
			}
			leadAt[k] = indexIn(ls, lead, formAt, b)
			for i := leadAt[k]; i >= 0; i = indexIn(ls, lead, i+len(lead), b) {
				if i > 0 && isWordByte(ls[i-1]) {
					continue
				}
				at, end := i+len(lead), b
				// "cho 7 đơn vị ..., gồm: A; B; ... và G": a list opened by
				// a colon after the award's count runs over ";" to the
				// end of the sentence.
				if strings.HasSuffix(lead, ": ") && strings.ContainsAny(s[formAt:i], "0123456789") {
					end = len(s)
				}
				if p, q, ok := countedParen(s, at, b); ok {
					at, end = p, q
				}
				names, _ := r.readUnitList(at, end, false)
				for _, n := range names {
					r.add(n, facts.RoleAwarded)
				}
			}
		}
	}
	// The subject of the clause: "Huyện đoàn X được tặng Bằng khen", "A và
	// B là những điển hình".
	starts, ns := clauseStarts(s, a, b)
	for _, start := range starts[:ns] {
		names, end := r.readUnitList(start, b, false)
		if p := r.peopleAt(start, b); len(names) == 0 && p > start {
			// "Nhân dân và cán bộ xã Minh Đức": the people of a place
			if names, end = r.readUnitList(p, b, false); len(names) == 1 {
				names[0] = s[start:p] + names[0]
			}
		}
		if len(names) == 0 {
			continue
		}
		rest := skipAdverbs(strings.TrimLeft(ls[end:b], " ,"))
		switch {
		case form && !proposal && startsWithAny(rest, awardedPredicates...) && formAfter(rest) && !tasked(rest):
			for _, n := range names {
				r.add(n, facts.RoleAwarded)
			}
		case startsWithAny(rest, exemplaryPredicates...) && (g.hasAny(rest, exemplaryCues) || g.contains(rest, "gương") || g.contains(rest, "xuất sắc")),
			namedModelAfter(rest):
			for _, n := range names {
				r.add(n, facts.RoleExemplary)
			}
		}
		break
	}
	return formAt, proposal, leadAt
}

// predicateAdverbs may stand between a subject and its predicate: "Đoàn
// xã Khâu Vai cũng là điểm sáng", "Hai đơn vị đều được tặng Bằng khen".
var predicateAdverbs = []string{"cũng ", "đều ", "luôn ", "tiếp tục ", "từng "}

// skipAdverbs returns rest (lower case) after the adverbs of
// predicateAdverbs at its start.
func skipAdverbs(rest string) string {
	for k := 0; k < 2; k++ {
		for _, a := range predicateAdverbs {
			rest = strings.TrimPrefix(rest, a)
		}
	}
	return rest
}

// taskVerbs, after "được" or "đã được", give the subject a task: "Ban
// Tuyên giáo Huyện ủy được giao tham mưu biểu dương, khen thưởng" names the
// body that prepares an award, not its recipient.
var taskVerbs = []string{"giao ", "phân công ", "yêu cầu ", "đề nghị ", "chỉ đạo ", "mời ", "ủy quyền ", "uỷ quyền "}

// tasked tells whether rest (lower case, after a subject) gives the
// subject a task rather than an award.
func tasked(rest string) bool {
	for _, p := range []string{"được ", "đã được ", "sẽ được "} {
		if r, ok := strings.CutPrefix(rest, p); ok {
			return startsWithAny(r, taskVerbs...)
		}
	}
	return false
}

// peopleWords name the people of a place, which may receive a title as
// one body: "Nhân dân và cán bộ xã Minh Đức", "Nhân dân và lực lượng vũ
// trang huyện Cần Giờ" (Anh hùng Lực lượng vũ trang nhân dân).
var peopleWords = []string{"nhân dân ", "và ", "cán bộ ", "các dân tộc ", "lực lượng vũ trang ", "đảng viên "}

// peopleAt returns, where s[i:b] starts with "Nhân dân" and the people of
// a place (peopleWords), where the place starts; -1 otherwise.
func (r *unitReader) peopleAt(i, b int) int {
	if !strings.HasPrefix(r.s[i:b], "Nhân dân ") {
		return -1
	}
	j := i
	for moved := true; moved; {
		moved = false
		for _, w := range peopleWords {
			if strings.HasPrefix(r.ls[j:b], w) {
				j += len(w)
				moved = true
			}
		}
	}
	if name, ok := r.unitAt(j, b); !ok || placeOf(name, r.lx) == 0 {
		return -1
	}
	return j
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
func (r *unitReader) exemplaryUnits() {
	s, ls := r.s, r.ls
	a, b := 0, len(s)
	cl := ls
	// Exemplary lists after a lead: "Nổi bật có A, B và C".
	leadAt := -1
	for _, grp := range exemplaryLeadGroups {
		// leads that share a first word are looked for only where it is
		if len(grp) > 1 && !r.g.contains(cl, leadKey(grp[0])) {
			continue
		}
		for _, lead := range grp {
			if i := r.g.index(cl, lead); i >= 0 && (leadAt < 0 || a+i+len(lead) < leadAt) {
				leadAt = a + i + len(lead)
			}
		}
	}
	// "Tiêu biểu trong phong trào có A", "Điển hình trong thực hiện nghị
	// quyết là A", "trở thành điển hình tiên tiến của huyện như A": a cue,
	// then "là", "có" or "như".
	if leadAt < 0 {
		for _, c := range []string{"tiêu biểu ", "nổi bật ", "điển hình ", "điểm sáng "} {
			if i := r.g.index(cl, c); i >= 0 {
				// "Những tập thể tiêu biểu được nêu tại hội nghị gồm A"
				for _, v := range []string{" là ", " có ", " như ", ": ", " gồm "} {
					if j := r.g.index(cl[i:], v); j >= 0 && j < 90 {
						leadAt = a + i + j + len(v)
						break
					}
				}
				break
			}
		}
	}
	if leadAt >= 0 {
		names, _ := r.readUnitList(leadAt, b, true)
		for _, n := range names {
			r.add(n, facts.RoleExemplary)
		}
	}
}

// modelUnits reads the units a sentence names for their model: "A với mô
// hình ...", "“Nhà văn hóa sạch” của xã Lâm Bình" (in a sentence about
// models), and, where the sentence is a list of models (listed), each
// ";"-item "A với ...".
func (r *unitReader) modelUnits(listed bool) {
	s, ls, lx := r.s, r.ls, r.lx
	a, b := 0, len(s)
	// ls does not change: one look for the tails serves every word
	if r.g.hasAny(ls, modelTails) {
		open := -1 // where the last organisation read starts
		for i := a; i < b; {
			name, ok := r.unitAt(i, b)
			if ok {
				e := i + len(name)
				rest := strings.TrimLeft(skipParen(s, e, b), " ,")
				// a place after a comma is an address ("Nông dân Lê Văn Tám,
				// ấp Trung Bình Nhất, xã Vọng Thê với mô hình ...")
				place := placeOf(name, lx) > 0
				address := place && (i >= 2 && s[i-2:i] == ", " || livesAt(s, ls, i))
				at := b - len(rest) // rest is s[at:b]; ls[at:] its lower case
				if !address && startsWithAny(ls[at:at+len(prefixN(rest, 40))], modelTails...) {
					if place && open >= 0 && locatesOrg(s[open:i], ls[open:i]) {
						// "Chi hội Nông dân nghề nghiệp trồng sầu riêng xã
						// Ngũ Hiệp với mô hình ...": the place ends the name
						// of the organisation before it.
						name = s[open:e]
					}
					r.add(name, facts.RoleExemplary)
				}
				if !place {
					open = i
				}
				i = e
				continue
			}
			i = nextWord(s, i, b)
		}
	}
	if !listed && !r.g.contains(ls, "mô hình") {
		return
	}
	for _, q := range modelOwners {
		if !r.g.may(q) { // q is in lower case
			continue
		}
		for i := indexIn(s, q, a, b); i >= 0; i = indexIn(s, q, i+len(q), b) {
			if name, ok := r.unitAt(i+len(q), b); ok {
				r.add(name, facts.RoleExemplary)
			}
		}
	}
	if !listed {
		return
	}
	// "Đó là A với ...; B với ...; Bên cạnh đó, C với ...": each item
	// s[p:q] between semicolons.
	for p := 0; ; {
		q := strings.IndexByte(s[p:], ';')
		if q < 0 {
			q = len(s)
		} else {
			q += p
		}
		p = q - len(strings.TrimLeft(s[p:q], " .…"))
		for _, lead := range []string{"Bên cạnh đó, ", "Ngoài ra, ", "Đó là ", "Đó ", "và "} {
			if strings.HasPrefix(s[p:q], lead) {
				p += len(lead)
			}
		}
		if name, ok := r.unitAt(p, q); ok && strings.HasPrefix(skipParen(s, p+len(name), q), " với ") {
			r.add(name, facts.RoleExemplary)
		}
		if q == len(s) {
			break
		}
		p = q + 1
	}
}

// livesAt tells whether the place at s[i:] (ls its lower case) is where a
// person named just before lives: "anh Lâm Văn Tý ở xã Mỹ Hội Đông với mô
// hình ...", "chị Lò Thị Sen tại bản Nà Sài": a person word, a capitalised
// name of at most five words, then "ở" or "tại".
func livesAt(s, ls string, i int) bool {
	j := -1
	for _, v := range []string{" ở ", " tại "} {
		if strings.HasSuffix(ls[:i], v) {
			j = i - len(v)
		}
	}
	if j < 0 {
		return false
	}
	words := strings.Fields(s[max(0, j-60):j])
	k := len(words)
	for k > 0 && len(words)-k < 5 && isCap(words[k-1]) {
		k--
	}
	if k == len(words) || k == 0 {
		return false
	}
	return slices.Contains(personWords, lower(words[k-1])+" ")
}

// notInName are words that end an organisation's name: what follows is
// what it does or for whom ("Hội Nông dân tỉnh hỗ trợ nông dân xã B").
var notInName = []string{" và ", " với ", " tại ", " ở ", " cho ", " của ", " cùng ", " giúp ", " hỗ trợ ", " phối hợp ", " đã ", " đang ", " được ", " là ", " có ", " tổ chức "}

// locatesOrg tells whether between, the words from an organisation's
// head to a place (ls its lower case), runs on one name: no punctuation,
// none of notInName, at most 12 words.
func locatesOrg(between, ls string) bool {
	if strings.ContainsAny(between, ",;:“”\"()«»") || countFields(between) > 12 {
		return false
	}
	for _, w := range notInName {
		if strings.Contains(ls, w) {
			return false
		}
	}
	return true
}

// clauseStarts returns where the subject of s[a:b] may start: the clause's
// start, after an opening adverbial ("Dịp này, ", "Năm qua, "), and after
// the last "trong đó có" that singles out some of a group ("Nhiều doanh
// nghiệp ..., trong đó có A và B là những đơn vị điển hình").
func clauseStarts(s string, a, b int) (starts [3]int, n int) {
	i := min(skipSp(s, a), b) // s[a:b] may be all spaces
	starts[0], n = skipYear(s, i, b), 1
	if j := strings.Index(s[i:b], ", "); j >= 0 && j < 40 {
		starts[n] = skipYear(s, i+j+2, b)
		n++
	}
	for _, lead := range []string{"trong đó có ", "Trong đó có "} {
		if j := strings.LastIndex(s[i:b], lead); j >= 0 && (j == 0 || s[i+j-1] == ' ') {
			starts[n] = i + j + len(lead)
			n++
			break
		}
	}
	return starts, n
}

// skipYear skips a year written before a subject without a comma: "năm
// 2022 Đảng bộ xã A được ..." reads from "Đảng bộ".
func skipYear(s string, i, b int) int {
	for _, p := range []string{"năm ", "Năm ", "trong năm ", "Trong năm "} {
		if !strings.HasPrefix(s[i:b], p) {
			continue
		}
		j := i + len(p)
		k := j
		for k < b && isDigitByte(s[k]) {
			k++
		}
		if k-j == 4 && k < b && s[k] == ' ' {
			return k + 1
		}
	}
	return i
}

// formAfter tells whether a form word ("Bằng khen", "Cờ thi đua") comes
// early in rest: it starts within its first 80 bytes ("vinh dự được Ban
// Thường vụ Tỉnh ủy Đắk Lắk tặng Bằng khen").
func formAfter(rest string) bool {
	f, _ := firstForm(prefixN(rest, 100))
	return f >= 0 && f < 80
}

// readUnitList reads a list of units starting at s[i:], within s[:b]:
// items split by ",", ";" and "và", each starting with an organisation
// head; a parenthetical after an item ("(TP Hạ Long)") is skipped. With
// tails, an item may be followed by words about it ("với mô hình “...”")
// before the next separator. It returns the names and where the last one
// (with its parenthetical) ends.
func (r *unitReader) readUnitList(i, b int, tails bool) ([]string, int) {
	s, lx := r.s, r.lx
	var names []string
	end := i
	for i < b {
		i = skipSp(s, i)
		name, ok := r.unitAt(i, b)
		if !ok {
			break
		}
		e := i + len(name)
		// "Chi bộ khu phố 7, phường 10": a place of a higher level after a
		// comma locates the unit before it.
		if n := len(names); n > 0 && s[end:i] == ", " {
			if lv := placeOf(name, lx); lv > 0 && lastPlace(names[n-1], lx) > 0 && lv > lastPlace(names[n-1], lx) {
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
				if _, ok := r.unitAt(e+len(sep), b); ok {
					next = e + len(sep)
				} else if sep == "; " {
					next = r.subListAt(e+len(sep), b)
				}
				break
			}
		}
		if next < 0 && tails {
			next = r.nextItem(e, b)
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
func (r *unitReader) subListAt(i, b int) int {
	s := r.s
	if i >= b || !isWordByte(s[i]) || isCap(firstWord(s[i:b])) {
		return -1
	}
	j := strings.Index(prefixN(s[i:b], 60), " như ")
	if j < 0 || strings.ContainsAny(s[i:i+j], ",;:“\"(") {
		return -1
	}
	at := i + j + len(" như ")
	if _, ok := r.unitAt(at, b); !ok {
		return -1
	}
	return at
}

// nextItem finds, after the tail of a list item, the next separator outside
// quotes that is followed by a unit; -1 when there is none.
func (r *unitReader) nextItem(e, b int) int {
	s := r.s
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
		// "... tại phường Bảo Lộc và xã Bắc Bình": places after "tại" or
		// "ở" locate the item; they are not the next items.
		if k = r.skipLocative(k, b); k >= b {
			break
		}
		for _, sep := range []string{", ", "; ", " và "} {
			if strings.HasPrefix(s[k:b], sep) {
				if _, ok := r.unitAt(k+len(sep), b); ok {
					return k + len(sep)
				}
			}
		}
	}
	return -1
}

// locatives, before a place, say where an item's work is done.
var locatives = []string{" tại ", " ở ", " trên địa bàn "}

// skipLocative returns, where s[k:b] is a locative and the places it
// names joined by ", " or " và " ("tại phường Bảo Lộc và xã Bắc Bình"),
// the end of the last place; k otherwise.
func (r *unitReader) skipLocative(k, b int) int {
	s, lx := r.s, r.lx
	for _, l := range locatives {
		if !strings.HasPrefix(r.ls[k:b], l) {
			continue
		}
		at := k + len(l)
		name, ok := r.unitAt(at, b)
		if !ok || placeOf(name, lx) == 0 {
			return k
		}
		e := at + len(name)
		for {
			next := -1
			for _, sep := range []string{", ", " và "} {
				if strings.HasPrefix(s[e:b], sep) {
					if n2, ok := r.unitAt(e+len(sep), b); ok && placeOf(n2, lx) > 0 {
						next = e + len(sep) + len(n2)
					}
				}
			}
			if next < 0 {
				return e
			}
			e = next
		}
	}
	return k
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
//
// The name is read from s[i:b] of the sentence, over its words up to 200
// bytes from i (the last cut there).
func (r *unitReader) unitAt(i, b int) (string, bool) {
	s, lx := r.s, r.lx
	if i >= b || !isWordByte(s[i]) {
		return "", false
	}
	// Only a word that can open a unit is worth a look.
	fw := firstWord(s[i:b])
	if _, ok := lx.unitFirstTab.get(fw); !ok {
		if _, ok := lx.unitFirstTab.get(r.ls[i : i+len(fw)]); !ok {
			return "", false
		}
	}
	lim := i + len(prefixN(s[i:b], 200))
	var toks []token
	// k: the first word of the sentence that starts at i or after
	k, hi := 0, len(r.toks)
	for k < hi {
		if mid := int(uint(k+hi) >> 1); r.toks[mid].start < i {
			k = mid + 1
		} else {
			hi = mid
		}
	}
	if k < len(r.toks) && r.toks[k].start == i {
		// The sentence's words from i to lim are those of s[i:lim], but
		// for the last, which lim may cut.
		m := k + 1
		for m < len(r.toks) && r.toks[m].start < lim {
			m++
		}
		toks = r.toks[k:m]
		if toks[len(toks)-1].end > lim {
			toks = append(r.buf[:0], toks...)
			t := &toks[len(toks)-1]
			t.end = lim
			t.cap = isCap(t.in(s))
			lx.annotateWord(r.ls, t)
		}
	} else {
		// i is inside a word of the sentence: the words of s[i:lim].
		toks = appendTokens(r.buf[:0], s[i:lim])
		for j := range toks {
			toks[j].start += i
			toks[j].end += i
		}
		lx.annotate(r.ls, toks)
	}
	return unitAtWords(s, r.ls, i, toks, lx)
}

// unitAtWords is unitAt with the words of s (ls in lower case) from i on.
func unitAtWords(s, ls string, i int, toks []token, lx *lexicon) (string, bool) {
	if len(toks) == 0 || toks[0].start != i {
		return "", false
	}
	head := headAt(s, ls, toks, 0)
	if head == 0 {
		return "", false
	}
	// A person is not a unit.
	if titleAt(ls, toks, 0, lx) > 0 {
		return "", false
	}
	k := head
	for k < len(toks) {
		g := gap(s, toks[k-1], toks[k])
		// "Sở GD&ĐT": "&" joins two abbreviations.
		if ampersandJoin(s, toks, k, g) {
			k++
			continue
		}
		// "Chi bộ Công ty TNHH May mặc Tân Yên": a company's own name
		// after its legal form runs over lower-case words.
		if n := companyNameAt(s, ls, toks, k, nil, lx); n > 0 {
			k += n
			continue
		}
		if g != " " && g != "." && g != " - " {
			break
		}
		if g == " - " && !toks[k].cap {
			break
		}
		// a unit of the one before: "Công ty CP Đường Quảng Ngãi - Nhà máy
		// Đường An Khê"
		if g == " - " {
			if n := headAt(s, ls, toks, k); n > 0 {
				k += n
				continue
			}
		}
		// a place inside the name: "Chi bộ làng Ia Ly", "Đảng bộ phường 25"
		if g == " " && toks[k].in(ls) != "và" {
			if n := headAt(s, ls, toks, k); n > 0 && !isUpperWord(toks[k].in(s)) {
				k += n
				continue
			}
		}
		// "Tổ dân phố số 9", "Chi bộ số 3"
		if toks[k].in(ls) == "số" && k+1 < len(toks) && isDigitByte(s[toks[k+1].start]) {
			k += 2
			continue
		}
		if !titleWordOK(s, ls, toks, k, lx) {
			break
		}
		if titleAt(ls, toks, k, lx) > 0 {
			break
		}
		// "và" between two lower-case name words joins them: "Trung tâm
		// Ứng dụng tiến bộ khoa học và công nghệ".
		and := toks[k].in(ls) == "và"
		lowJoin := and && k+1 < len(toks) && k > head && !toks[k-1].cap &&
			!toks[k+1].cap && titleWordOK(s, ls, toks, k+1, lx) &&
			!isDigitByte(s[toks[k-1].start]) && headAt(s, ls, toks, k+1) == 0
		// "Chi bộ Đại đội 5 và 11 cá nhân": a count of recipients after
		// "và" ends the name.
		if and && k+1 < len(toks) && countAt(s, ls, toks[k+1]) {
			break
		}
		// "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one office serves the bodies
		// joined by "và".
		if and && k+1 < len(toks) && strings.Contains(s[i:toks[k-1].end], "Văn phòng ") &&
			startsWithAny(s[toks[k+1].start:], officeBodies...) {
			k++
			continue
		}
		if and && !lowJoin && (k+1 >= len(toks) || headAt(s, ls, toks, k+1) > 0 || !toks[k+1].cap && !isAbbrev(toks[k+1].in(s))) {
			break
		}
		k++
	}
	for k > head && (toks[k-1].in(ls) == "và" || toks[k-1].in(ls) == "các") {
		k--
	}
	dept := head > 1 && toks[0].in(s) == "Khoa" // "Khoa" with its department
	if k == head && !dept && !isAbbrev(toks[0].in(s)) && !lx.wholeHeads[s[i:toks[k-1].end]] {
		// a bare head word ("Hội", "Chi bộ") is not a name
		return "", false
	}
	return s[i:toks[k-1].end], true
}

// officeBodies are the state bodies that share one office ("Văn phòng
// HĐND và UBND huyện", "Văn phòng Đoàn ĐBQH và HĐND tỉnh").
var officeBodies = []string{"HĐND", "UBND", "Hội đồng nhân dân", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Đoàn ĐBQH", "Đoàn đại biểu Quốc hội"}

// countAt tells whether the word t of s (ls in lower case) is a number
// that counts recipients: "11 cá nhân".
func countAt(s, ls string, t token) bool {
	if !isDigitByte(s[t.start]) {
		return false
	}
	kind, _ := recipientAt(ls, skipSp(ls, t.end), len(ls))
	return kind != 0
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
// place type (with its name's first word) at token i of s (ls in lower
// case), or 0.
func headAt(s, ls string, toks []token, i int) int {
	t := &toks[i]
	if t.w == nil {
		return 0 // neither a head nor a place type starts with the word
	}
	text := t.in(s)
	for _, h := range t.w.heads {
		if h[0] != text || i+len(h) > len(toks) {
			continue
		}
		ok := true
		for k, w := range h {
			if toks[i+k].in(s) != w {
				ok = false
				break
			}
		}
		if ok {
			if h[0] == "Khoa" && len(h) == 1 {
				// a hospital department: "Khoa Cấp cứu", "Khoa Hồi sức
				// tích cực"; not "Khoa học"
				if n := departmentAt(s, ls, toks, i+1, loadLexicon()); n > 0 {
					return 1 + n
				}
				continue
			}
			return len(h)
		}
	}
	// The place types written as the word is, then, where it is
	// capitalised, those of its lower case: a place type that opens a
	// sentence or a list item is capitalised ("Thành phố Uông Bí",
	// "Huyện Tiên Yên").
	if n := placeAt(s, ls, toks, i, t.w.places, true); n > 0 {
		return n
	}
	if t.in(ls) != text && t.cap {
		return placeAt(s, ls, toks, i, t.w.placesLow, false)
	}
	return 0
}

// placeAt returns the length in words of the first of pts (with the
// name's first word after it) at token i, or 0. With asWritten, only
// the place types whose first word is token i as written are tried.
func placeAt(s, ls string, toks []token, i int, pts [][]string, asWritten bool) int {
	for _, pt := range pts {
		if asWritten && pt[0] != toks[i].in(s) {
			continue
		}
		n := len(pt)
		if i+n >= len(toks) {
			continue
		}
		ok := true
		for k, w := range pt {
			if toks[i+k].in(s) != w && (k > 0 || toks[i].in(ls) != w) {
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
		if next.cap || isDigitByte(s[next.start]) || isAbbrev(next.in(s)) {
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
	" nằm trong số", " nằm trong những", " nằm trong danh sách",
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

// trimListAdverb cuts a trailing adverb of listAdverbs off s, or the
// decision that grants the award: "được Thủ tướng Chính phủ tặng Bằng
// khen theo Quyết định số 612/QĐ-TTg ngày 28/4/2021 là A và B".
func trimListAdverb(s string) string {
	for _, d := range []string{" theo quyết định", " tại quyết định"} {
		if j := strings.LastIndex(s, d); j > 0 && len(s)-j <= 80 && !strings.ContainsAny(s[j:], ",;:") {
			return s[:j]
		}
	}
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
//
// proposal tells that the clause proposes an award (isProposal); leadAt
// holds the first of each of awardedLeads from formAt on (as
// unitsInClause found them).
func (r *unitReader) listUnits(a, b, formAt int, proposal bool, leadAt *[len(awardedLeads)]int) {
	cl, g := r.ls[a:b], &r.g
	r.subjectUnits(cl, a)
	if formAt < 0 || proposal {
		return // no form word, or a proposal: not an award
	}
	addAll := func(from int) {
		for _, n := range r.splitUnits(from, b) {
			r.add(n, facts.RoleAwarded)
		}
	}
	// A list after a form word and a lead: "tặng Cờ thi đua cho 2 tập thể
	// là Sở Văn hóa, Thể thao và Du lịch và Phòng ...".
	if formAt >= a {
		for k, lead := range awardedLeads {
			if lead == "cho " {
				continue
			}
			if i := leadAt[k]; i >= 0 && (i == a || !isWordByte(r.ls[i-1])) {
				addAll(i + len(lead))
			}
		}
	}
	// A list right after a verb of commendation: "biểu dương Hội Cựu
	// chiến binh xã An Phú và Chi hội Phụ nữ ấp 2".
	for _, v := range commendVerbs {
		if !g.may(v) {
			continue
		}
		for i := indexIn(cl, v, 0, len(cl)); i >= 0; i = indexIn(cl, v, i+len(v), len(cl)) {
			if end := i + len(v); end < len(cl) && cl[end] == ' ' {
				addAll(a + end + 1)
			}
		}
	}
	// A list after a form word and "có", "gồm", "là": "Trong số các gương
	// được vinh danh có A và B".
	if !g.contains(cl, " có ") && !g.contains(cl, " gồm") && !g.contains(cl, " là ") && !g.contains(cl, ": ") && !g.contains(cl, " như ") {
		return
	}
	for _, lead := range listLeads {
		if !g.may(lead) {
			continue
		}
		for i := indexIn(cl, lead, 0, len(cl)); i >= 0; i = indexIn(cl, lead, i+len(lead), len(cl)) {
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
func (r *unitReader) subjectUnits(cl string, a int) {
	s, lx, g := r.s, r.lx, &r.g
	var heads [len(predicateHeads)]int // the first of each in cl
	found := false
	for k, h := range predicateHeads {
		heads[k] = g.index(cl, h)
		found = found || heads[k] >= 0
	}
	if !found {
		return
	}
	p := predicateAt(cl, heads)
	if p <= 0 {
		return
	}
	rest := prefixN(cl[p:], 160)
	role := ""
	switch {
	case g.hasAny(rest, predicateCues):
		role = facts.RoleExemplary
	case g.hasAny(rest, formWords) && !g.contains(rest, "đề nghị"):
		role = facts.RoleAwarded
	default:
		return
	}
	starts, ns := clauseStarts(s, a, a+p)
	for _, start := range starts[:ns] {
		if names := pluralPlaces(s[start:a+p], lx); len(names) > 0 {
			for _, n := range names {
				r.add(n, role)
			}
			return
		}
		if _, ok := r.unitAt(start, a+p); !ok {
			continue
		}
		// "Ban Thường vụ tặng giấy khen cho 7 tập thể, 11 cá nhân là
		// điển hình": the subject of "là" is the recipients, told by
		// count; the body before the verb is no unit.
		if subj := cl[start-a : p]; g.hasAny(subj, formWords) || g.hasAny(subj, conferVerbs) {
			return
		}
		for _, n := range r.splitUnits(start, a+p) {
			r.add(n, role)
		}
		return
	}
}

// predicateHeads start every subject predicate.
var predicateHeads = [...]string{" là ", " được ", " trở thành ", " nằm trong "}

// predicateAt returns the offset of the first subject predicate in cl, or
// -1: every predicate starts with one of predicateHeads.
//
// The places where a predicate may start are visited in order, from the
// next occurrence of each of predicateHeads; next holds the first of
// each in cl (-1 for none).
func predicateAt(cl string, next [len(predicateHeads)]int) int {
	heads := predicateHeads
	for {
		i := -1
		for _, j := range next {
			if j >= 0 && (i < 0 || j < i) {
				i = j
			}
		}
		if i < 0 {
			return -1
		}
		for _, p := range subjectPredicates {
			if strings.HasPrefix(cl[i:], p) {
				return i
			}
		}
		if countedPredicate(cl, i) {
			return i
		}
		for k, h := range heads {
			if next[k] == i {
				next[k] = indexIn(cl, h, i+1, len(cl))
			}
		}
	}
}

// countedPredicate tells whether cl[i:] (lower case) is " là ", a count
// and a collective noun, which names the subject as that many units: "A
// và B là hai tập thể được nhận Bằng khen", "là 3 đơn vị tiêu biểu".
func countedPredicate(cl string, i int) bool {
	const is = " là "
	if !strings.HasPrefix(cl[i:], is) {
		return false
	}
	at := i + len(is)
	if at >= len(cl) {
		return false
	}
	_, e, ok := numberAt(cl, cl, at, len(cl))
	if !ok || e >= len(cl) || cl[e] != ' ' {
		return false
	}
	return startsWithAny(cl[e+1:], countedNouns...)
}

// splitUnits splits s[i:b] into the units it lists (see listUnits).
func (r *unitReader) splitUnits(i, b int) []string {
	s, ls, lx := r.s, r.ls, r.lx
	// A list of units starts with a capital, or with a person named first.
	i = skipSp(s, i)
	if i >= b {
		return nil
	}
	if c, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsUpper(c) && !startsWithAny(ls[i:i+len(prefixN(s[i:b], 20))], personWords...) {
		return nil
	}
	var names []string
	spans, joins := splitItemSpans(s[i:b])
	person := false // the item before named a person
	for k, sp := range spans {
		// the item is s[at:at+len(item)]
		at, item := i+sp[0], s[i+sp[0]:i+sp[1]]
		at += len(item) - len(strings.TrimLeftFunc(item, unicode.IsSpace))
		item = strings.TrimSpace(item)
		item = cutTail(item, ls[at:at+len(item)])
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
		wasPerson := person
		person = false
		switch {
		case wasPerson && joins[k] == ", " && placeOf(item, lx) > 0:
			// "gia đình ông Siu Dinh, làng Kênh, xã Ia Ga": the places
			// after a person are the person's home, not units.
			person = true
		case n > 0 && joins[k] == ", " && placeOf(item, lx) > lastPlace(names[n-1], lx) && lastPlace(names[n-1], lx) > 0 && countFields(item) <= 4:
			// "Chi bộ khu phố 5, phường 9"
			names[n-1] += ", " + item
		case r.isPersonItem(at, item):
			// "bà Nguyễn Thị Oanh (phường Liễu Giai) 15 năm nấu cơm ..."
			person = true
		case r.unitOK(at, item):
			names = append(names, item)
		case n > 0 && isCap(fw) && countFields(item) <= 4 && !strings.ContainsAny(item, "0123456789"):
			// "Sở Văn hóa, Thể thao và Du lịch"
			names[n-1] += joins[k] + item
		default:
			return names // the list is over
		}
	}
	return names
}

// unitOK tells whether a list item, s[at:at+len(item)], is a unit's name.
func (r *unitReader) unitOK(at int, item string) bool {
	_, ok := r.unitAt(at, at+len(item))
	return ok && countFields(item) <= 14
}

// countFields returns len(strings.Fields(s)), without the fields.
func countFields(s string) int {
	n, in := 0, false
	for _, c := range s {
		sp := unicode.IsSpace(c)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// firstFields returns the first two of strings.Fields(s); ok is false
// when s has fewer.
func firstFields(s string) (f0, f1 string, ok bool) {
	var f [2]string
	n, start := 0, -1
	for i, c := range s {
		if unicode.IsSpace(c) {
			if start >= 0 {
				f[n] = s[start:i]
				if n++; n == 2 {
					return f[0], f[1], true
				}
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 && n == 1 {
		return f[0], s[start:], true
	}
	return "", "", false
}

// personWords open a list item that names a person.
var personWords = []string{"ông ", "bà ", "anh ", "chị ", "em ", "cháu ", "cụ ", "đồng chí ", "đ/c ", "gia đình ", "hộ "}

// isPersonItem tells whether a list item names a person ("bà Nguyễn Thị
// Oanh ...", "Nguyễn Văn A").
func (r *unitReader) isPersonItem(at int, item string) bool {
	if startsWithAny(r.ls[at:at+len(prefixN(item, 20))], personWords...) {
		return true
	}
	f0, f1, ok := firstFields(item)
	return ok && r.lx.surnames[f0] && isCap(f1) && !r.unitOK(at, item)
}

// cutTail cuts what a list item says about its unit; li is
// lower(item).
func cutTail(item, li string) string {
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
	spans, joins := splitItemSpans(s)
	for _, sp := range spans {
		items = append(items, s[sp[0]:sp[1]])
	}
	return items, joins
}

// splitItemSpans is splitItems with the items as byte offsets in s.
func splitItemSpans(s string) (items [][2]int, joins []string) {
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
				items = append(items, [2]int{last, k})
				joins = append(joins, join)
				join = sep
				last = k + len(sep)
				k = last - 1
				break
			}
		}
	}
	items = append(items, [2]int{last, len(s)})
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

// indexIn returns the offset in s of the first sub (not empty) in
// s[from:to], or -1: the occurrences of sub in s[from:to], left to right
// and not overlapping, are
//
//	for i := indexIn(s, sub, from, to); i >= 0; i = indexIn(s, sub, i+len(sub), to)
func indexIn(s, sub string, from, to int) int {
	if i := strings.Index(s[from:to], sub); i >= 0 {
		return from + i
	}
	return -1
}

// modelVerbs, after the subject of a clause, say that it runs a model:
// "Đảng bộ phường A duy trì mô hình “Tổ dân phố 3 không”".
var modelVerbs = []string{"duy trì", "duy trì hiệu quả", "xây dựng", "triển khai", "thực hiện", "nhân rộng", "đã xây dựng", "đã triển khai", "đã duy trì"}

// namedModelAfter tells whether rest (lower case, after a subject) runs a
// named model: a model verb, "mô hình" and the model's name in quotes. A
// named good model is exemplary.
func namedModelAfter(rest string) bool {
	for _, v := range modelVerbs {
		r, ok := strings.CutPrefix(rest, v+" mô hình ")
		if ok && (strings.HasPrefix(r, "“") || strings.HasPrefix(r, "\"") || strings.HasPrefix(r, "«")) {
			return true
		}
	}
	return false
}

// namesModel tells whether ls (lower case, its byte pairs in g) names a
// model in quotes: "mô hình “...”".
func namesModel(g *grams, ls string) bool {
	return g.contains(ls, "mô hình “") || g.contains(ls, "mô hình \"")
}

// maxCompanyWords bounds the words of a company's own name after its
// legal form ("Dược - Vật tư y tế Bắc Giang" has seven).
const maxCompanyWords = 8

// maxCompanyLower bounds a run of lower-case words inside a company's
// name ("Vận tải hành khách Bắc Giang", "Dược - Vật tư y tế Bắc Giang"):
// a longer one is the sentence going on ("Công ty Hòa Phát nhấn mạnh
// nhiệm vụ trọng tâm Hải Dương").
const maxCompanyLower = 3

// afterLegalForm tells whether the words right before token k (ls in
// lower case) are "Công ty", alone or with a legal form of
// legalforms.txt, apart by single spaces: "Công ty", "Công ty CP", "Công
// ty TNHH MTV", "công ty cổ phần".
func afterLegalForm(s, ls string, toks []token, k int, lx *lexicon) bool {
	if k >= 2 && k <= len(toks) && toks[k-2].in(ls) == "công" && toks[k-1].in(ls) == "ty" && gap(s, toks[k-2], toks[k-1]) == " " {
		return true // "Công ty Xăng dầu Bắc Giang": no legal form
	}
	for _, f := range lx.legalForms {
		j := k - len(f)
		if j < 2 || k > len(toks) {
			continue
		}
		ok := true
		for m, w := range f {
			if toks[j+m].in(ls) != w || gap(s, toks[j+m-1], toks[j+m]) != " " {
				ok = false
				break
			}
		}
		if ok && toks[j-2].in(ls) == "công" && toks[j-1].in(ls) == "ty" && gap(s, toks[j-2], toks[j-1]) == " " {
			return true
		}
	}
	return false
}

// companyNameAt returns the length in words of a company's own name at
// token k of s (ls in lower case) after "Công ty" and a legal form, or 0.
// The name starts with a capitalised word and runs over lower-case words
// ("Công ty CP Bê tông Lạng Giang", "Công ty TNHH MTV Thủy nông Cầu
// Sơn"), joined by spaces or " - " before a capitalised word ("Dược - Vật
// tư y tế Bắc Giang"), for at most maxCompanyWords words and
// maxCompanyLower lower-case words in a row; it stops before a function
// word or a verb of namestops.txt, a number, a title, or a person's name
// (names, when not nil), and ends with its last capitalised word. A
// company without a legal form ("Công ty Xăng dầu Bắc Giang") is read the
// same way.
func companyNameAt(s, ls string, toks []token, k int, names []bool, lx *lexicon) int {
	if k < 1 || k >= len(toks) || gap(s, toks[k-1], toks[k]) != " " || !toks[k].upper ||
		names != nil && names[k] || !afterLegalForm(s, ls, toks, k, lx) {
		return 0
	}
	last := k + 1
	for m := k + 1; m < len(toks) && m-k < maxCompanyWords; m++ {
		switch g := gap(s, toks[m-1], toks[m]); g {
		case " ":
		case " - ", " – ":
			if !toks[m].upper {
				return last - k
			}
		default:
			return last - k
		}
		if names != nil && names[m] || titleAt(ls, toks, m, lx) > 0 || isDigitByte(s[toks[m].start]) {
			break
		}
		lw := toks[m].in(ls)
		if lx.nameStops[lw] || m+1 < len(toks) && gap(s, toks[m], toks[m+1]) == " " && lx.nameStops[lw+" "+toks[m+1].in(ls)] {
			break
		}
		if toks[m].upper {
			last = m + 1
		} else if m-last >= maxCompanyLower {
			break
		}
	}
	return last - k
}

// ampersandJoin tells whether the gap g before token k joins two
// abbreviations into one ("GD&ĐT", "NN&PTNT", "LĐ-TB&XH").
func ampersandJoin(s string, toks []token, k int, g string) bool {
	return g == "&" && k > 0 && k < len(toks) && isAbbrev(toks[k-1].in(s)) && isAbbrev(toks[k].in(s))
}

// restatedLeads stand between a restated count and the list it names.
var restatedLeads = []string{" gồm: ", " gồm ", " là: ", " là ", ": "}

// restatedList reads, in a clause after one that confers an award
// (which ends at awarded), a list that restates a count of that award
// and names its recipients: "tặng Bằng khen cho 3 tập thể, 4 cá nhân; 3
// tập thể gồm: A, B và C". The count and its recipient word must stand in
// the earlier clauses as written; the list may run over ";" to the end
// of the sentence.
func (r *unitReader) restatedList(c clause, awarded int) {
	s, ls := r.s, r.ls
	at := skipSp(s, c.a)
	num := firstWord(s[at:c.b])
	if num == "" || !allDigits(num) {
		return
	}
	kind, e := recipientAt(ls, skipSp(ls, at+len(num)), c.b)
	if kind == 0 || !containsWord(ls[:awarded], ls[at:e]) {
		return
	}
	for _, lead := range restatedLeads {
		if strings.HasPrefix(ls[e:c.b], lead) {
			names, _ := r.readUnitList(e+len(lead), len(s), false)
			for _, n := range names {
				r.add(n, facts.RoleAwarded)
			}
			return
		}
	}
}

// containsWord tells whether w stands in s with no word byte right
// before it ("3 tập thể" is not in "13 tập thể").
func containsWord(s, w string) bool {
	for i := strings.Index(s, w); i >= 0; {
		if i == 0 || !isWordByte(s[i-1]) {
			return true
		}
		j := strings.Index(s[i+1:], w)
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}
