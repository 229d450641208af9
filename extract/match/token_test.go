package match

import (
	"strings"
	"testing"
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

// TestIsCap checks isCap (isUpperRune by table) on Vietnamese words.
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
