package page

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in, title, pub, author string
		blocks                       int
	}{
		{"stamp line and byline",
			"Tiếng Việt | English\n\n16/05/2024 - 14:42\n\nHuyện ủy khen thưởng 12 tập thể\n\nSáng 16/5, Huyện ủy tổ chức hội nghị.\n\nThanh Nga - Hoàng Tuân\n\nChia sẻ bài viết\n",
			"Huyện ủy khen thưởng 12 tập thể", "2024-05-16 14:42", "Thanh Nga - Hoàng Tuân", 1},
		{"stamp in headline, furniture cut",
			"Cầu Giấy biểu dương 45 điển hình (09:02 22/05/2024)\n\nHNP - Chiều 21/5, Quận ủy tổ chức hội nghị.\n\nHoàng Điệp\n\nCác tin khác\n\nKhen thưởng 5 tập thể\n",
			"Cầu Giấy biểu dương 45 điển hình", "2024-05-22 09:02", "Hoàng Điệp", 1},
		{"today widget ignored",
			"Thứ tư, 13/11/2019\n\nĐảng ủy Khối sơ kết Chỉ thị 05\n\nLSO-Chiều nay (8/5), Đảng ủy Khối tổ chức hội nghị.\n\nPHÙNG KHIÊM\n",
			"Đảng ủy Khối sơ kết Chỉ thị 05", "", "PHÙNG KHIÊM", 1},
		{"no headline",
			"Trang chủ | Chính trị\n\n05/06/2024, 15:10\n\n(GLO)- Sáng 5/6, Huyện ủy tổ chức hội nghị sơ kết.\n",
			"", "2024-06-05 15:10", "", 1},
	}
	for _, tt := range tests {
		p := ParseText(tt.in)
		pub := ""
		if !p.Published.IsZero() {
			pub = p.Published.Format("2006-01-02 15:04")
		}
		if p.Title != tt.title || pub != tt.pub || p.Author != tt.author || len(p.Blocks) != tt.blocks {
			t.Errorf("%s: got title %q pub %q author %q blocks %d", tt.name, p.Title, pub, p.Author, len(p.Blocks))
		}
	}
}

func TestParseTextCaptions(t *testing.T) {
	p := ParseText("Hội nghị sơ kết\n\nBí thư Huyện ủy Trần Văn A phát biểu tại hội nghị\n\nSáng 3/4, Huyện ủy tổ chức hội nghị. Hội nghị đánh giá kết quả.\n")
	if len(p.Blocks) != 2 || p.Blocks[0].Kind != Caption || p.Blocks[1].Kind != Paragraph {
		t.Errorf("blocks = %+v", p.Blocks)
	}
}

func FuzzParseText(f *testing.F) {
	f.Add("Tiêu đề bài\n\n16/05/2024 - 14:42\n\nSáng 16/5, hội nghị.\n\nThanh Nga\n")
	f.Add("\xff\r\n\u00a0 - a\n\n(21:11 14/05/2024)")
	f.Add("BÁO BẮC GIANG ĐIỆN TỬ\nThứ Hai, 25/11/2024 | Hotline: 0204.3854.xxx\nTrang chủ / Kinh tế\nTiêu đề bài viết dài\nCập nhật lúc 10:05, Thứ Tư, 09/10/2024\n\nBGĐT - Sáng 8/10, hội nghị.\n\nN.Hà - 08:12 19/11/2023\n")
	f.Add("Thứ Hai, 03/06/2024\n| 07:15 GMT+7\nNgày đăng: 12/03/2024 | 16:05\nTin, ảnh liên quan\nA (19/12/2024)\nB (18/12)")
	f.Fuzz(func(t *testing.T, in string) {
		p := ParseText(in)
		for _, s := range append([]string{p.Title, p.Author, p.Body()}, p.Captions()...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8: %q", s)
			}
			if strings.Contains(s, "\r") {
				t.Fatalf("CR left in %q", s)
			}
		}
	})
}

// FuzzRunesOver checks runesOver against utf8.RuneCountInString.
func FuzzRunesOver(f *testing.F) {
	f.Add("Huyện ủy Châu Thành khen thưởng 12 tập thể “tiêu biểu” – …", 10)
	f.Add("\xe1\xba\xc0\x80\xed\xa0\x80ế\xe2\x80", 3)
	f.Fuzz(func(t *testing.T, l string, n int) {
		if n < 0 || n > 1000 {
			return
		}
		if got, want := runesOver(l, n), utf8.RuneCountInString(l) > n; got != want {
			t.Fatalf("runesOver(%q, %d) = %v, want %v", l, n, got, want)
		}
	})
}

// TestLetterCase checks the rune tables against package unicode.
func TestLetterCase(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if isLetter(r) != unicode.IsLetter(r) || isUpper(r) != unicode.IsUpper(r) || isLower(r) != unicode.IsLower(r) {
			t.Fatalf("%U: letter %v upper %v lower %v", r, isLetter(r), isUpper(r), isLower(r))
		}
	}
}

// FuzzCountFields checks countFields against strings.Fields.
func FuzzCountFields(f *testing.F) {
	f.Add("Thứ Hai,  25/11/2024\u00a0| Hotline:\t0204 \u2003x")
	f.Add("\xff \x85 \u0085a")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
		}
	})
}
