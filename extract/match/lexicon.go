package match

import (
	"bufio"
	"embed"
	"sort"
	"strings"
	"sync"

	"github.com/vnnews/vnnews/extract/vntext"
)

// The lexicons live as data files under data/, one list each.
//
//go:embed data/*.txt data/*.tsv
var dataFS embed.FS

// lexicon is every list the matchers use, loaded once from data/ and never
// changed afterwards.
type lexicon struct {
	surnames map[string]bool // NFC surname
	// titles maps the lower-cased title words to their kind ("", "rank",
	// "religious"); titleWords holds them split into words, longest first.
	titles       map[string]string
	titleWords   [][]string
	titleByFirst map[string][][]string // first word → titles, longest first
	orgWords     map[string]bool       // lower-case words allowed in titles and names
	orgPairs     map[string]bool       // two-word lower-case entries, "phát triển"

	provinces   []province
	provByName  map[string]*province // every spelling → province
	provSpell   []string             // spellings, longest first
	provFirst   map[string][]string  // first word of a spelling → spellings, longest first
	datelines   map[string]*province
	districts   map[string][]string // district → provinces
	districtKey []string            // district names, longest first
	distFirst   map[string][]string // first word → district names, longest first

	kinds     map[string]string   // "chỉ thị" → "CT"
	kindKeys  []string            // lower-case kind words, longest first
	kindFirst map[string][]string // first word → kind words, longest first
	abbrKind  map[string]string   // "CT" → "Chỉ thị"
	issuers   []issuer            // longest body first

	// cues maps a lower-case word to the cue bits it sets on a sentence,
	// so that a matcher can skip a sentence without the words it needs.
	cues map[string]cue

	orgHeads   [][]string      // organisation head words, longest first
	wholeHeads map[string]bool // heads that name a body by themselves: "Tỉnh Đoàn"
	placeTypes []string        // "thành phố", "huyện", "TP.", longest first
	placeLevel map[string]int  // place type → level: 1 hamlet, 2 commune, 3 district
	placeWord  map[string]bool // last word of a lower-case place type: "xã", "phố"
	// orgHeadsByFirst and placeTypesByFirst map a first word (as written)
	// to the heads and place types it starts, split into words, longest
	// first; unitFirst holds every such first word.
	orgHeadsByFirst   map[string][][]string
	placeTypesByFirst map[string][][]string
	unitFirst         map[string]bool
}

type province struct {
	Name    string
	Merged  string // province it belongs to from 1/7/2025, "" when unchanged
	NewOnly bool
}

type issuer struct {
	body  string // lower case
	party string
	state string
}

var loadLexicon = sync.OnceValue(func() *lexicon {
	lx := &lexicon{
		surnames:   map[string]bool{},
		titles:     map[string]string{},
		orgWords:   map[string]bool{},
		orgPairs:   map[string]bool{},
		provByName: map[string]*province{},
		datelines:  map[string]*province{},
		districts:  map[string][]string{},
		kinds:      map[string]string{},
		abbrKind:   map[string]string{},
	}
	for _, l := range lines("surnames.txt") {
		lx.surnames[l[0]] = true
	}
	for _, l := range lines("titles.txt") {
		kind := ""
		if len(l) > 1 {
			kind = l[1]
		}
		key := strings.ToLower(l[0])
		lx.titles[key] = kind
		lx.titleWords = append(lx.titleWords, strings.Fields(key))
	}
	sort.SliceStable(lx.titleWords, func(i, j int) bool { return len(lx.titleWords[i]) > len(lx.titleWords[j]) })
	lx.titleByFirst = map[string][][]string{}
	for _, tw := range lx.titleWords {
		lx.titleByFirst[tw[0]] = append(lx.titleByFirst[tw[0]], tw)
	}
	for _, l := range lines("orgwords.txt") {
		w := strings.ToLower(l[0])
		if strings.Contains(w, " ") {
			lx.orgPairs[w] = true
		} else {
			lx.orgWords[w] = true
		}
	}
	for _, l := range lines("provinces.tsv") {
		p := &province{Name: l[0]}
		if len(l) > 2 {
			p.Merged = strings.TrimSpace(l[2])
		}
		if len(l) > 4 && l[4] == "new" {
			p.NewOnly = true
		}
		lx.provinces = append(lx.provinces, *p)
		lx.provByName[p.Name] = p
		if len(l) > 1 {
			for _, a := range strings.Split(l[1], ",") {
				if a = strings.TrimSpace(a); a != "" {
					lx.provByName[a] = p
				}
			}
		}
		if len(l) > 3 {
			for _, c := range strings.Split(l[3], ",") {
				if c = strings.TrimSpace(c); c != "" {
					lx.datelines[c] = p
				}
			}
		}
	}
	for k := range lx.provByName {
		lx.provSpell = append(lx.provSpell, k)
	}
	sort.Slice(lx.provSpell, func(i, j int) bool {
		if len(lx.provSpell[i]) != len(lx.provSpell[j]) {
			return len(lx.provSpell[i]) > len(lx.provSpell[j])
		}
		return lx.provSpell[i] < lx.provSpell[j]
	})
	lx.provFirst = map[string][]string{}
	for _, sp := range lx.provSpell {
		w := firstWord(sp)
		lx.provFirst[w] = append(lx.provFirst[w], sp)
	}
	for _, l := range lines("districts.tsv") {
		if len(l) < 2 {
			continue
		}
		for _, d := range strings.Split(l[1], ",") {
			if d = strings.TrimSpace(d); d != "" {
				lx.districts[d] = append(lx.districts[d], l[0])
			}
		}
	}
	for k := range lx.districts {
		lx.districtKey = append(lx.districtKey, k)
	}
	sort.Slice(lx.districtKey, func(i, j int) bool {
		if len(lx.districtKey[i]) != len(lx.districtKey[j]) {
			return len(lx.districtKey[i]) > len(lx.districtKey[j])
		}
		return lx.districtKey[i] < lx.districtKey[j]
	})
	lx.distFirst = map[string][]string{}
	for _, d := range lx.districtKey {
		w := firstWord(d)
		lx.distFirst[w] = append(lx.distFirst[w], d)
	}
	for _, l := range lines("kinds.tsv") {
		if len(l) < 2 {
			continue
		}
		lx.kinds[strings.ToLower(l[0])] = l[1]
		lx.kindKeys = append(lx.kindKeys, strings.ToLower(l[0]))
		if _, ok := lx.abbrKind[l[1]]; !ok {
			lx.abbrKind[l[1]] = l[0]
		}
	}
	sort.Slice(lx.kindKeys, func(i, j int) bool { return len(lx.kindKeys[i]) > len(lx.kindKeys[j]) })
	lx.kindFirst = map[string][]string{}
	for _, k := range lx.kindKeys {
		w := firstWord(k)
		lx.kindFirst[w] = append(lx.kindFirst[w], k)
	}
	for _, l := range lines("issuers.tsv") {
		is := issuer{body: strings.ToLower(l[0])}
		if len(l) > 1 {
			is.party = l[1]
		}
		if len(l) > 2 {
			is.state = l[2]
		}
		lx.issuers = append(lx.issuers, is)
	}
	sort.SliceStable(lx.issuers, func(i, j int) bool { return len(lx.issuers[i].body) > len(lx.issuers[j].body) })
	lx.wholeHeads = map[string]bool{}
	for _, l := range lines("orgheads.txt") {
		lx.orgHeads = append(lx.orgHeads, strings.Fields(l[0]))
		if len(l) > 1 && strings.TrimSpace(l[1]) == "whole" {
			lx.wholeHeads[l[0]] = true
		}
	}
	sort.SliceStable(lx.orgHeads, func(i, j int) bool { return len(lx.orgHeads[i]) > len(lx.orgHeads[j]) })
	lx.placeLevel = map[string]int{}
	lx.placeWord = map[string]bool{}
	for _, l := range lines("placetypes.txt") {
		lx.placeTypes = append(lx.placeTypes, l[0])
		// "xã", "phố" (thành phố), "trấn" (thị trấn); not "chùa" (level 0)
		if f := strings.Fields(l[0]); len(f) > 0 && len(l) > 1 && strings.TrimSpace(l[1]) != "0" {
			if w := f[len(f)-1]; w == strings.ToLower(w) {
				lx.placeWord[w] = true
			}
		}
		if len(l) > 1 {
			lx.placeLevel[l[0]] = atoiSafe(l[1])
		}
	}
	sort.SliceStable(lx.placeTypes, func(i, j int) bool { return len(lx.placeTypes[i]) > len(lx.placeTypes[j]) })
	lx.orgHeadsByFirst = map[string][][]string{}
	lx.placeTypesByFirst = map[string][][]string{}
	lx.unitFirst = map[string]bool{}
	for _, h := range lx.orgHeads {
		lx.orgHeadsByFirst[h[0]] = append(lx.orgHeadsByFirst[h[0]], h)
		lx.unitFirst[firstWord(h[0])] = true
	}
	for _, pt := range lx.placeTypes {
		var words []string
		for _, t := range tokenize(pt) {
			words = append(words, t.text)
		}
		lx.placeTypesByFirst[words[0]] = append(lx.placeTypesByFirst[words[0]], words)
		lx.unitFirst[words[0]] = true
	}
	lx.cues = map[string]cue{}
	addCue := func(c cue, words []string, last bool) {
		for _, w := range words {
			f := strings.Fields(strings.ToLower(w))
			k := f[0]
			if last {
				k = f[len(f)-1]
			}
			lx.cues[k] |= c
		}
	}
	addCue(cueForm, formWords, true)
	addCue(cueExemplary, exemplaryCues, true)
	addCue(cueExemplary, exemplaryPrevCues, true)
	addCue(cueKind, lx.kindKeys, false)
	addCue(cuePlace, []string{"huyện", "quận", "xã", "phố", "tp", "thị", "thành"}, false)
	for w := range lx.kindFirst {
		lx.cues[w] |= cueKindFirst
	}
	return lx
})

// cue is a set of bits telling which kinds of cue word a sentence holds.
type cue uint8

const (
	cueForm      cue = 1 << iota // a form of commendation: "khen", "biểu dương"
	cueExemplary                 // "nổi bật", "tiêu biểu", "điển hình", "mô hình hay"
	cueKind                      // a document kind: "Chỉ thị", "Kết luận"
	cuePlace                     // a place type: "huyện", "thành phố", "TP."
	cueKindFirst                 // the first word of a document kind (a key of kindFirst)
)

// cuesOf returns the cue bits of a sentence's words, and stores each
// word's own bits in its token for the matchers that read word by word.
func (lx *lexicon) cuesOf(toks []token) cue {
	var c cue
	for i := range toks {
		b := lx.cues[toks[i].low]
		toks[i].cue = b
		c |= b
	}
	return c
}

// lines reads a data file: NFC, comments (#) and blank lines skipped, each
// line split at tabs.
func lines(name string) [][]string {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		panic("match: embedded data missing: " + name) // cannot happen: embedded at build time
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := vntext.NFC(sc.Text())
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, strings.Split(l, "\t"))
	}
	return out
}

// firstWord returns the run of word bytes that starts s ("TP" in
// "TP.HCM", "Bà" in "Bà Rịa").
func firstWord(s string) string {
	i := 0
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return s[:i]
}

// atoiSafe reads a small non-negative number from a data file, 0 if none.
func atoiSafe(s string) int {
	n := 0
	for _, c := range strings.TrimSpace(s) {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
