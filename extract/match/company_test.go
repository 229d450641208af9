package match

import (
	"strings"
	"testing"
)

// TestCompanyTitles covers titles that end in a company's own name after
// its legal form (lower-case words up to the last capitalised word, cut
// at function words and verbs) and in abbreviations joined by "&".
func TestCompanyTitles(t *testing.T) {
	tests := []struct {
		name, in, person, want string
	}{
		{"joint-stock company", "Phát biểu tại buổi lễ, ông Hoàng Văn Khánh, Bí thư Đảng ủy, Giám đốc Công ty CP Bê tông Lạng Giang chia sẻ kinh nghiệm lãnh đạo doanh nghiệp.",
			"Hoàng Văn Khánh", "Giám đốc Công ty CP Bê tông Lạng Giang"},
		{"name before a parenthesis", "Đại diện doanh nghiệp, bà Võ Thị Kim Liên, Tổng Giám đốc Công ty CP Thực phẩm Sài Gòn Xanh (phường Thủ Dầu Một) kiến nghị nhiều nội dung.",
			"Võ Thị Kim Liên", "Tổng Giám đốc Công ty CP Thực phẩm Sài Gòn Xanh"},
		{"one-member limited company", "Ông Nguyễn Văn Tùng, Chủ tịch Công ty TNHH MTV Thủy nông Cầu Sơn cho biết đơn vị đã nạo vét 40 km kênh mương.",
			"Nguyễn Văn Tùng", "Chủ tịch Công ty TNHH MTV Thủy nông Cầu Sơn"},
		{"company in full words", "Bà Lê Thị Hằng, Giám đốc Công ty cổ phần Xây lắp điện Việt Yên đã trao 50 suất quà cho công nhân.",
			"Lê Thị Hằng", "Giám đốc Công ty cổ phần Xây lắp điện Việt Yên"},
		{"name with a dash", "Ông Trần Quốc Huy, Giám đốc Công ty CP Dược - Vật tư y tế Bắc Giang, phát biểu tại hội nghị.",
			"Trần Quốc Huy", "Giám đốc Công ty CP Dược - Vật tư y tế Bắc Giang"},
		// negatives: the lower-case run is cut back to the last capitalised word
		{"verb after the name", "Ông Phạm Văn Lâm, Giám đốc Công ty TNHH Minh Phát hỗ trợ xã Tân Sơn 200 triệu đồng.",
			"Phạm Văn Lâm", "Giám đốc Công ty TNHH Minh Phát"},
		{"function word after the name", "Ông Đỗ Minh Châu, Giám đốc Công ty CP Thực phẩm của tỉnh Bắc Giang, dự hội nghị.",
			"Đỗ Minh Châu", "Giám đốc Công ty CP Thực"},
		// "&" joins two abbreviations
		{"education department", "Ông Lê Hữu Nghĩa, Giám đốc Sở GD&ĐT phát biểu khai mạc.",
			"Lê Hữu Nghĩa", "Giám đốc Sở GD&ĐT"},
		{"agriculture department", "Dự hội nghị có đồng chí Nguyễn Văn Bình, Phó Giám đốc Sở NN&PTNT tỉnh.",
			"Nguyễn Văn Bình", "Phó Giám đốc Sở NN&PTNT tỉnh"},
		{"labour department", "Bà Trần Thị Mai, Giám đốc Sở LĐ-TB&XH trao quà cho các em.",
			"Trần Thị Mai", "Giám đốc Sở LĐ-TB&XH"},
	}
	for _, tt := range tests {
		var titles []string
		for _, o := range Officials(tt.in) {
			if o.Name == tt.person {
				titles = o.Titles
			}
		}
		found := false
		for _, ti := range titles {
			if ti == tt.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: titles of %s = %q, want %q among them", tt.name, tt.person, titles, tt.want)
		}
	}
}

// TestCompanyUnits covers unit names with a company's lower-case name,
// the heads of detention bodies, abbreviations joined by "&", and lists of
// recipients that go on over ";".
func TestCompanyUnits(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // "name|role", role a for awarded, e for exemplary
	}{
		// lists after "gồm:" and a count run over ";"
		{"list over semicolons", "Ban Thường vụ Đảng ủy Khối tặng giấy khen cho 4 đơn vị có thành tích xuất sắc, gồm: Đảng bộ Công ty CP Bê tông Lạng Giang; Chi bộ Công ty TNHH May mặc Tân Yên; Đảng bộ Công ty TNHH MTV Thủy nông Cầu Sơn và Chi bộ Công ty CP Vận tải hành khách Bắc Giang.",
			[]string{"Đảng bộ Công ty CP Bê tông Lạng Giang|a", "Chi bộ Công ty TNHH May mặc Tân Yên|a", "Đảng bộ Công ty TNHH MTV Thủy nông Cầu Sơn|a", "Chi bộ Công ty CP Vận tải hành khách Bắc Giang|a"}},
		{"units with dash and lower-case words", "UBND huyện tặng Giấy khen cho 2 tập thể, gồm: Chi bộ Công ty CP Dược - Vật tư y tế Bắc Giang; Chi bộ Công ty TNHH Gạch ngói Hiệp Hòa.",
			[]string{"Chi bộ Công ty CP Dược - Vật tư y tế Bắc Giang|a", "Chi bộ Công ty TNHH Gạch ngói Hiệp Hòa|a"}},
		{"company subject awarded", "Năm 2023, Công ty TNHH May mặc Tân Yên được UBND tỉnh tặng Bằng khen.",
			[]string{"Công ty TNHH May mặc Tân Yên|a"}},
		// a later clause that restates the count names the recipients
		{"restated count", "Dịp này, Trung ương Hội CCB Việt Nam tặng Bằng khen cho 3 tập thể, 4 cá nhân; 3 tập thể gồm: Hội CCB phường Bạc Liêu, Hội CCB xã Đầm Dơi và Hội CCB phường An Xuyên.",
			[]string{"Hội CCB phường Bạc Liêu|a", "Hội CCB xã Đầm Dơi|a", "Hội CCB phường An Xuyên|a"}},
		{"restated count with là", "UBND tỉnh tặng Bằng khen cho 2 tập thể, 5 cá nhân; 2 tập thể là Đoàn xã Tân Lập và Đoàn xã Mỹ Phú.",
			[]string{"Đoàn xã Tân Lập|a", "Đoàn xã Mỹ Phú|a"}},
		{"count not restated", "UBND tỉnh tặng Bằng khen cho 13 tập thể, 5 cá nhân; 3 tập thể gồm: Đoàn xã Tân Lập, Đoàn xã Mỹ Phú và Đoàn xã An Bình sẽ được tặng sau.", nil},
		{"proposal before", "Hội nghị thống nhất đề nghị Trung ương Hội tặng Bằng khen cho 3 tập thể, 4 cá nhân; 3 tập thể gồm: Hội CCB phường Bạc Liêu, Hội CCB xã Đầm Dơi và Hội CCB phường An Xuyên.", nil},
		// a list without a colon stays in its clause
		{"list without colon", "Huyện ủy tặng giấy khen cho Chi bộ thôn Đông; Đảng bộ xã Tân Sỏi tổ chức hội nghị tổng kết.",
			[]string{"Chi bộ thôn Đông|a"}},
		// detention bodies are organisations
		{"temporary detention camp", "Nhiều mô hình hiệu quả như “Bếp ăn tình thương” của Trại tạm giam Công an tỉnh, “Nhà tình nghĩa” của Công an huyện Hướng Hóa.",
			[]string{"Trại tạm giam Công an tỉnh|e", "Công an huyện Hướng Hóa|e"}},
		// "&" joins two abbreviations in a unit's name
		{"department with ampersand", "Sở GD&ĐT tỉnh được Bộ Giáo dục và Đào tạo tặng Bằng khen.",
			[]string{"Sở GD&ĐT tỉnh|a"}},
	}
	for _, tt := range tests {
		var got []string
		for _, u := range Units(tt.in, "") {
			got = append(got, u.Name+"|"+u.Role[:1])
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("%s: Units(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestContainsWord checks that a count is found only as a whole number.
func TestContainsWord(t *testing.T) {
	tests := []struct {
		s, w string
		want bool
	}{
		{"cho 3 tập thể, 4 cá nhân", "3 tập thể", true},
		{"cho 13 tập thể, 4 cá nhân", "3 tập thể", false},
		{"cho 13 tập thể và 3 tập thể khác", "3 tập thể", true},
		{"3 tập thể", "3 tập thể", true},
	}
	for _, tt := range tests {
		if got := containsWord(tt.s, tt.w); got != tt.want {
			t.Errorf("containsWord(%q, %q) = %v, want %v", tt.s, tt.w, got, tt.want)
		}
	}
}

// TestCompanyNameAt checks the words a company's own name takes after
// "Công ty" (and its legal form), on the words as the matchers see them.
func TestCompanyNameAt(t *testing.T) {
	lx := loadLexicon()
	tests := []struct {
		in, want string // want: the whole company name, "" for none read
	}{
		{"Chi bộ Công ty CP Vận tải hành khách Bắc Giang và Chi bộ X", "Công ty CP Vận tải hành khách Bắc Giang"},
		{"Chi bộ Công ty CP Dược - Vật tư y tế Bắc Giang tổ chức", "Công ty CP Dược - Vật tư y tế Bắc Giang"},
		{"Đảng bộ Công ty TNHH MTV Thủy nông Cầu Sơn được tặng", "Công ty TNHH MTV Thủy nông Cầu Sơn"},
		{"Giám đốc Công ty Xăng dầu Bắc Giang cho biết", "Công ty Xăng dầu Bắc Giang"},
		{"Công ty cổ phần Xi măng Hà Tiên", "Công ty cổ phần Xi măng Hà Tiên"},
		// too many lower-case words in a row: the sentence goes on
		{"Công ty Hòa Phát nhấn mạnh nhiệm vụ trọng tâm Hải Dương", "Công ty Hòa Phát"},
		// a number ends the name
		{"Công ty Samsung tuyển 300 lao động Bắc Ninh", "Công ty Samsung"},
		// a function word ends the name
		{"Công ty TNHH Minh Phát của tỉnh Bắc Giang", "Công ty TNHH Minh Phát"},
		// a lower-case start is no name
		{"Công ty cũng đã hỗ trợ Hà Nội", ""},
	}
	for _, tt := range tests {
		ls := lower(tt.in)
		toks := appendTokens(nil, tt.in)
		lx.annotate(ls, toks)
		got := ""
		for k := range toks {
			if n := companyNameAt(tt.in, ls, toks, k, nil, lx); n > 0 {
				from := k - 2
				for from >= 0 && toks[from].in(ls) != "công" {
					from--
				}
				got = tt.in[toks[from].start:toks[k+n-1].end]
				break
			}
		}
		if got != tt.want {
			t.Errorf("company name in %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}
