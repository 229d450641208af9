package match

import (
	"strings"

	"github.com/vnnews/vnnews/extract/facts"
)

// exemplaryCues mark a sentence that names good models (lower case).
var exemplaryCues = []string{"nổi bật", "tiêu biểu", "điển hình", "mô hình hay", "cách làm hay", "gương sáng", "làm tốt", "dẫn đầu"}

// exemplaryPrevCues, in the sentence before, announce a list of models
// ("... nhiều mô hình hay. Đó là A với ...; B với ...").
var exemplaryPrevCues = []string{"mô hình hay", "cách làm hay", "điển hình", "tiêu biểu", "nổi bật"}

// Units returns the organisations one sentence names as commended
// ("tặng giấy khen cho Huyện đoàn Cần Giuộc": awarded) or as exemplary
// ("Nổi bật có Đảng bộ cơ sở Cục Thuế tỉnh; ...", "điển hình như ...",
// "X với mô hình ..."). prev is the sentence before, which may carry the
// cue for a list ("... nhiều mô hình hay. Đó là A với ...; B với ...").
func Units(sentence, prev string) []facts.Unit {
	lx := loadLexicon()
	ls, lp := lower(sentence), lower(prev)
	toks := tokenizeLow(sentence, ls)
	return unitsIn(sentence, ls, toks, lx.cuesOf(toks), lp, lx.cuesOf(tokenize(lp)))
}

// unitsIn is Units with the sentence lower-cased (ls), its words and cues,
// and the sentence before lower-cased with its cues.
func unitsIn(sentence, ls string, toks []token, cues cue, prev string, prevCues cue) []facts.Unit {
	if cues&(cueForm|cueExemplary) == 0 && prevCues&cueExemplary == 0 {
		return nil
	}
	lx := loadLexicon()
	var out []facts.Unit
	seen := map[string]bool{}
	add := func(name, role string) {
		name = strings.TrimSpace(strings.TrimRight(name, " ,;.…"))
		if name == "" || seen[name] {
			return
		}
		seen[name] = true
		out = append(out, facts.Unit{Name: name, Role: role, Evidence: sentence})
	}
	// Awarded: after a form word, "cho <list>".
	if cues&cueForm != 0 {
		for from := 0; ; {
			i := strings.Index(ls[from:], "cho ")
			if i < 0 {
				break
			}
			i += from
			from = i + 4
			if i > 0 && isWordByte(ls[i-1]) {
				continue
			}
			if lastForm(ls[:i]) == "" {
				continue
			}
			for _, item := range splitList(sentence[i+4:]) {
				if name, ok := unitAt(item, lx); ok {
					add(name, facts.RoleAwarded)
				}
			}
		}
	}
	// Exemplary lists.
	if cues&cueExemplary != 0 && hasAny(ls, exemplaryCues) || prevCues&cueExemplary != 0 && hasAny(prev, exemplaryPrevCues) {
		body := sentence
		for _, lead := range []string{"nổi bật có ", "nổi bật là ", "nổi bật như ", "tiêu biểu như ", "tiêu biểu là ", "tiêu biểu có ", "điển hình như ", "điển hình là ", "như: ", "gồm: ", "đó là ", "đó "} {
			if i := strings.Index(ls, lead); i >= 0 {
				body = sentence[i+len(lead):]
				break
			}
		}
		if body != sentence || strings.Contains(ls, " với mô hình") || strings.Contains(ls, " với ") && strings.Count(ls, ";") >= 2 {
			for _, item := range strings.Split(body, ";") {
				item = strings.TrimSpace(item)
				for _, lead := range []string{"Bên cạnh đó, ", "Ngoài ra, ", "Đó là ", "Đó ", "và "} {
					item = strings.TrimPrefix(item, lead)
				}
				if name, ok := unitAt(item, lx); ok {
					add(name, facts.RoleExemplary)
				}
			}
		}
		// "Là một trong những đơn vị điển hình ..., Chi bộ X đã ..."
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

// splitList splits "A, B và C có thành tích ..." into items at commas and
// "và", stopping at the end of the clause.
func splitList(s string) []string {
	if i := strings.IndexAny(s, ";."); i >= 0 {
		s = s[:i]
	}
	var out []string
	for _, part := range strings.Split(s, ", ") {
		out = append(out, strings.Split(part, " và ")...)
	}
	return out
}

// unitAt reads an organisation or a place named as a unit at the start of
// s: an organisation head word ("Huyện đoàn", "Chi bộ", "Hội", "UBMTTQ")
// or a place type before a capitalised name ("huyện Châu Thành",
// "TP.Tân An"), run on over organisation words.
func unitAt(s string, lx *lexicon) (string, bool) {
	s = strings.TrimSpace(s)
	toks := tokenize(s)
	if len(toks) == 0 || toks[0].start != 0 {
		return "", false
	}
	head := 0
	for _, h := range lx.orgHeads {
		if len(h) > len(toks) {
			continue
		}
		ok := true
		for k, w := range h {
			if toks[k].text != w {
				ok = false
				break
			}
		}
		if ok {
			head = len(h)
			break
		}
	}
	if head == 0 {
		for _, pt := range lx.placeTypes {
			if strings.HasPrefix(s, pt) && len(s) > len(pt) {
				rest := strings.TrimLeft(s[len(pt):], " ")
				rt := tokenize(rest)
				if len(rt) > 0 && rt[0].start == 0 && isCap(rt[0].text) {
					n := len(tokenize(pt))
					head = n
					break
				}
			}
		}
		if head == 0 {
			return "", false
		}
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
		if !titleWordOK(toks, k, lx) {
			break
		}
		if titleAt(toks, k, lx) > 0 {
			break
		}
		k++
	}
	for k > head && (lower(toks[k-1].text) == "và" || lower(toks[k-1].text) == "các") {
		k--
	}
	if k == head && head == 1 && !isAbbrev(toks[0].text) {
		// a bare head word ("Hội", "Ban") is not a name
		return "", false
	}
	return s[:toks[k-1].end], true
}
