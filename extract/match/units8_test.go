package match

import (
	"reflect"
	"testing"
)

// unitStrings renders the units of a sentence as "name|a" (awarded) or
// "name|e" (exemplary).
func unitStrings(in, prev string) []string {
	var got []string
	for _, u := range Units(in, prev) {
		got = append(got, u.Name+"|"+u.Role[:1])
	}
	return got
}

// TestUnitsCountedPredicate: "A và B là hai tập thể/đơn vị ..." names
// the subject as that many units; what follows tells the role.
func TestUnitsCountedPredicate(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two collectives received", "Đoàn Thanh niên phường Bắc Giang và Đoàn Thanh niên phường Kinh Bắc là hai tập thể được nhận Bằng khen.",
			[]string{"Đoàn Thanh niên phường Bắc Giang|a", "Đoàn Thanh niên phường Kinh Bắc|a"}},
		{"two units given by a body", "Phường Cái Vồn và xã Đông Thạnh là hai đơn vị được Ban Thường vụ Thị ủy tặng Giấy khen.",
			[]string{"Phường Cái Vồn|a", "xã Đông Thạnh|a"}},
		{"count in digits, exemplary", "Chi bộ ấp Mỹ Phú, Chi bộ ấp Mỹ Lợi và Chi bộ ấp 4 là 3 tập thể tiêu biểu trong học tập và làm theo Bác.",
			[]string{"Chi bộ ấp Mỹ Phú|e", "Chi bộ ấp Mỹ Lợi|e", "Chi bộ ấp 4|e"}},
		// not a count of units: a year, or people
		{"a year is no count", "Hội Nông dân xã An Bình là năm 2020 được thành lập lại.", nil},
		{"people, not units", "Anh Nguyễn Văn Tư và chị Lê Thị Hoa là hai cá nhân được nhận Bằng khen.", nil},
		{"count with no praise", "Xã Tân Phú và xã Tân Hòa là hai địa phương có diện tích lúa lớn nhất huyện.", nil},
	}
	for _, tt := range tests {
		if got := unitStrings(tt.in, ""); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Units(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestUnitsLeadsAndSubjects: a list after "tiêu biểu ... gồm", a subject
// singled out by "trong đó có", "Tổng Công ty" as an organisation head,
// and a form word late in a long predicate.
func TestUnitsLeadsAndSubjects(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"cue then gồm", "Những tập thể tiêu biểu được nêu tại hội nghị gồm Đảng bộ xã Tân Bình, Đảng bộ thị trấn Cây Dương và Chi bộ Trường THPT Phụng Hiệp.",
			[]string{"Đảng bộ xã Tân Bình|e", "Đảng bộ thị trấn Cây Dương|e", "Chi bộ Trường THPT Phụng Hiệp|e"}},
		{"cue then gồm, veterans", "Những đơn vị tiêu biểu được nêu tại hội nghị gồm Hội Cựu chiến binh phường Việt Trì, Hội Cựu chiến binh phường Vĩnh Yên và Hội Cựu chiến binh Tổng Công ty Giấy Việt Nam.",
			[]string{"Hội Cựu chiến binh phường Việt Trì|e", "Hội Cựu chiến binh phường Vĩnh Yên|e", "Hội Cựu chiến binh Tổng Công ty Giấy Việt Nam|e"}},
		{"gồm without a cue", "Đoàn công tác gồm Ban Tuyên giáo Tỉnh ủy và Sở Nội vụ đã làm việc với huyện.", nil},
		{"singled out as typical", "Nhiều doanh nghiệp duy trì việc làm ổn định cho người lao động, trong đó có Công ty CP Cảng Quy Nhơn và Tổng Công ty Pisico Bình Định - CTCP là những đơn vị điển hình của Khối.",
			[]string{"Công ty CP Cảng Quy Nhơn|e", "Tổng Công ty Pisico Bình Định - CTCP|e"}},
		{"singled out, awarded", "Nhiều tập thể có thành tích xuất sắc, trong đó có Đảng bộ xã Hòa Bình được Chủ tịch UBND tỉnh tặng Bằng khen.",
			[]string{"Đảng bộ xã Hòa Bình|a"}},
		{"singled out, no praise", "Toàn huyện có 45 tổ chức cơ sở đảng, trong đó có Đảng bộ xã Hòa Bình là đảng bộ lớn nhất.", nil},
		{"general corporation awarded", "Năm 2022, Tổng Công ty Cà phê Việt Nam được Thủ tướng Chính phủ tặng Bằng khen.",
			[]string{"Tổng Công ty Cà phê Việt Nam|a"}},
		{"long predicate before the form", "Năm 2019, Đảng bộ Trường Đại học Tây Nguyên vinh dự được Ban Thường vụ Tỉnh ủy Đắk Lắk tặng Bằng khen vì có thành tích xuất sắc trong 3 năm thực hiện Chỉ thị 05-CT/TW.",
			[]string{"Đảng bộ Trường Đại học Tây Nguyên|a"}},
		{"form far away is no award", "Năm 2019, Đảng bộ Trường Đại học Tây Nguyên được tổ chức đại hội điểm, thực hiện tốt công tác chuẩn bị nhân sự, văn kiện và sau đó đề xuất Bằng khen.", nil},
	}
	for _, tt := range tests {
		if got := unitStrings(tt.in, ""); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Units(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestUnitsPersonsHome: the places after a person named in a list or
// before "ở"/"tại" and a model are where the person lives, not units.
func TestUnitsPersonsHome(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"family with its address", "Tại hội nghị, Ban Thường vụ Huyện ủy đã biểu dương 15 gia đình văn hóa tiêu biểu, trong đó có gia đình ông Siu Dinh, làng Kênh, xã Ia Ga, hiến hơn 1.000 m2 đất xây dựng nhà văn hóa làng.", nil},
		{"person with address then a unit", "Ban Thường vụ Huyện ủy tặng Giấy khen, biểu dương ông Rơ Châm Hyưn, làng Bò, xã Ia Lâu và Chi bộ làng Sung Kép.",
			[]string{"Chi bộ làng Sung Kép|a"}},
		{"place after a unit still locates it", "UBND huyện tặng Giấy khen cho Chi bộ khu phố 5, phường 9 và Chi bộ ấp 2.",
			[]string{"Chi bộ khu phố 5, phường 9|a", "Chi bộ ấp 2|a"}},
		{"farmer at home with a model", "Nhiều nông dân đã mạnh dạn chuyển đổi cơ cấu cây trồng như anh Lâm Văn Tý ở xã Mỹ Hội Đông với mô hình trồng xoài cát Hòa Lộc cho lợi nhuận hơn 600 triệu đồng mỗi năm.", nil},
		{"villager tại a hamlet", "Điển hình như chị Lò Thị Sen tại bản Nà Sài với mô hình nuôi cá lồng.", nil},
		{"commune itself with a model", "Tiêu biểu như xã Mỹ Hội Đông với mô hình “Cánh đồng lớn” cho lợi nhuận cao.",
			[]string{"xã Mỹ Hội Đông|e"}},
		{"commune after tại, no person", "Nhiều cách làm hay được nhân rộng, điển hình tại xã An Phú với mô hình “Cánh đồng mẫu”.",
			[]string{"xã An Phú|e"}},
	}
	for _, tt := range tests {
		if got := unitStrings(tt.in, ""); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Units(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestOfficialsTitles8: "đồng chí" ends a title; a parish ("họ đạo")
// continues a priest's title; a department's title runs on over ", " and
// the body the department belongs to, without joining two titles.
func TestOfficialsTitles8(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"đồng chí ends the chain", "Chủ trì hội nghị có đồng chí Phạm Văn Khuê, Bí thư Đảng ủy, Chủ tịch Hội đồng trường và đồng chí Đỗ Quang Hiển, Phó Bí thư Đảng ủy, Hiệu trưởng Nhà trường.",
			[]string{"Phạm Văn Khuê: Bí thư Đảng ủy; Chủ tịch Hội đồng trường", "Đỗ Quang Hiển: Phó Bí thư Đảng ủy; Hiệu trưởng Nhà trường"}},
		{"đồng chí after a district", "Dự có đồng chí Vàng Thị Dinh, Bí thư Huyện ủy Bát Xát và các đồng chí trong Ban Thường vụ Huyện ủy.",
			[]string{"Vàng Thị Dinh: Bí thư Huyện ủy Bát Xát"}},
		{"parish priest", "Dự lễ có Linh mục Nguyễn Văn Khiêm, Chánh xứ họ đạo Bãi Xàu; cùng đông đảo chức sắc.",
			[]string{"Nguyễn Văn Khiêm: Linh mục; Chánh xứ họ đạo Bãi Xàu"}},
		{"họ is no parish", "Ông Trần Văn Lâm, Trưởng ấp họ cho biết bà con rất phấn khởi.",
			[]string{"Trần Văn Lâm: Trưởng ấp"}},
		{"department and its committee", "Báo cáo viên hội nghị là đồng chí Phạm Hữu Lộc, Vụ trưởng Vụ Lý luận chính trị, Ban Tuyên giáo Trung ương.",
			[]string{"Phạm Hữu Lộc: Vụ trưởng Vụ Lý luận chính trị, Ban Tuyên giáo Trung ương"}},
		{"office head and the department", "Dự có bà Lê Thị Mai, Trưởng phòng Tổ chức cán bộ, Sở Nội vụ tỉnh.",
			[]string{"Lê Thị Mai: Trưởng phòng Tổ chức cán bộ, Sở Nội vụ tỉnh"}},
		{"two titles stay two", "Dự có đồng chí Nguyễn Văn Hòa, Vụ trưởng Vụ Địa phương, Phó Trưởng ban Tổ chức Trung ương.",
			[]string{"Nguyễn Văn Hòa: Vụ trưởng Vụ Địa phương; Phó Trưởng ban Tổ chức Trung ương"}},
		{"no department, no parent", "Dự có đồng chí Trần Văn Sáu, Bí thư Huyện ủy, Ban Chỉ đạo huyện đã chỉ đạo sát sao.",
			[]string{"Trần Văn Sáu: Bí thư Huyện ủy"}},
	}
	for _, tt := range tests {
		if got := officialStrings(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Officials(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}
