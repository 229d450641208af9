package vntext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Khen Thưởng", "khen thuong"},
		{"Đảng bộ xã Đông Hòa", "dang bo xa dong hoa"},
		{"BAN THƯỜNG VỤ TỈNH ỦY", "ban thuong vu tinh uy"},
		{"Nghị quyết 23 – NQ/TƯ", "nghi quyet 23 – nq/tu"},
		{"Kho\u0309e", "khoe"}, // decomposed input
		{"“Dân vận khéo”", "“dan van kheo”"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNFC(t *testing.T) {
	if got := NFC("Kho\u0309e"); got != "Khỏe" {
		t.Errorf("NFC = %q", got)
	}
	if got := NFC("abc"); got != "abc" {
		t.Errorf("NFC(ascii) = %q", got)
	}
}

// FuzzFold checks the table-driven Fold against its NFD definition.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Khen Thưởng", "Đảng ủy", "Kho\u0309e", "ǅ ﬁ Ω Å", "\xff\xfe", "Tiếng Việt có dấu"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	s := "Chiều 16/5, Ban Thường vụ Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị."
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		Fold(s)
	}
}

func BenchmarkFoldSlow(b *testing.B) {
	s := "Chiều 16/5, Ban Thường vụ Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị."
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		foldSlow(s)
	}
}

// FuzzNFC checks NFC's quick check against the norm package, and ValidNFC
// against its definition.
func FuzzNFC(f *testing.F) {
	for _, s := range []string{"Khen Thưởng", "Kho\u0309e", "a\u0300", "\u0300a", "Å Ω ﬁ", "\xff\xfe Việt", "ế\u0301", "\u212b", "ᄀ\u1161", "“Dân vận khéo” – …"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NFC(s), norm.NFC.String(s); got != want {
			t.Errorf("NFC(%q) = %q, want %q", s, got, want)
		}
		if got, want := ValidNFC(s), norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD")); got != want {
			t.Errorf("ValidNFC(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestNFCStable checks the quick check on every rune of its table, alone
// and after a letter.
func TestNFCStable(t *testing.T) {
	for r := rune(0); r < 0x2070; r++ {
		for _, s := range []string{string(r), "a" + string(r), string(r) + "\u0301", "Ư" + string(r) + "e"} {
			if got, want := NFC(s), norm.NFC.String(s); got != want {
				t.Fatalf("NFC(%q) = %q, want %q", s, got, want)
			}
		}
	}
}
