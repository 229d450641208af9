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
	// openingSurnames are surnames only where they open a run of
	// capitalised words ("Sơn"): they end too many place names.
	openingSurnames map[string]bool
	// titles maps the lower-cased title words to their kind ("", "rank",
	// "religious"); titleWords holds them split into words, longest first.
	titles       map[string]string
	titleWords   [][]string
	titleByFirst map[string][][]string // first word → titles, longest first
	orgWords     map[string]bool       // lower-case words allowed in titles and names
	orgPairs     map[string]bool       // two-word lower-case entries, "phát triển"

	provinces  []province
	provByName map[string]*province // every spelling → province
	provSpell  []string             // spellings, longest first
	provFirst  map[string][]string  // first word of a spelling → spellings, longest first
	datelines  map[string]*province
	// domainNames holds each spelling of a province folded, lower case,
	// without spaces or punctuation ("thanhhoa", "brvt"), longest first,
	// for reading a province out of a domain name.
	domainNames []domainName
	districts   map[string][]string // district → provinces
	districtKey []string            // district names, longest first
	distFirst   map[string][]string // first word → district names, longest first

	kinds     map[string]string   // "chỉ thị" → "CT"
	kindKeys  []string            // lower-case kind words, longest first
	kindFirst map[string][]string // first word → kind words, longest first
	abbrKind  map[string]string   // "CT" → "Chỉ thị"
	// kindKeysOf holds the kind words of each abbreviation, in the order
	// of kindKeys; kindNames the name of each kind word (kindName).
	kindKeysOf map[string][]string
	kindNames  map[string]string
	issuers    []issuer // longest body first
	// campaign maps "CT|5" (kind abbreviation, number without leading
	// zeros) to the campaign document's full code (campaign.tsv).
	campaign map[string]string

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
	unitFirstTab      strTable[bool] // unitFirst, for a look-up at every word
	distFirstTab      strTable[[]string]
	placeNames        strTable[bool]      // the keys of provByName and of districts
	namesakeTab       strTable[bool]      // namesakeWords (all true)
	bodyNameTab       strTable[bool]      // bodyNameWords (all true)
	placeWords        map[string][]string // place type → its words
	// hamletWord holds the last word of a lower-case place type of level 1
	// ("thôn", "bản", "phố" of "tổ dân phố"): the place name after it runs
	// on over surnames ("thôn Pả Vi Hạ"), a number "số 9" continues it.
	hamletWord map[string]bool
	// departments holds hospital department names, lower case, split into
	// words, longest first ("hồi sức tích cực").
	departments [][]string
	// legalForms holds the legal forms written after "Công ty", lower
	// case, split into words, longest first ("tnhh mtv", "cp").
	legalForms [][]string
	// nameStops holds the lower-case words and two-word phrases that end
	// a company's name after "Công ty" or its legal form ("của", "chia sẻ").
	nameStops map[string]bool

	// words holds, for each lower-case word that a list looks up, what
	// the lists know of it (see wordInfo).
	words   map[string]*wordInfo
	wordTab strTable[*wordInfo] // words, for the look-up of every word of a text
	// provFirstTab is provFirst, for the look-up of every capitalised word.
	provFirstTab strTable[[]string]
}

type province struct {
	Name    string
	Merged  string // province it belongs to from 1/7/2025, "" when unchanged
	NewOnly bool
}

// domainName is a province spelling as a domain name writes it.
type domainName struct {
	folded string
	p      *province
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
	lx.openingSurnames = map[string]bool{}
	for _, l := range lines("surnames.txt") {
		if len(l) > 1 && l[1] == "opening" {
			lx.openingSurnames[l[0]] = true
			continue
		}
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
	ambiguous := map[string]bool{} // dateline codes two papers use
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
					if q, ok := lx.datelines[c]; ok && q != p {
						ambiguous[c] = true
					}
					lx.datelines[c] = p
				}
			}
		}
	}
	// A code two papers use names neither ("ĐN": Đà Nẵng, Đồng Nai).
	for c := range ambiguous {
		delete(lx.datelines, c)
	}
	for k := range lx.provByName {
		lx.provSpell = append(lx.provSpell, k)
	}
	for k, p := range lx.provByName {
		if d := domainFold(k); len(d) >= 5 {
			lx.domainNames = append(lx.domainNames, domainName{d, p})
		}
	}
	sort.Slice(lx.domainNames, func(i, j int) bool {
		a, b := lx.domainNames[i], lx.domainNames[j]
		if len(a.folded) != len(b.folded) {
			return len(a.folded) > len(b.folded)
		}
		return a.folded < b.folded
	})
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
	lx.kindKeysOf = map[string][]string{}
	lx.kindNames = map[string]string{}
	for _, k := range lx.kindKeys {
		lx.kindKeysOf[lx.kinds[k]] = append(lx.kindKeysOf[lx.kinds[k]], k)
		lx.kindNames[k] = kindName(k)
	}
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
	lx.campaign = map[string]string{}
	for _, l := range lines("campaign.tsv") {
		if len(l) == 3 {
			lx.campaign[l[0]+"|"+strings.TrimLeft(l[1], "0")] = l[2]
		}
	}
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
	lx.hamletWord = map[string]bool{}
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
			if f := strings.Fields(l[0]); atoiSafe(l[1]) == 1 && len(f) > 0 && f[len(f)-1] == strings.ToLower(f[len(f)-1]) {
				lx.hamletWord[f[len(f)-1]] = true
			}
		}
	}
	for _, l := range lines("departments.txt") {
		lx.departments = append(lx.departments, strings.Fields(strings.ToLower(l[0])))
	}
	sort.SliceStable(lx.departments, func(i, j int) bool { return len(lx.departments[i]) > len(lx.departments[j]) })
	for _, l := range lines("legalforms.txt") {
		lx.legalForms = append(lx.legalForms, strings.Fields(strings.ToLower(l[0])))
	}
	sort.SliceStable(lx.legalForms, func(i, j int) bool { return len(lx.legalForms[i]) > len(lx.legalForms[j]) })
	lx.nameStops = map[string]bool{}
	for _, l := range lines("namestops.txt") {
		lx.nameStops[strings.ToLower(strings.TrimSpace(l[0]))] = true
	}
	sort.SliceStable(lx.placeTypes, func(i, j int) bool { return len(lx.placeTypes[i]) > len(lx.placeTypes[j]) })
	lx.orgHeadsByFirst = map[string][][]string{}
	lx.placeTypesByFirst = map[string][][]string{}
	lx.unitFirst = map[string]bool{}
	for _, h := range lx.orgHeads {
		lx.orgHeadsByFirst[h[0]] = append(lx.orgHeadsByFirst[h[0]], h)
		lx.unitFirst[firstWord(h[0])] = true
	}
	lx.placeWords = map[string][]string{}
	for _, pt := range lx.placeTypes {
		var words []string
		for _, t := range appendTokens(nil, pt) {
			words = append(words, t.in(pt))
		}
		lx.placeWords[pt] = words
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
	addCue(cuePlace, []string{"huyện", "quận", "xã", "phố", "tp", "thị", "thành", "phường"}, false)
	for w := range lx.kindFirst {
		lx.cues[w] |= cueKindFirst
	}
	lx.buildWords()
	return lx
})

// wordInfo is what the lexicon knows of one lower-case word: the entries
// of its lists the word looks up, so that a sentence's words are looked
// up once. Each field holds what the map named in its comment gives for
// the word; the lists keyed by a word as written hold every entry whose
// key lowers to the word, to be filtered by the word as written.
type wordInfo struct {
	cue    cue        // cues
	titles [][]string // titleByFirst
	kinds  []string   // kindFirst
	org    bool       // orgWords
	// pairFirst and pairLast: the word starts or ends an entry of orgPairs.
	pairFirst, pairLast bool
	heads               [][]string // orgHeadsByFirst, of every spelling
	places              [][]string // placeTypesByFirst, of every spelling
	placesLow           [][]string // placeTypesByFirst of the word itself
	surnames            []string   // surnames that lower to the word
}

// buildWords fills lx.words from the lists.
func (lx *lexicon) buildWords() {
	lx.words = map[string]*wordInfo{}
	at := func(w string) *wordInfo {
		wi := lx.words[w]
		if wi == nil {
			wi = &wordInfo{}
			lx.words[w] = wi
		}
		return wi
	}
	for w, c := range lx.cues {
		at(w).cue = c
	}
	for w, ts := range lx.titleByFirst {
		at(w).titles = ts
		at(w).cue |= cueTitle
	}
	for w, ks := range lx.kindFirst {
		at(w).kinds = ks
	}
	for w := range lx.orgWords {
		at(w).org = true
	}
	for p := range lx.orgPairs {
		at(p[:strings.IndexByte(p, ' ')]).pairFirst = true
		at(p[strings.LastIndexByte(p, ' ')+1:]).pairLast = true
	}
	for _, h := range lx.orgHeads {
		wi := at(lower(h[0]))
		wi.heads = append(wi.heads, h)
	}
	for _, pt := range lx.placeTypes {
		words := lx.placeWords[pt]
		wi := at(lower(words[0]))
		wi.places = append(wi.places, words)
	}
	for w, pts := range lx.placeTypesByFirst {
		at(w).placesLow = pts
	}
	for sn := range lx.surnames {
		wi := at(lower(sn))
		wi.surnames = append(wi.surnames, sn)
	}
	lx.wordTab = newStrTable(lx.words)
	lx.provFirstTab = newStrTable(lx.provFirst)
	lx.unitFirstTab = newStrTable(lx.unitFirst)
	lx.distFirstTab = newStrTable(lx.distFirst)
	placeNames := map[string]bool{}
	for k := range lx.provByName {
		placeNames[k] = true
	}
	for k := range lx.districts {
		placeNames[k] = true
	}
	lx.placeNames = newStrTable(placeNames)
	lx.namesakeTab = newStrTable(namesakeWords)
	lx.bodyNameTab = newStrTable(bodyNameWords)
}

// annotate sets the lexicon entry of each word of ls (lower case).
func (lx *lexicon) annotate(ls string, toks []token) {
	for i := range toks {
		t := &toks[i]
		w, _ := lx.wordTab.get(ls[t.start:t.end])
		t.w, t.cues = w, 0
		if w != nil {
			t.cues = w.cue
		}
	}
}

// annotateWord sets the lexicon entry of the word t of ls.
func (lx *lexicon) annotateWord(ls string, t *token) {
	w, _ := lx.wordTab.get(t.in(ls))
	t.w, t.cues = w, 0
	if w != nil {
		t.cues = w.cue
	}
}

// strTable is a map from strings as an open-addressing hash table, with
// a hash of a few bytes of the key: for the look-up of every word of a
// text, most of which are not in it and are turned away after a probe or
// two.
type strTable[V any] struct {
	slots []strSlot[V] // a power of two long, at most a quarter full
}

type strSlot[V any] struct {
	key  string
	used bool
	val  V
}

func newStrTable[V any](m map[string]V) strTable[V] {
	n := 16
	for n < 4*len(m) {
		n *= 2
	}
	// The keys are copied into one string, close together in memory.
	keys := make([]string, 0, len(m))
	var arena strings.Builder
	for k := range m {
		keys = append(keys, k)
		arena.WriteString(k)
	}
	all, at := arena.String(), 0
	t := strTable[V]{slots: make([]strSlot[V], n)}
	for _, k := range keys {
		v := m[k]
		k, at = all[at:at+len(k)], at+len(k)
		i := strHash(k) & uint32(n-1)
		for t.slots[i].used {
			i = (i + 1) & uint32(n-1)
		}
		t.slots[i] = strSlot[V]{k, true, v}
	}
	return t
}

// strHash hashes the length and the first, middle and last bytes of w.
func strHash(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])*0x85EBCA6B ^ uint32(w[n-1])*0xC2B2AE35 ^ uint32(w[n/2])*0x27D4EB2F
	return h ^ h>>15
}

// has tells whether w is a key.
func (t strTable[V]) has(w string) bool {
	_, ok := t.get(w)
	return ok
}

// get returns the value of w, and whether there is one.
func (t strTable[V]) get(w string) (V, bool) {
	mask := uint32(len(t.slots) - 1)
	for i := strHash(w) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if !s.used {
			var zero V
			return zero, false
		}
		if s.key == w {
			return s.val, true
		}
	}
}

// cue is a set of bits telling which kinds of cue word a sentence holds.
type cue uint8

const (
	cueForm      cue = 1 << iota // a form of commendation: "khen", "biểu dương"
	cueExemplary                 // "nổi bật", "tiêu biểu", "điển hình", "mô hình hay"
	cueKind                      // a document kind: "Chỉ thị", "Kết luận"
	cuePlace                     // a place type: "huyện", "thành phố", "TP."
	cueKindFirst                 // the first word of a document kind (a key of kindFirst)
	cueTitle                     // the first word of a title (a key of titleByFirst)
)

// cuesOf returns the cue bits of a sentence's words (annotated).
func cuesOf(toks []token) cue {
	var c cue
	for i := range toks {
		c |= toks[i].cue()
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
