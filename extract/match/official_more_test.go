package match

import (
	"reflect"
	"strings"
	"testing"
)

// officialStrings renders officials as "Name: title; title".
func officialStrings(in string) []string {
	var got []string
	for _, o := range Officials(in) {
		got = append(got, o.Name+": "+strings.Join(o.Titles, "; "))
	}
	return got
}

// TestOfficialsDashFrame: after a title and " - ", a run of plain
// capitalised words is the name even when its surname is unknown; an
// organisation, a place or a run with no title before the dash is not.
func TestOfficialsDashFrame(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Về phía huyện có các đồng chí: Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện - Pờ Chừ Lả; Phó Bí thư Huyện ủy, Chủ tịch UBND huyện - Giàng A Tủa.",
			[]string{"Pờ Chừ Lả: Phó Bí thư Thường trực Huyện ủy; Chủ tịch HĐND huyện", "Giàng A Tủa: Phó Bí thư Huyện ủy; Chủ tịch UBND huyện"}},
		{"Phó Chủ tịch UBND huyện - Chá A Của phát biểu khai mạc hội nghị.",
			[]string{"Chá A Của: Phó Chủ tịch UBND huyện"}},
		{"Bí thư Đảng ủy xã – Sò Thị Phương trao giấy khen cho 12 đảng viên.",
			[]string{"Sò Thị Phương: Bí thư Đảng ủy xã"}},
		{"Dự hội nghị có Chủ tịch Hội Nông dân huyện - Mùng Văn Páo.",
			[]string{"Mùng Văn Páo: Chủ tịch Hội Nông dân huyện"}},
		// not a name: a place, an abbreviation, no title right before the dash
		{"Đồng chí Chủ tịch UBND huyện - Mường Tè đã phát biểu.", nil},
		{"Bí thư Đảng ủy - UBND Xã dự hội nghị.", nil},
		{"Phó Chủ tịch UBND huyện dự Hội thi văn nghệ - Múa Xòe Thái.", nil},
		{"Chủ tịch Hội Nông dân - Hội Cựu Chiến Binh xã dự lễ ra quân.", nil},
		{"Ban Chỉ đạo gồm Bí thư Chi bộ - Trưởng Thôn Nà Lầu và các đoàn thể.", nil},
		// an organisation in capitals after the dash stays in the title
		{"Đồng chí Trần Văn Hải, Bí thư Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh, phát biểu.",
			[]string{"Trần Văn Hải: Bí thư Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh"}},
	}
	for _, tt := range tests {
		if got := officialStrings(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Officials(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestOfficialsTitlesMore: hamlet heads of the Central Highlands, parish
// priests, Cham dignitaries and the nuns' sub-committee; a hyphenated
// name inside a title.
func TestOfficialsTitlesMore(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ông Y Thuên Ayŭn, Buôn trưởng buôn Dur cho biết, nhờ phụ nữ đi đầu mà buôn không còn tảo hôn.",
			[]string{"Y Thuên Ayŭn: Buôn trưởng buôn Dur"}},
		{"Ông Y Bhim Niê, Trưởng buôn Ea Kmar, cho biết cả buôn đã có điện.",
			[]string{"Y Bhim Niê: Trưởng buôn Ea Kmar"}},
		{"Bà H'Loan Byă, Phó Buôn trưởng buôn Kô Siêr, chia sẻ kinh nghiệm.",
			[]string{"H'Loan Byă: Phó Buôn trưởng buôn Kô Siêr"}},
		{"Ông A Thút, Trưởng làng Kon Jơ Dri, phát biểu.",
			[]string{"A Thút: Trưởng làng Kon Jơ Dri"}},
		{"Tham dự có Linh mục Nguyễn Văn Trọng, Quản xứ Năng Gù; ông Huỳnh Văn Lợi, Trưởng ban Trị sự Phật giáo Hòa Hảo xã Mỹ Hội Đông.",
			[]string{"Nguyễn Văn Trọng: Linh mục; Quản xứ Năng Gù", "Huỳnh Văn Lợi: Trưởng ban Trị sự Phật giáo Hòa Hảo xã Mỹ Hội Đông"}},
		{"Linh mục Giuse Lê Văn Hùng, quản xứ giáo xứ Thái Hà, phát biểu.",
			[]string{"Giuse Lê Văn Hùng: Linh mục; quản xứ giáo xứ Thái Hà"}},
		{"Cùng dự có đồng chí Quảng Đại Thành, Phó Bí thư Thường trực Huyện ủy; Cả sư Thành Văn Sáu, Phó Chủ tịch Hội đồng Chức sắc Bà-la-môn tỉnh.",
			[]string{"Quảng Đại Thành: Phó Bí thư Thường trực Huyện ủy", "Thành Văn Sáu: Cả sư; Phó Chủ tịch Hội đồng Chức sắc Bà-la-môn tỉnh"}},
		{"Cả sư Lưu Văn Hải, Chủ tịch Hội đồng Chức sắc Bà-la-môn tỉnh Ninh Thuận, phát biểu.",
			[]string{"Lưu Văn Hải: Cả sư; Chủ tịch Hội đồng Chức sắc Bà-la-môn tỉnh Ninh Thuận"}},
		{"Tham dự có Ni sư Thích Nữ Diệu Hạnh, Trưởng Phân ban Ni giới Giáo hội Phật giáo Việt Nam tỉnh cùng đại diện các sở, ban, ngành.",
			[]string{"Thích Nữ Diệu Hạnh: Ni sư; Trưởng Phân ban Ni giới Giáo hội Phật giáo Việt Nam tỉnh"}},
		{"Ni sư Thích Nữ Như Liên, Phó Trưởng Phân ban Ni giới Trung ương, dự lễ.",
			[]string{"Thích Nữ Như Liên: Ni sư; Phó Trưởng Phân ban Ni giới Trung ương"}},
		// no office: people of an ethnic group, a lower-case hyphenated word
		{"Ông Nguyễn Văn Hai, nông dân người Ê-đê ở buôn Dur, có vườn cà phê 2 ha.", nil},
	}
	for _, tt := range tests {
		if got := officialStrings(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Officials(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestOfficialsAfterFieldWords: "thành phố" and "Tôn giáo", "Tuyên giáo"
// before a name do not make it a street's or a religious body's namesake;
// a street, a city and a religious body still do.
func TestOfficialsAfterFieldWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Báo cáo do Phó Chủ tịch Thường trực LĐLĐ thành phố Phạm Văn Long trình bày cho biết, các cấp công đoàn đã tổ chức.",
			[]string{"Phạm Văn Long: Phó Chủ tịch Thường trực LĐLĐ thành phố"}},
		{"Chủ tịch UBND thành phố Trần Văn Hùng phát biểu chỉ đạo.",
			[]string{"Trần Văn Hùng: Chủ tịch UBND thành phố"}},
		{"Giám đốc Sở Dân tộc và Tôn giáo Hồ Thị Kăn Sương cho biết, ngành đã phối hợp.",
			[]string{"Hồ Thị Kăn Sương: Giám đốc Sở Dân tộc và Tôn giáo"}},
		{"Phó Trưởng Ban Tuyên giáo Lê Thị Mai phát biểu.",
			[]string{"Lê Thị Mai: Phó Trưởng Ban Tuyên giáo"}},
		{"Phó Trưởng ban Khoa giáo Trung ương Đỗ Văn Bình dự hội nghị.",
			[]string{"Đỗ Văn Bình: Phó Trưởng ban Khoa giáo Trung ương"}},
		// namesakes and bodies stay what they are
		{"Chủ tịch UBND phường làm việc tại phố Trần Hưng Đạo.", nil},
		{"Phó Chủ tịch UBND thành phố Hồ Chí Minh phát biểu.", nil},
		{"Ông Lê Văn Nam, Phó Trưởng ban Trị sự Phật giáo Hòa Hảo Lâm Hà, phát biểu.",
			[]string{"Lê Văn Nam: Phó Trưởng ban Trị sự Phật giáo Hòa Hảo Lâm Hà"}},
	}
	for _, tt := range tests {
		if got := officialStrings(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Officials(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestHyphenTail: the lower-case syllables after a capitalised one and a
// bare hyphen continue it; other hyphenated words do not.
func TestHyphenTail(t *testing.T) {
	tests := []struct {
		in   string
		want []bool // for each token after the first
	}{
		{"Bà-la-môn", []bool{true, true}},
		{"Ê-đê", []bool{true}},
		{"quà-tặng", []bool{false}},
		{"Bà-Rịa", []bool{false}},
		{"Sở - ngành", []bool{false}},
	}
	for _, tt := range tests {
		ls := lower(tt.in)
		toks := tokenizeLow(tt.in, ls)
		var got []bool
		for k := 1; k < len(toks); k++ {
			got = append(got, hyphenTail(tt.in, ls, toks, k))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("hyphenTail(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestOfficialsAgeOpeningSurnamePlaceInRun: an age between the name and
// the title; "Sơn" a surname only where it opens the run; a place named
// inside a run before the name.
func TestOfficialsAgeOpeningSurnamePlaceInRun(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Đoàn đã đến thăm đồng chí Nguyễn Văn Út, 92 tuổi, nguyên Chủ tịch UBND xã Đạo Thạnh, sinh hoạt tại Chi bộ khu phố 5.",
			[]string{"Nguyễn Văn Út: nguyên Chủ tịch UBND xã Đạo Thạnh"}},
		{"Tham dự có các đồng chí: Sơn Thị Ngọc Hân, Phó Chủ tịch UBND tỉnh và Thạch Minh Tuấn, Trưởng ban Dân tộc tỉnh.",
			[]string{"Sơn Thị Ngọc Hân: Phó Chủ tịch UBND tỉnh", "Thạch Minh Tuấn: Trưởng ban Dân tộc tỉnh"}},
		{"Phát biểu tại buổi họp mặt, Phó Chủ tịch UBND tỉnh Sơn Minh Thắng gửi lời chúc mừng.",
			[]string{"Sơn Minh Thắng: Phó Chủ tịch UBND tỉnh"}},
		{"Theo Bí thư Đảng ủy phường Trường Sơn Lê Văn Hòa, người đứng đầu phải nói đi đôi với làm.",
			[]string{"Lê Văn Hòa: Bí thư Đảng ủy phường Trường Sơn"}},
		{"Các đồng chí Phó Bí thư Đảng ủy Than Quảng Ninh Nguyễn Quang Huy và Phạm Thị Thu, Trưởng ban Tuyên giáo, dự hội nghị.",
			[]string{"Nguyễn Quang Huy: Phó Bí thư Đảng ủy Than Quảng Ninh", "Phạm Thị Thu: Trưởng ban Tuyên giáo"}},
		// a given name that is a province's name stays a name
		{"Phó Chủ tịch UBND tỉnh Nguyễn Thái Bình phát biểu bế mạc.",
			[]string{"Nguyễn Thái Bình: Phó Chủ tịch UBND tỉnh"}},
		// an age with no title after it gives none
		{"Cụ Trần Văn Sáu, 95 tuổi, là đảng viên lão thành của chi bộ.", nil},
	}
	for _, tt := range tests {
		if got := officialStrings(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Officials(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestOfficialsTitleWordsRegionAndTeam: "khu vực III" and "Tổ giúp việc"
// stay inside a title.
func TestOfficialsTitleWordsRegionAndTeam(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Tại hội nghị, đồng chí Nguyễn Đình Phúc, Phó Giám đốc Học viện Chính trị khu vực III đã trình bày chuyên đề.",
			[]string{"Nguyễn Đình Phúc: Phó Giám đốc Học viện Chính trị khu vực III"}},
		{"Đồng chí A Thuyên, Phó Trưởng Ban Tuyên giáo Tỉnh ủy, Tổ trưởng Tổ giúp việc cho biết thêm về hồ sơ.",
			[]string{"A Thuyên: Phó Trưởng Ban Tuyên giáo Tỉnh ủy; Tổ trưởng Tổ giúp việc"}},
	}
	for _, tt := range tests {
		if got := officialStrings(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Officials(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
