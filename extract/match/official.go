package match

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/facts"
)

// nameSpan is a person name found in a sentence: tokens [from, to).
type nameSpan struct {
	from, to   int
	start, end int // byte offsets
	name       string
}

// findNames returns the person names in a sentence: runs of capitalised
// words that start with a known surname (or "Thích" for a monk's name),
// two to four words long, with leading place names ("Thanh Xuân Bùi Huyền
// Mai") taken off.
func findNames(s, ls string, toks []token, lx *lexicon) []nameSpan {
	var out []nameSpan
	for i := 0; i < len(toks); {
		if !toks[i].cap {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].cap && gap(s, toks[j-1], toks[j]) == " " {
			j++
		}
		ns := namesInRun(s, ls, toks, i, j, lx)
		// "Đồng chí Pinăng Thị Mơ, Bí thư ...", "Thượng tá Lô Văn Hùng
		// (Trưởng Công an ...)": in a strong frame the whole run is the
		// name, whatever its surname.
		f := i
		if w := toks[i].in(ls); w == "ông" || w == "bà" { // "Ông Katơr Văn Lơi (...)"
			f = i + 1
		}
		// A name found inside the run grows to the whole run: "A Lăng Thị
		// Bốn", a baptismal name "Linh mục Giuse Trần Văn Phúc".
		if n := j - f; n >= 2 && n <= 5 && (len(ns) == 0 || len(ns) == 1 && ns[0].from > f && ns[0].to == j) &&
			titledAfter(s, ls, toks, j, lx) && framedBefore(s, ls, toks, f, lx) {
			ns = []nameSpan{{from: f, to: j, start: toks[f].start, end: toks[j-1].end, name: s[toks[f].start:toks[j-1].end]}}
		}
		// "Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện - Pờ Chừ
		// Lả": after a title and a dash, a run of plain capitalised words
		// is the name, whatever its surname.
		if n := j - i; len(ns) == 0 && n >= 2 && n <= 4 && dashTitledBefore(s, ls, toks, i, j, lx) {
			ns = []nameSpan{{from: i, to: j, start: toks[i].start, end: toks[j-1].end, name: s[toks[i].start:toks[j-1].end]}}
		}
		out = append(out, ns...)
		i = j
	}
	return out
}

func namesInRun(s, ls string, toks []token, i, j int, lx *lexicon) []nameSpan {
	// A run of two words right after a place type is the place: "Bí thư
	// Đảng ủy xã Yên Hồ". (A longer run may be a person after an unnamed
	// place: "Chủ tịch UBND huyện Phan Quốc Thắng".)
	if j-i <= 4 && i > 0 && gap(s, toks[i-1], toks[i]) == " " {
		prev, lowPrev := toks[i-1].in(s), toks[i-1].in(ls)
		if j-i == 2 && prev == lowPrev && lx.placeWord[lowPrev] {
			return nil
		}
		// After a hamlet word a run that does not open with a surname is
		// the hamlet's name, whatever surnames follow: "thôn Pả Vi Hạ".
		if prev == lowPrev && lx.hamletWord[lowPrev] && !toks[i].surname(s) && !apostropheName(toks[i].in(s)) {
			return nil
		}
		// A short run after a school or street word is its namesake:
		// "Trường THPT chuyên Lê Quý Đôn", "Trường Tiểu học Kim Đồng",
		// "đường Trần Phú".
		// ("phố" of "thành phố" is no street: "Phó Chủ tịch LĐLĐ thành
		// phố Phạm Văn Long".)
		if j-i <= 3 && lx.namesakeTab.has(prev) && !(lowPrev == "phố" && wordBefore(s, ls, toks, i-1) == "thành") {
			return nil
		}
		// A run after a parish, pagoda or congregation word is its name:
		// "Chánh xứ giáo xứ Cù Lao Giêng", "Họ đạo Cao Đài Long Xuyên".
		// "giáo" that ends an office's field ("Sở Dân tộc và Tôn giáo",
		// "Ban Tuyên giáo", "Khoa giáo") is no such word.
		if prev == lowPrev && lx.bodyNameTab.has(lowPrev) && !(lowPrev == "giáo" && fieldGiao[wordBefore(s, ls, toks, i-1)]) {
			return nil
		}
	}
	// Take off leading places: "Thanh Xuân", "Châu Thành", "Long An".
	for {
		k := placePrefix(s, toks, i, j, lx)
		if k == i {
			break
		}
		i = k
	}
	// A name starts after any place named inside the run: "Phó Bí thư
	// Đảng ủy Than Quảng Ninh Nguyễn Quang Huy" is not "Ninh Nguyễn ...".
	placeEnd := i
	for k := i + 1; k < j-1; k++ {
		// (the place must leave a name of two words or more that opens
		// with a surname: "Nguyễn Thái Bình" is a name)
		if e := placePrefix(s, toks, k, j, lx); e > k && e > placeEnd && e <= j-2 && toks[e].surname(s) {
			placeEnd = e
		}
	}
	for a := placeEnd; a < j; a++ {
		w := toks[a].in(s)
		if !toks[a].surname(s) && w != "Thích" && !apostropheName(w) && !(a == i && lx.openingSurnames[w]) {
			continue
		}
		// "Quận Đoàn Ninh Kiều", "Tỉnh Đoàn": the youth union, not a name.
		if w == "Đoàn" && a > i && unionPlaces[toks[a-1].in(s)] {
			continue
		}
		n := j - a
		if n < 2 {
			// "K'Mák": a one-word name of the Central Highlands.
			if n == 1 && apostropheName(w) && utf8.RuneCountInString(w) >= 4 {
				return []nameSpan{{from: a, to: j, start: toks[a].start, end: toks[a].end, name: w}}
			}
			return nil
		}
		if n > 4 {
			// Look for a later surname that leaves a name of 2-4 words.
			continue
		}
		if w == "Thích" && n < 3 {
			return nil
		}
		name := s[toks[a].start:toks[j-1].end]
		if name == "Hồ Chí Minh" || strings.HasPrefix(name, "Hồ Chí Minh ") {
			return nil
		}
		if _, isPlace := lx.placeNames.get(name); isPlace { // a province or a district
			return nil
		}
		return []nameSpan{{from: a, to: j, start: toks[a].start, end: toks[j-1].end, name: name}}
	}
	return nil
}

// fieldGiao holds the lower-case words that make with "giáo" the field
// of an office, not a religion: "Tôn giáo", "Tuyên giáo", "Khoa giáo".
var fieldGiao = map[string]bool{"tôn": true, "tuyên": true, "khoa": true}

// wordBefore returns token k-1 of ls when it stands one space before
// token k, or "".
func wordBefore(s, ls string, toks []token, k int) string {
	if k < 1 || gap(s, toks[k-1], toks[k]) != " " {
		return ""
	}
	return toks[k-1].in(ls)
}

// placePrefix returns the index after a province or district name that
// starts the run at i, or i. The words of a run are apart by one space,
// so that the text of words i to i+n is the words joined by spaces.
func placePrefix(s string, toks []token, i, j int, lx *lexicon) int {
	for n := 4; n >= 2; n-- {
		if i+n > j-2 { // leave room for a name
			continue
		}
		key := s[toks[i].start:toks[i+n-1].end]
		if _, ok := lx.placeNames.get(key); ok { // a district or a province
			return i + n
		}
	}
	return i
}

// titleAt returns the length in tokens of the title keyword starting at
// token i of ls (lower case), or 0.
func titleAt(ls string, toks []token, i int, lx *lexicon) int {
	if toks[i].w == nil {
		return 0
	}
	for _, tw := range toks[i].w.titles {
		if i+len(tw) > len(toks) {
			continue
		}
		ok := true
		for k, w := range tw {
			if k > 0 && toks[i+k].start != toks[i+k-1].end+1 {
				ok = false
				break
			}
			if toks[i+k].in(ls) != w {
				ok = false
				break
			}
		}
		if ok {
			return len(tw)
		}
	}
	return 0
}

// titleWordOK tells whether token k of s (ls in lower case) may continue
// a title.
func titleWordOK(s, ls string, toks []token, k int, lx *lexicon) bool {
	w := toks[k].in(s)
	if isUpperWord(w) {
		return true
	}
	lw, wi := toks[k].in(ls), toks[k].w
	if wi == nil {
		// no entry: neither an organisation word nor in a pair
		return false
	}
	if wi.org {
		return true
	}
	if wi.pairFirst && k+1 < len(toks) && lx.orgPairs[lw+" "+toks[k+1].in(ls)] {
		return true
	}
	if wi.pairLast && k > 0 && lx.orgPairs[toks[k-1].in(ls)+" "+lw] {
		return true
	}
	return false
}

// hyphenTail tells whether token k is a lower-case syllable joined by a
// bare hyphen to a chain that starts with a capitalised word: "la" and
// "môn" of "Bà-la-môn", "đê" of "Ê-đê".
func hyphenTail(s, ls string, toks []token, k int) bool {
	if k < 1 || toks[k].upper || toks[k].in(s) != toks[k].in(ls) || gap(s, toks[k-1], toks[k]) != "-" {
		return false
	}
	h := k - 1
	for h > 0 && gap(s, toks[h-1], toks[h]) == "-" {
		h--
	}
	return toks[h].cap && h < k
}

// gapOK tells whether the text between two title words keeps the title
// going: a space, a hyphen in "Cơ quan - Doanh nghiệp", or a dot in "TP.".
func gapOK(g string) bool {
	return g == " " || g == "." || g == ". " || g == " - " || g == "-" || g == " – "
}

// extendTitle runs a title from its keyword at token i over organisation
// words; it stops before a name, a lower-case word that is not an
// organisation word, or punctuation. It returns the end token.
func extendTitle(s, ls string, toks []token, i, kw int, names []bool, lx *lexicon) int {
	k := i + kw
	parented := false // a parent body was read after ", "
	for k < len(toks) {
		if names[k] {
			break
		}
		g := gap(s, toks[k-1], toks[k])
		// "Chủ tịch Hội đồng trường và đồng chí Đỗ Quang Hiển": "đồng
		// chí" brings in the next person; it is never part of a title.
		if toks[k].in(ls) == "đồng" && k+1 < len(toks) && toks[k+1].in(ls) == "chí" {
			break
		}
		// "Vụ trưởng Vụ Lý luận chính trị, Ban Tuyên giáo Trung ương": a
		// department's title goes on over the body it belongs to.
		if g == ", " && !parented && k > i+kw && subUnitTitle(s, ls, toks, i, kw) && parentBodyAt(s, ls, toks, k, lx) {
			parented = true
			k++
			continue
		}
		// "Ngân hàng Chính sách xã hội (NHCSXH) tỉnh": an abbreviation in
		// parentheses inside the title.
		if g == " (" && isAbbrev(toks[k].in(s)) && k+1 < len(toks) && gap(s, toks[k], toks[k+1]) == ") " && titleWordOK(s, ls, toks, k+1, lx) && !names[k+1] {
			k += 2
			continue
		}
		// "Ban Chỉ huy Phòng, chống thiên tai": a fixed phrase, no end
		if g == ", " && commaPhrase(toks[k-1].in(ls), toks[k].in(ls)) {
			k++
			continue
		}
		// "Trưởng khoa Hồi sức tích cực": a hospital department.
		if g == " " && toks[k-1].in(ls) == "khoa" {
			if n := departmentAt(s, ls, toks, k, lx); n > 0 {
				k += n
				continue
			}
		}
		// "Tổ trưởng tổ dân phố số 9": a numbered hamlet or quarter.
		if g == " " && toks[k].in(ls) == "số" && lx.hamletWord[toks[k-1].in(ls)] && k+1 < len(toks) &&
			gap(s, toks[k], toks[k+1]) == " " && allDigits(toks[k+1].in(s)) {
			k += 2
			continue
		}
		// "Hội đồng Chức sắc Bà-la-môn tỉnh": the lower-case syllables of
		// a hyphenated name go with its capitalised first syllable.
		if g == "-" && hyphenTail(s, ls, toks, k) {
			k++
			continue
		}
		// "Giám đốc Công ty CP Bê tông Lạng Giang": a company's own name
		// after its legal form runs over lower-case words.
		if n := companyNameAt(s, ls, toks, k, names, lx); n > 0 {
			k += n
			continue
		}
		// "Giám đốc Sở GD&ĐT": "&" joins two abbreviations.
		if ampersandJoin(s, toks, k, g) {
			k++
			continue
		}
		if !gapOK(g) {
			break
		}
		if g == " - " || g == " – " {
			// "Name - Title" separators end a title unless an org follows
			// in capitals ("Cơ quan - Doanh nghiệp").
			if !toks[k].cap || titleAt(ls, toks, k, lx) > 0 {
				break
			}
		}
		if !titleWordOK(s, ls, toks, k, lx) && !clubWord(s, ls, toks, k) {
			break
		}
		if titleAt(ls, toks, k, lx) > 0 && k > i+kw {
			// A new title keyword ends this one unless it is part of an
			// organisation ("Ban Chấp hành", "Văn phòng Chủ tịch nước").
			break
		}
		k++
	}
	// Trailing connectors do not end a title.
	for k > i+kw && (toks[k-1].in(ls) == "và" || toks[k-1].in(ls) == "các") {
		k--
	}
	return k
}

// subUnitHeads open the name of a department of a larger body, which
// the genre follows with ", " and that body ("Vụ Lý luận chính trị, Ban
// Tuyên giáo Trung ương", "Phòng Tổ chức, Sở Nội vụ").
var subUnitHeads = map[string]bool{"Vụ": true, "Cục": true, "Phòng": true}

// subUnitTitle tells whether the title keyword of kw tokens at token i
// heads a department: its body starts with a subUnitHeads word ("Vụ
// trưởng Vụ ..."), or the keyword names the department's head itself
// ("Trưởng phòng ...").
func subUnitTitle(s, ls string, toks []token, i, kw int) bool {
	if toks[i+kw-1].in(ls) == "phòng" {
		return true
	}
	return i+kw < len(toks) && subUnitHeads[toks[i+kw].in(s)]
}

// parentHeads open the name of a body that has departments.
var parentHeads = map[string]bool{"Ban": true, "Bộ": true, "Sở": true, "Tổng cục": true, "UBND": true, "Ủy ban": true, "Uỷ ban": true, "Công an": true, "Học viện": true}

// parentBodyAt tells whether token k opens the name of a parent body
// (parentHeads, not a title keyword) with a capitalised name after it.
func parentBodyAt(s, ls string, toks []token, k int, lx *lexicon) bool {
	if titleAt(ls, toks, k, lx) > 0 {
		return false
	}
	w := toks[k].in(s)
	n := 1
	if k+1 < len(toks) && gap(s, toks[k], toks[k+1]) == " " && parentHeads[w+" "+toks[k+1].in(s)] {
		n = 2
	} else if !parentHeads[w] {
		return false
	}
	if w == "UBND" {
		return true
	}
	return k+n < len(toks) && gap(s, toks[k+n-1], toks[k+n]) == " " && toks[k+n].cap
}

// Officials returns the people in one sentence that the sentence gives an
// office, rank or religious title, with those titles, in the genre's
// patterns: "Title - Name", "Title Name", "đồng chí Name, Title, Title",
// "Name (Title)", "Name - Title", and chains of titles split by commas
// ("Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy - Hoàng Đình Cán").
func Officials(sentence string) []facts.Official {
	sentence = valid(sentence)
	ls := lower(sentence)
	toks := tokenizeLow(sentence, ls)
	return officialsIn(sentence, ls, toks, cuesOf(toks))
}

// officialsIn is Officials with the sentence's lower case, words and
// cues.
func officialsIn(sentence, ls string, toks []token, cues cue) []facts.Official {
	if cues&cueTitle == 0 {
		return nil // no title keyword: no title, so no official
	}
	lx := loadLexicon()
	names := findNames(sentence, ls, toks, lx)
	if len(names) == 0 {
		return nil
	}
	nameAt := make([]bool, len(toks))
	for _, n := range names {
		for k := n.from; k < n.to; k++ {
			nameAt[k] = true
		}
	}
	// Every title span in the sentence.
	type span struct{ from, to int }
	var titles []span
	for i := 0; i < len(toks); i++ {
		if nameAt[i] {
			continue
		}
		kw := titleAt(ls, toks, i, lx)
		if kw == 0 {
			continue
		}
		// "Phó Bí thư" not "Bí thư" inside it: keywords longest first, and
		// a keyword right after "Phó"/"nguyên" is inside a longer one.
		end := extendTitle(sentence, ls, toks, i, kw, nameAt, lx)
		from := i
		if i > 0 && toks[i-1].in(ls) == "nguyên" && gap(sentence, toks[i-1], toks[i]) == " " {
			from = i - 1
		}
		titles = append(titles, span{from, end})
		i = end - 1
	}
	if len(titles) == 0 {
		return nil
	}
	text := func(sp span) string { return sentence[toks[sp.from].start:toks[sp.to-1].end] }
	var out []facts.Official
	for _, n := range names {
		var got []string
		// Titles before the name: the title right before it, and the
		// chain of titles before that, split by commas.
		for ti := len(titles) - 1; ti >= 0; ti-- {
			t := titles[ti]
			if t.to > n.from {
				continue
			}
			if t.to != n.from {
				break
			}
			g := sentence[toks[t.to-1].end:toks[n.from].start]
			if !beforeNameGap(g) {
				break
			}
			if deceased(sentence, toks, t.from) {
				break
			}
			got = append(got, text(t))
			// the chain: ", Title" before this title
			for tj := ti - 1; tj >= 0; tj-- {
				prev, cur := titles[tj], titles[tj+1]
				if prev.to != cur.from {
					break
				}
				g := sentence[toks[prev.to-1].end:toks[cur.from].start]
				if g != ", " && g != "," && g != " , " {
					break
				}
				got = append([]string{text(prev)}, got...)
			}
			break
		}
		// Titles after the name: ", Title, Title", " - Title", " (Title".
		for ti := range titles {
			t := titles[ti]
			if t.from < n.to {
				continue
			}
			g := sentence[toks[n.to-1].end:toks[t.from].start]
			if !afterNameGap(g) {
				break
			}
			got = append(got, text(t))
			for tj := ti + 1; tj < len(titles); tj++ {
				prev, cur := titles[tj-1], titles[tj]
				g := sentence[toks[prev.to-1].end:toks[cur.from].start]
				if prev.to != cur.from && !afterAppoint(g) {
					break
				}
				// "Nguyễn Văn A, Chủ tịch HĐQT Công ty, được bầu giữ chức
				// Bí thư Đảng ủy": the office given after the ones held.
				if g != ", " && g != "," && g != " và " && !afterAppoint(g) {
					break
				}
				// "..., Bí thư Huyện ủy Nguyễn Văn B": that title is B's.
				if cur.to < len(toks) && nameAt[cur.to] && sentence[toks[cur.to-1].end:toks[cur.to].start] == " " {
					break
				}
				got = append(got, text(cur))
			}
			break
		}
		if len(got) == 0 {
			continue
		}
		out = append(out, facts.Official{Name: n.name, Titles: got, Evidence: sentence})
	}
	return out
}

// beforeNameGap tells whether g can stand between a title and the name it
// belongs to: "Bí thư Tỉnh ủy Nguyễn Văn A", "... - Nguyễn Văn A", "...,
// đồng chí Nguyễn Văn A".
func beforeNameGap(g string) bool {
	switch strings.TrimSpace(g) {
	case "", "-", "–", ":", ", đồng chí", "đồng chí", ", ông", ", bà", "ông", "bà":
		return true
	}
	return false
}

// afterNameGap tells whether g can stand between a name and its title:
// "Nguyễn Văn A, Bí thư ...", "Nguyễn Văn A - Bí thư", "Nguyễn Văn A (Bí
// thư ...".
func afterNameGap(g string) bool {
	// "Nguyễn Văn Út, 92 tuổi, nguyên Chủ tịch UBND xã": the age between
	if a, ok := strings.CutPrefix(g, ", "); ok {
		if n, rest, ok := strings.Cut(a, " tuổi"); ok && n != "" && len(n) <= 3 && strings.Trim(n, "0123456789") == "" {
			g = rest
		}
	}
	switch t := strings.TrimSpace(g); t {
	case ",", "-", "–", "(", "- nguyên", ", nguyên", "(nguyên":
		return true
	default:
		// "Vàng A Sử được bầu giữ chức Bí thư Đảng ủy xã", "Lý Thị Dung
		// giữ chức Phó Bí thư"
		for _, v := range appointVerbs {
			if t == v {
				return true
			}
		}
	}
	return false
}

// appointVerbs stand between a name and the office it is given: "được
// bầu giữ chức", "được bổ nhiệm giữ chức", "giữ chức".
var appointVerbs = []string{
	"giữ chức", "được bầu giữ chức", "được bầu làm", "được bầu là", "được bổ nhiệm giữ chức",
	"được bổ nhiệm làm", "được bổ nhiệm", "được phân công giữ chức", "được phân công làm",
	"được điều động giữ chức", "được chỉ định giữ chức", "được chỉ định làm", "tiếp tục giữ chức",
	"được bầu tái cử", "tái cử", "đảm nhận chức", "được giao giữ chức",
}

// afterAppoint tells whether g is ", " and an appointing verb: ",
// được bầu giữ chức".
func afterAppoint(g string) bool {
	t := strings.TrimSpace(g)
	if !strings.HasPrefix(t, ",") {
		return false
	}
	t = strings.TrimSpace(t[1:])
	for _, v := range appointVerbs {
		if t == v {
			return true
		}
	}
	return false
}

// deceased tells whether the title at token i is written "cố Tổng Bí thư".
func deceased(s string, toks []token, i int) bool {
	return i > 0 && (toks[i-1].in(s) == "cố" || toks[i-1].in(s) == "Cố")
}

// mergeOfficials joins the mentions of one person: titles in union, a
// title that another contains dropped ("Bí thư" beside "Bí thư Huyện ủy
// Châu Thành").
func mergeOfficials(in []facts.Official, exclude map[string]bool) []facts.Official {
	var out []facts.Official
	index := map[string]int{}
	for _, o := range in {
		if exclude[o.Name] {
			continue
		}
		i, ok := index[o.Name]
		if !ok {
			index[o.Name] = len(out)
			out = append(out, facts.Official{Name: o.Name, Evidence: o.Evidence})
			i = len(out) - 1
		}
		out[i].Titles = append(out[i].Titles, o.Titles...)
	}
	for i := range out {
		out[i].Titles = fullestTitles(out[i].Titles)
	}
	return out
}

func fullestTitles(ts []string) []string {
	lows := lowerAll(ts)
	var out []string
	for i, t := range ts {
		lt := lows[i]
		drop := false
		for j := range ts {
			if i == j {
				continue
			}
			lu := lows[j]
			if lu == lt && j < i {
				drop = true
				break
			}
			if lu != lt && strings.Contains(lu, lt) {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, t)
		}
	}
	return out
}

// namesakeWords are followed by the person a school, street or body is
// named after, not by a person present.
var namesakeWords = map[string]bool{
	"THPT": true, "THCS": true, "TH": true, "PTDTBT": true, "PTDTNT": true, "PTCS": true, "THCS-THPT": true,
	"học": true, "chuyên": true, "Trường": true, "trường": true, "đường": true, "phố": true, "Đường": true,
	"cầu": true, "Cầu": true,
}

// unionPlaces, before "Đoàn", make the youth union of that level.
var unionPlaces = map[string]bool{"Quận": true, "Huyện": true, "Tỉnh": true, "Thành": true, "Thị": true, "Xã": true, "Phường": true}

// bodyNameWords (lower case) are followed by the name of a religious or
// civic body, never a person: "giáo xứ Cù Lao Giêng", "chùa Phước Long".
// ("Hội thánh Tin Lành Huế": a congregation.)
var bodyNameWords = map[string]bool{"xứ": true, "họ": true, "đạo": true, "chùa": true, "xá": true, "thất": true, "đường": true, "giáo": true, "thánh": true}

// apostropheName tells whether w is a name of the Central Highlands
// written with an apostrophe: "H'Bia", "H’Len", "K'Mák", "Y'Ngọc".
func apostropheName(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if r < 'A' || r > 'Z' {
		return false
	}
	rest := w[size:]
	for _, ap := range []string{"'", "’"} {
		if strings.HasPrefix(rest, ap) {
			r2, _ := utf8.DecodeRuneInString(rest[len(ap):])
			return r2 != utf8.RuneError && unicode.IsUpper(r2)
		}
	}
	return false
}

// clubWord tells whether the lower-case word at k names what a club or
// team does, right after "Câu lạc bộ", "CLB", "Đội" or "Nhóm" and before a
// capitalised word: "Câu lạc bộ xòe Thái bản Co Mỵ".
func clubWord(s, ls string, toks []token, k int) bool {
	if k < 1 || k+1 >= len(toks) || toks[k].in(s) != toks[k].in(ls) || !isUpperWord(toks[k+1].in(s)) {
		return false
	}
	if gap(s, toks[k-1], toks[k]) != " " || gap(s, toks[k], toks[k+1]) != " " {
		return false
	}
	prev := toks[k-1].in(ls)
	return prev == "clb" || prev == "nhóm" || prev == "đội" || prev == "bộ" && k >= 3 && toks[k-2].in(ls) == "lạc" && toks[k-3].in(ls) == "câu"
}

// framedBefore tells whether the run of capitalised words at token i
// follows a word that announces a person: "đồng chí", "ông", "bà", or a
// rank or religious title ("Thượng tá", "Mục sư").
func framedBefore(s, ls string, toks []token, i int, lx *lexicon) bool {
	if i == 0 || gap(s, toks[i-1], toks[i]) != " " {
		return false
	}
	switch toks[i-1].in(ls) {
	case "ông", "bà":
		return true
	case "chí":
		return i >= 2 && toks[i-2].in(ls) == "đồng" && gap(s, toks[i-2], toks[i-1]) == " "
	}
	for k := 1; k <= 3 && k <= i; k++ {
		if k > 1 && gap(s, toks[i-k], toks[i-k+1]) != " " {
			break
		}
		if kind := lx.titles[ls[toks[i-k].start:toks[i-1].end]]; kind == "rank" || kind == "religious" {
			return true
		}
	}
	return false
}

// dashTitledBefore tells whether the run of capitalised words [i, j)
// stands after " - " that ends a title ("Chủ tịch HĐND huyện - Pờ Chừ
// Lả"), and is made of plain words that no list knows as an organisation,
// title or place word, so that it is no organisation after a dash ("Cơ
// quan - Doanh nghiệp") nor a place.
func dashTitledBefore(s, ls string, toks []token, i, j int, lx *lexicon) bool {
	if i == 0 {
		return false
	}
	if g := gap(s, toks[i-1], toks[i]); g != " - " && g != " – " {
		return false
	}
	for k := i; k < j; k++ {
		if isAbbrev(toks[k].in(s)) {
			return false
		}
		if titleAt(ls, toks, k, lx) > 0 {
			return false
		}
		// The first word opens no body, place or organisation phrase;
		// later ones may be such words too ("Thị", "Văn" of a name).
		if wi := toks[k].w; k == i && wi != nil && (wi.org || wi.pairFirst || wi.pairLast || len(wi.heads) > 0 || len(wi.places) > 0) {
			return false
		}
	}
	if _, isPlace := lx.placeNames.get(s[toks[i].start:toks[j-1].end]); isPlace || placePrefix(s, toks, i, j, lx) != i {
		return false
	}
	// The nearest title keyword before the dash runs up to it.
	stop := make([]bool, len(toks))
	for k := i; k < j; k++ {
		stop[k] = true
	}
	for p := i - 1; p >= 0 && p >= i-15; p-- {
		if kw := titleAt(ls, toks, p, lx); kw > 0 {
			return extendTitle(s, ls, toks, p, kw, stop, lx) == i
		}
	}
	return false
}

// titledAfter tells whether a title from the lexicon follows token j-1
// after ", " or " (": "..., Bí thư Đảng ủy", "... (Trưởng Công an ...)".
func titledAfter(s, ls string, toks []token, j int, lx *lexicon) bool {
	if j >= len(toks) {
		return false
	}
	g := gap(s, toks[j-1], toks[j])
	if g != ", " && g != " (" {
		return false
	}
	return titleAt(ls, toks, j, lx) > 0
}

// commaPhrase tells whether "a, b" (lower case) is a fixed phrase written
// with a comma inside a name: "phòng, chống" ("Ban Chỉ đạo phòng, chống
// tham nhũng").
func commaPhrase(a, b string) bool {
	return a == "phòng" && b == "chống"
}

// departmentAt returns the length in tokens of the hospital department
// name at token k ("Hồi sức tích cực" after "khoa"), or 0. The words of
// the name are apart by single spaces, or by " - " where the list has "-".
func departmentAt(s, ls string, toks []token, k int, lx *lexicon) int {
	for _, d := range lx.departments {
		n, ok := 0, true
		for _, w := range d {
			if w == "-" {
				continue // the separator is the gap between two tokens
			}
			if k+n >= len(toks) || toks[k+n].in(ls) != w {
				ok = false
				break
			}
			if n > 0 {
				if g := gap(s, toks[k+n-1], toks[k+n]); g != " " && g != " - " {
					ok = false
					break
				}
			}
			n++
		}
		if ok && n > 0 {
			return n
		}
	}
	return 0
}

// allDigits tells whether w is a non-empty run of ASCII digits.
func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
