package match

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkDecodeAt compares decodeAt with utf8.DecodeRuneInString at every
// byte offset of s.
func checkDecodeAt(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		r, n := decodeAt(s, i)
		wr, wn := utf8.DecodeRuneInString(s[i:])
		if r != wr || n != wn {
			t.Fatalf("decodeAt(%q, %d) = %U, %d; want %U, %d", s, i, r, n, wr, wn)
		}
	}
}

func TestDecodeAt(t *testing.T) {
	for _, s := range []string{
		"Ủy ban nhân dân tỉnh Bình Dương tặng Bằng khen cho 25 tập thể",
		"Đồng chí Nguyễn Văn Lợi, Ủy viên Trung ương Đảng",
		"\xc0\x80 \xe0\x80\x80 \xed\xa0\x80 \xef\xbf\xbd \xe1\xba",
		"\xf0\x9f\x98\x80 ế",
	} {
		checkDecodeAt(t, s)
	}
}

func FuzzDecodeAt(f *testing.F) {
	f.Add("Huyện ủy Châu Thành khen thưởng 12 tập thể")
	f.Add("\xed\xbf\xbf\xe0\xa0\x80\xc2\x80")
	f.Fuzz(checkDecodeAt)
}

// TestIsCap checks isCap on Vietnamese words.
func TestIsCap(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"Nguyễn", true}, {"Đắk", true}, {"Ủy", true}, {"H'Hen", true},
		{"được", false}, {"HĐND", false}, {"Xã1", false}, {"ĐắK", false},
	} {
		if got := isCap(c.w); got != c.want {
			t.Errorf("isCap(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

// firstFormRef is firstForm as a search per form word: the reference
// that the one-pass scan must agree with.
func firstFormRef(ls string) (int, string) {
	best, word := -1, ""
	for _, w := range formWords {
		if i := strings.Index(ls, w); i >= 0 && (best < 0 || i < best || i == best && len(w) > len(word)) {
			best, word = i, w
		}
	}
	return best, word
}

func checkFirstForm(t *testing.T, ls string) {
	t.Helper()
	i, w := firstForm(ls)
	ri, rw := firstFormRef(ls)
	if i != ri || w != rw {
		t.Fatalf("firstForm(%q) = %d, %q; want %d, %q", ls, i, w, ri, rw)
	}
}

func TestFirstForm(t *testing.T) {
	for _, ls := range []string{
		"ubnd tỉnh tặng bằng khen cho 12 tập thể và 20 cá nhân",
		"chủ tịch nước tặng huân chương lao động hạng ba",
		"biểu dương, khen thưởng 45 tập thể tiêu biểu",
		"trao kỷ niệm chương vì sự nghiệp dân vận",
		"không có hình thức nào",
		"",
	} {
		checkFirstForm(t, ls)
	}
}

func FuzzFirstForm(f *testing.F) {
	f.Add("khen thưởng giấy khen bằng khen")
	f.Add("tuyên dương huy hiệu 30 năm tuổi đảng")
	f.Fuzz(checkFirstForm)
}

// lastFormRef is lastForm as a search per form word from the end.
func lastFormRef(ls string) string {
	best, word := -1, ""
	for _, w := range formWords {
		if i := strings.LastIndex(ls, w); i >= 0 {
			end := i + len(w)
			if end > best || end == best && len(w) > len(word) {
				best, word = end, w
			}
		}
	}
	return word
}

// lowerRef is lower rune by rune through unicode.ToLower.
func lowerRef(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if lr := unicode.ToLower(r); size > 1 && lr != r && utf8.RuneLen(lr) == size || size == 1 && r < utf8.RuneSelf {
			b.WriteRune(lr)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// wordSpansRef returns the runs of word runes of s (isWordRune, decoded
// by utf8.DecodeRuneInString), as "start-end" offsets.
func wordSpansRef(s string) string {
	var b strings.Builder
	start := -1
	for i := 0; i <= len(s); {
		word, size := false, 1
		if i < len(s) {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = isWordRune(r)
		}
		if word && start < 0 {
			start = i
		} else if !word && start >= 0 {
			fmt.Fprintf(&b, "%d-%d ", start, i)
			start = -1
		}
		i += size
	}
	return b.String()
}

func spans(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		fmt.Fprintf(&b, "%d-%d ", t.start, t.end)
	}
	return b.String()
}

// checkText checks the one-pass helpers on s against their references:
// lower, the capitalised mark of each word, lastForm and the byte pairs.
func checkText(t *testing.T, s string) {
	t.Helper()
	ls := lower(s)
	if want := lowerRef(s); ls != want {
		t.Fatalf("lower(%q) = %q, want %q", s, ls, want)
	}
	words := appendTokens(nil, s)
	if got, want := spans(words), wordSpansRef(s); got != want {
		t.Fatalf("words of %q: %s, want %s", s, got, want)
	}
	for _, tk := range words {
		text := tk.in(s)
		if tk.cap != isCap(text) {
			t.Fatalf("word %q of %q: cap %v, isCap %v", text, s, tk.cap, isCap(text))
		}
		if r, _ := utf8.DecodeRuneInString(text); tk.upper != unicode.IsUpper(r) {
			t.Fatalf("word %q of %q: upper %v", text, s, tk.upper)
		}
	}
	lw, toks, _ := lowerWords(s, nil, nil)
	if lw != ls {
		t.Fatalf("lowerWords(%q) = %q, want %q", s, lw, ls)
	}
	if want := words; len(toks) != len(want) {
		t.Fatalf("lowerWords(%q): %d words, want %d", s, len(toks), len(want))
	} else {
		for k := range toks {
			if toks[k] != want[k] {
				t.Fatalf("lowerWords(%q): word %d %+v, want %+v", s, k, toks[k], want[k])
			}
		}
	}
	if got, want := lastForm(ls), lastFormRef(ls); got != want {
		t.Fatalf("lastForm(%q) = %q, want %q", ls, got, want)
	}
	var g grams
	g.add(ls)
	for i := 0; i < len(ls); i++ {
		for j := i; j <= len(ls) && j <= i+12; j++ {
			if !g.may(ls[i:j]) {
				t.Fatalf("grams of %q miss %q", ls, ls[i:j])
			}
		}
	}
}

func TestText(t *testing.T) {
	for _, s := range []string{
		"Ủy ban nhân dân tỉnh Bình Dương tặng Bằng khen cho 25 tập thể",
		"H'Hen Niê, K’Bình, HĐND, Xã1, ĐắK, İstanbul, ǅ, ẞ, Ⱥ",
		"biểu dương, khen thưởng 45 tập thể; trao huy chương và giấy chứng nhận",
		"\xc0\x80 \xe0\x80\x80 \xed\xa0\x80 \xef\xbf\xbd \xe1\xba",
		"“Dân vận khéo” – … ’ ‘",
		"",
	} {
		checkText(t, s)
	}
}

func FuzzText(f *testing.F) {
	f.Add("Huyện ủy Châu Thành khen thưởng 12 tập thể")
	f.Add("K'Bình ǅ ẞ Ⱥ \xed\xbf\xbf")
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(checkText)
}

// FuzzUnitKey checks unitKey against its definition.
func FuzzUnitKey(f *testing.F) {
	f.Add("Sở Văn hóa, Thể thao và Du lịch")
	f.Add("Chi bộ khu phố 5, phường 9 (TP Hạ Long) \xff‘x’")
	f.Fuzz(func(t *testing.T, name string) {
		want := " " + strings.Join(strings.FieldsFunc(lower(name), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ") + " "
		if got := unitKey(name); got != want {
			t.Fatalf("unitKey(%q) = %q, want %q", name, got, want)
		}
	})
}

// scanSeeds are sentences for the scanner's fuzz tests: apostrophes in
// names (Ê Đê, K'Ho, Kh’Leang), NFD marks, digits, abbreviations,
// capitals after apostrophes, invalid UTF-8.
var scanSeeds = []string{
	"Đồng chí Y Thanh Hà Niê Kđăm, Bí thư Tỉnh ủy Đắk Lắk, trao Bằng khen cho H’Yâo Byă và Kh’Leang",
	"Già làng K'Bình (dân tộc K'Ho) ở xã Đạ M'Rông, huyện Đam Rông; H'Hen Niê, A'Lưới, Ea H'leo",
	"Ông Nguye\u0302\u0303n Va\u0306n A\u0301nh (NFD) và bà Tra\u0300n Thi\u0323 Ly\u0301",
	"UBND TP.HCM tặng 25 Bằng khen; Quyết định số 1234/QĐ-UBND ngày 12/3/2024; HĐND, MTTQ, Xã1, ĐắK",
	"K’’Bình 'A A' ’ ‘ Kh'LEANG H'1a Y'Ơn Đ'' 'Đắk I'M",
	"\xc0\x80 K\xe2\x80 \xe2\x80\x99A \xed\xa0\x80 \xef\xbf\xbd \xe1\xba K'\xff X\xe2\x80\x99Y",
	"İstanbul ǅemal ẞ Ⱥ Ⅻ ℂ ① ٣ K'ǅ H’İ",
	"",
}

// refAppendTokens is appendTokens as it was before the one scanner: the
// reference the scanner must agree with.
func refAppendTokens(out []token, s string) []token {
	for i := 0; i < len(s); {
		var class uint8
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			class = byteClass[c]
		} else {
			class, size = refClassAt(s, i)
		}
		if class&classWord == 0 {
			i += size
			continue
		}
		start := i
		firstUpper := class&classUpper != 0
		apos := i+size < len(s) && (s[i+size] == '\'' || strings.HasPrefix(s[i+size:], "’"))
		restBad := false
		prevApos := false
		for i += size; i < len(s); {
			if c := s[i]; c < utf8.RuneSelf {
				class = byteClass[c]
				size = 1
			} else {
				class, size = refClassAt(s, i)
			}
			if class&classWord == 0 {
				break
			}
			restBad = restBad || class&classDigit != 0 || class&classUpper != 0 && !prevApos
			prevApos = s[i] == '\'' || size == 3 && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0x99
			i += size
		}
		out = append(out, token{start: start, end: i, cap: firstUpper && (apos || !restBad), upper: firstUpper})
	}
	return out
}

// refClassAt is the old classAt.
func refClassAt(s string, i int) (uint8, int) {
	r, size := decodeAt(s, i)
	if int(r) < len(runeTab) {
		return runeTab[r].class, size
	}
	return runeClass(r), size
}

// refLowerWords is lowerWords as it was before the one scanner.
func refLowerWords(s string, toks []token, buf []byte) (string, []token, []byte) {
	buf = append(buf[:0], s...)
	changed := false
	for i := 0; i < len(s); {
		var class uint8
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			if class = byteClass[c]; class&classUpper != 0 {
				buf[i] = c + 'a' - 'A'
				changed = true
			}
		} else {
			var ch bool
			class, size, ch = refLowerAt(s, i, buf)
			changed = changed || ch
		}
		if class&classWord == 0 {
			i += size
			continue
		}
		start := i
		firstUpper := class&classUpper != 0
		apos := i+size < len(s) && (s[i+size] == '\'' || strings.HasPrefix(s[i+size:], "’"))
		restBad := false
		prevApos := false
		for i += size; i < len(s); {
			if c := s[i]; c < utf8.RuneSelf {
				size = 1
				if class = byteClass[c]; class&classUpper != 0 {
					buf[i] = c + 'a' - 'A'
					changed = true
				}
			} else {
				var ch bool
				class, size, ch = refLowerAt(s, i, buf)
				changed = changed || ch
			}
			if class&classWord == 0 {
				break
			}
			restBad = restBad || class&classDigit != 0 || class&classUpper != 0 && !prevApos
			prevApos = s[i] == '\'' || size == 3 && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0x99
			i += size
		}
		toks = append(toks, token{start: start, end: i, cap: firstUpper && (apos || !restBad), upper: firstUpper})
	}
	ls := s
	if changed {
		ls = string(buf)
	}
	return ls, toks, buf
}

// refLowerAt is the old lowerAt.
func refLowerAt(s string, i int, buf []byte) (class uint8, size int, changed bool) {
	r, size := decodeAt(s, i)
	var lr rune
	if int(r) < len(runeTab) {
		class, lr = runeTab[r].class, runeTab[r].lower
	} else {
		class, lr = runeClass(r), lowerRune(r)
	}
	if lr != r && size > 1 {
		utf8.EncodeRune(buf[i:], lr)
		return class, size, true
	}
	return class, size, false
}

// refIsCap is isCap as it was before capState (isUpperRune, the table
// form of unicode.IsUpper it used, is gone).
func refIsCap(w string) bool {
	if len(w) > 0 && w[0] < utf8.RuneSelf && (w[0] < 'A' || w[0] > 'Z') {
		return false
	}
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := w[size:]
	if strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
		return true
	}
	afterApos := func(i int) bool {
		return i > 0 && rest[i-1] == '\'' || i >= 3 && rest[i-3:i] == "’"
	}
	for i := 0; i < len(rest); {
		c := rest[i]
		if c < utf8.RuneSelf {
			if '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' && !afterApos(i) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(rest[i:])
		if unicode.IsDigit(r) || unicode.IsUpper(r) && !afterApos(i) {
			return false
		}
		i += size
	}
	return true
}

// checkScan compares the scanner (appendTokens, lowerWords) and lower
// with the old implementations on s, appending after a word already
// there and lowering into a used buffer.
func checkScan(t *testing.T, s string) {
	t.Helper()
	pre := []token{{start: 1, end: 2, cap: true}}
	got := appendTokens(append([]token(nil), pre...), s)
	want := refAppendTokens(append([]token(nil), pre...), s)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("appendTokens(%q) = %v, want %v", s, got, want)
	}
	dirty := []byte(strings.Repeat("\xffX", len(s)+3))
	ls, toks, buf := lowerWords(s, append([]token(nil), pre...), dirty)
	wls, wtoks, wbuf := refLowerWords(s, append([]token(nil), pre...), []byte(string(dirty)))
	if ls != wls || fmt.Sprint(toks) != fmt.Sprint(wtoks) || string(buf) != string(wbuf) {
		t.Fatalf("lowerWords(%q) = %q, %v, %q; want %q, %v, %q", s, ls, toks, buf, wls, wtoks, wbuf)
	}
	if l := lower(s); l != wls {
		t.Fatalf("lower(%q) = %q, want %q", s, l, wls)
	}
}

// checkIsCap compares isCap with the old one on every tail of s, and on
// the first bytes of each.
func checkIsCap(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); i++ {
		for _, w := range []string{s[i:], s[i:min(len(s), i+4)], s[i:min(len(s), i+9)]} {
			if got, want := isCap(w), refIsCap(w); got != want {
				t.Fatalf("isCap(%q) = %v, want %v", w, got, want)
			}
		}
	}
}

func TestScan(t *testing.T) {
	for _, s := range scanSeeds {
		checkScan(t, s)
		checkIsCap(t, s)
		checkText(t, s)
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(checkScan)
}

func FuzzIsCap(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(checkIsCap)
}
