package match

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/vntext"
)

// ProvinceMention is a province named (or implied by a district) in a text.
type ProvinceMention struct {
	Province string // as the gold writes it: "Long An", "Hồ Chí Minh"
	Via      string // the words it was read from
	District bool   // read from a district name
	// Ward: read from a commune or ward that bears a former district's
	// name ("phường Hoa Lư", "xã Văn Bàn"), as those made on 1/7/2025 do;
	// it counts only for an article of that date or later.
	Ward  bool
	Start int // byte offset in the text
}

// Provinces returns the province-level units a text names: province names
// ("tỉnh Long An", "Long An"), short forms ("TP.HCM"), districts after a
// type word ("quận Thanh Xuân" gives Hà Nội) and a newspaper dateline code
// at the start ("LSO-" Lạng Sơn).
func Provinces(text string) []ProvinceMention {
	text = valid(text)
	lt := lower(text)
	toks := tokenizeLow(text, lt)
	return provincesIn(text, lt, toks, cuePlace)
}

// districtTypes are the words before a district name that make it one
// ("huyện Châu Thành", "Huyện ủy Cần Giuộc"), case-sensitive.
//
// "phường" and "xã" are among them: the wards and communes made in 2025
// carry the names of the districts they replace ("phường Hoa Lư", "xã
// Văn Bàn"); see ProvinceMention.Ward.
var districtTypes = []string{"huyện ", "quận ", "thị xã ", "thành phố ", "TP.", "TP ", "Tp.", "Huyện ủy ", "Quận ủy ", "Thị ủy ", "Thành ủy ", "huyện ủy ", "Huyện ", "Quận ", "Thị xã ", "Thành phố ", "phường ", "Phường ", "xã ", "Xã "}

// wardTypes are the district types of districtTypes that name a commune
// or a ward.
var wardTypes = map[string]bool{"phường ": true, "Phường ": true, "xã ": true, "Xã ": true}

// districtFirst marks the bytes a district type begins with.
var districtFirst = func() (t [256]bool) {
	for _, pt := range districtTypes {
		t[pt[0]] = true
	}
	return t
}()

// provincesIn is Provinces with lt == lower(text), its words and cues.
func provincesIn(text, lt string, toks []token, cues cue) []ProvinceMention {
	lx := loadLexicon()
	var out []ProvinceMention
	// Dateline code: "LSO-", "BHG - ".
	if code, ok := datelineCode(text); ok {
		if p, ok := lx.datelines[code]; ok {
			out = append(out, ProvinceMention{Province: p.Name, Via: code, Start: 0})
		}
	} else if host, ok := datelineDomain(text); ok {
		if p := provinceOfHost(host); p != "" {
			out = append(out, ProvinceMention{Province: p, Via: host, Start: 0})
		}
	}
	next := 0 // names do not overlap
	for k := range toks {
		t := &toks[k]
		// A name starts with a capital at the start of a word.
		i := t.start
		if !t.upper || i < next || i > 0 && isWordByte(text[i-1]) || t.in(lt) == t.in(text) {
			continue
		}
		if m, n, ok := provinceAt(text, lt, i, lx); ok {
			out = append(out, m)
			next = i + n
		}
	}
	// Districts after a type word.
	if cues&cuePlace == 0 {
		return out
	}
	for k := range toks {
		t := &toks[k]
		i := t.start
		// only a word that can begin a district type is worth a look-up
		if !districtFirst[text[i]] || t.cue()&cuePlace == 0 || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		for _, pt := range districtTypes {
			if !strings.HasPrefix(text[i:], pt) {
				continue
			}
			rest := strings.TrimLeft(text[i+len(pt):], " ")
			ds, _ := lx.distFirstTab.get(firstWord(rest))
			for _, d := range ds {
				if strings.HasPrefix(rest, d) && (len(rest) == len(d) || !isWordByte(rest[len(d)])) {
					ps := lx.districts[d]
					if len(ps) == 1 {
						out = append(out, ProvinceMention{Province: ps[0], Via: d, District: true, Ward: wardTypes[pt], Start: i})
					}
					break
				}
			}
		}
	}
	return out
}

// provinceAt reads a province spelling at i.
func provinceAt(text, lt string, i int, lx *lexicon) (ProvinceMention, int, bool) {
	rest := text[i:]
	sps, _ := lx.provFirstTab.get(firstWord(rest))
	for _, sp := range sps {
		if !strings.HasPrefix(rest, sp) {
			continue
		}
		if len(rest) > len(sp) && isWordByte(rest[len(sp)]) {
			continue
		}
		p := lx.provByName[sp]
		before := strings.TrimRight(lastN(lt[:i], 14), " ")
		typed := strings.HasSuffix(before, "tỉnh") || strings.HasSuffix(before, "thành phố") || strings.HasSuffix(before, "tp.") || strings.HasSuffix(before, "tp")
		// "phong cách Hồ Chí Minh" is not the city.
		if p.Name == "Hồ Chí Minh" && sp == "Hồ Chí Minh" && !typed {
			return ProvinceMention{}, len(sp), false
		}
		// Inside a longer run of capitalised words ("Nguyễn Hà Nam"), a
		// province name needs its type word.
		if !typed && i > 0 {
			prev := lastWord(text[:i])
			if prev != "" && isCap(prev) && !startsSentence(text[:i]) && !orgBefore(prev) && personBefore(text[:i], lx) {
				return ProvinceMention{}, len(sp), false
			}
		}
		return ProvinceMention{Province: p.Name, Via: sp, Start: i}, len(sp), true
	}
	return ProvinceMention{}, 0, false
}

// personBefore tells whether the capitalised words that end head (up to
// three) start with a surname, so that a province name after them is the
// end of a person's name ("Nguyễn Hà Nam"), not of an organisation's
// ("Đảng ủy Than Quảng Ninh").
func personBefore(head string, lx *lexicon) bool {
	words := strings.Fields(lastN(head, 40))
	n := 0
	for k := len(words) - 1; k >= 0 && n < 3 && isCap(words[k]); k-- {
		n++
		if lx.surnames[strings.Trim(words[k], "(“\"")] {
			return true
		}
	}
	return false
}

// orgBefore tells whether w, right before a province name, is part of an
// organisation that takes a province name ("Báo Long An", "Đài ...").
func orgBefore(w string) bool {
	switch w {
	case "Báo", "Đài", "Tỉnh", "Đảng", "Đoàn", "Hội":
		return true
	}
	return false
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	if s == "" || !isWordByte(s[len(s)-1]) {
		return ""
	}
	i := strings.LastIndexAny(s, " \n(\"“-,;:")
	return s[i+1:]
}

func startsSentence(s string) bool {
	t := strings.TrimRight(s, " ")
	return t == "" || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "\n")
}

// datelineCode reads a code such as "LSO-" or "BHG - " at the start.
func datelineCode(text string) (string, bool) {
	t := strings.TrimLeft(text, " \n")
	// "(LĐ online) - ", "(TTH) - "
	if strings.HasPrefix(t, "(") {
		if k := strings.IndexByte(t, ')'); k > 0 && k < 20 {
			code := strings.TrimSpace(t[1:k])
			if c, ok := strings.CutSuffix(code, " online"); ok {
				code = c
			} else if c, ok := strings.CutSuffix(code, " Online"); ok {
				code = c
			}
			rest := strings.TrimLeft(t[k+1:], " ")
			if c, ok := datelineCode(code + " -"); ok && c == code && (strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–")) {
				return code, true
			}
		}
		return "", false
	}
	j := 0
	for j < len(t) && j < 8 {
		r, size := utf8.DecodeRuneInString(t[j:])
		if !(r >= 'A' && r <= 'Z' || r == 'Đ' || r == 'a' || r == 'g' || r == 'o') {
			break
		}
		j += size
	}
	if j < 2 {
		return "", false
	}
	rest := strings.TrimLeft(t[j:], " ")
	if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") {
		return t[:j], true
	}
	return "", false
}

// chooseProvince picks the province an article is about from its
// mentions: the dateline first, then votes (title mentions count more),
// and names it as it was at the article's date (t, zero when unknown).
// provinceOfSite reads the province a site's name holds, written in
// capitals or not ("BÁO QUẢNG NINH", "Cổng thông tin điện tử huyện Cần
// Đước"), as of t (zero for unknown); "" for none.
func provinceOfSite(site string, t time.Time) string {
	site = vntext.NFC(site)
	if !strings.ContainsFunc(site, unicode.IsLower) {
		site = titleCase(site)
	}
	return chooseProvince(nil, Provinces(site), nil, t)
}

// datelineDomain reads a newspaper's domain written as the dateline:
// "(Baothanhhoa.vn) – ", "(baoquangninh.vn) - ".
func datelineDomain(text string) (string, bool) {
	t := strings.TrimLeft(text, " \n")
	if !strings.HasPrefix(t, "(") {
		return "", false
	}
	k := strings.IndexByte(t, ')')
	if k < 5 || k > 40 {
		return "", false
	}
	host := t[1:k]
	rest := strings.TrimLeft(t[k+1:], " ")
	if !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "–") || !strings.Contains(host, ".") || strings.ContainsAny(host, " /") {
		return "", false
	}
	return host, true
}

// provinceOfHost reads the province in a news site's host name:
// "baothanhhoa.vn" Thanh Hóa, "www.baoquangninh.com.vn" Quảng Ninh,
// "tinhuybinhduong.vn" Bình Dương; "" where the first label of the host
// holds no province spelling of five letters or more.
func provinceOfHost(host string) string {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	label, _, _ := strings.Cut(host, ".")
	if len(label) < 5 {
		return ""
	}
	for _, d := range loadLexicon().domainNames {
		if strings.Contains(label, d.folded) {
			return d.p.Name
		}
	}
	return ""
}

// domainFold writes s as a domain name does: folded, lower case, letters
// and digits only ("Thanh Hóa" thanhhoa).
func domainFold(s string) string {
	var b strings.Builder
	for _, r := range vntext.Fold(strings.ToLower(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func chooseProvince(title []ProvinceMention, body []ProvinceMention, lead []ProvinceMention, t time.Time) string {
	lx := loadLexicon()
	votes := map[string]int{}
	first := map[string]int{}
	order := 0
	merger := time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
	add := func(ms []ProvinceMention, w int) {
		for _, m := range ms {
			if m.Ward && (t.IsZero() || t.Before(merger)) {
				continue // before 2025 a commune's name says nothing of its district
			}
			v := w
			if m.Via != "" && (len(m.Via) <= 4 || strings.Contains(m.Via, ".")) && m.Start == 0 && !m.District {
				v = w * 5 // dateline code or domain
			}
			votes[m.Province] += v
			if _, ok := first[m.Province]; !ok {
				first[m.Province] = order
				order++
			}
		}
	}
	add(title, 3)
	add(lead, 2)
	add(body, 1)
	best, bestV := "", 0
	for p, v := range votes {
		if v > bestV || v == bestV && first[p] < first[best] {
			best, bestV = p, v
		}
	}
	if best == "" {
		return ""
	}
	if !t.IsZero() {
		p := lx.provByName[best]
		if p != nil && p.Merged != "" && !t.Before(merger) {
			return p.Merged
		}
		if best == "Thừa Thiên Huế" && !t.Before(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
			return "Huế" // a centrally-run city from 1/1/2025
		}
	}
	return best
}

func zeroTime() time.Time { return time.Time{} }
