package match

import (
	"strings"
	"testing"
)

// TestUnitsMore covers the unit rules for youth-union branches, hospital
// departments, tasks that are not awards, places that locate an item, shared
// offices, decisions before a list, the people of a place, organisations
// located by a place, and units named in a speaker's title.
func TestUnitsMore(t *testing.T) {
	tests := []struct {
		name, prev, in string
		want           []string // "name|role", role a for awarded, e for exemplary
	}{
		// youth-union branches: "Đoàn xã/phường/thị trấn X"
		{"youth union owner", "", `Tiêu biểu là công trình "Hẻm xanh" của Đoàn phường Tân Phú và mô hình "Tủ sách Bác Hồ" của Đoàn phường Hiệp Bình.`,
			[]string{"Đoàn phường Tân Phú|e", "Đoàn phường Hiệp Bình|e"}},
		{"youth union awarded", "", "Ban Thường vụ Tỉnh đoàn tặng Bằng khen cho Đoàn xã Tân Lập và Đoàn thị trấn Thạnh Hóa.",
			[]string{"Đoàn xã Tân Lập|a", "Đoàn thị trấn Thạnh Hóa|a"}},
		{"youth union with adverb and point of light", "", `Đoàn xã Lũng Táo cũng là điểm sáng với mô hình "Thắp sáng đường biên", thu hút nhiều đoàn viên tham gia.`,
			[]string{"Đoàn xã Lũng Táo|e"}},
		{"delegation is no unit", "", "Đoàn công tác của tỉnh được Ban Tổ chức tặng quà lưu niệm.", nil},

		// hospital departments: "Khoa" before a department name
		{"department models", "", `Nhiều cách làm hay được nhân rộng, tiêu biểu như Khoa Nội tổng hợp với mô hình "Nụ cười thầy thuốc", Khoa Sản với mô hình "Mẹ tròn con vuông".`,
			[]string{"Khoa Nội tổng hợp|e", "Khoa Sản|e"}},
		{"department awarded", "", "Dịp này, Khoa Hồi sức tích cực vinh dự được UBND tỉnh tặng Cờ thi đua.",
			[]string{"Khoa Hồi sức tích cực|a"}},
		{"department in a party cell", "", `Tiêu biểu như Chi bộ Khoa Nhi với mô hình "Tủ áo ấm cho bệnh nhi nghèo".`,
			[]string{"Chi bộ Khoa Nhi|e"}},
		{"science is no department", "", "Khoa học và công nghệ được tặng nhiều giải thưởng trong năm.", nil},

		// "được giao" gives a task, not an award
		{"tasked body", "", "Huyện ủy phấn đấu mỗi năm phát hiện 20 gương điển hình; Ban Tuyên giáo Huyện ủy được giao tham mưu biểu dương, khen thưởng kịp thời.", nil},
		{"assigned commune", "", "Năm nay, Đảng ủy xã Phú Mỹ được phân công tổ chức lễ trao Bằng khen cho các đảng viên.", nil},
		{"awarded after được", "", "Năm nay, Đảng ủy xã Phú Mỹ được Ban Thường vụ Tỉnh ủy tặng Bằng khen.",
			[]string{"Đảng ủy xã Phú Mỹ|a"}},

		// places after "tại"/"ở" locate a model, they are no items
		{"located model", "", "Nhiều tập thể là điển hình như Chi bộ Văn phòng UBND tỉnh với mô hình “Một ngày không giấy tờ”, Đảng bộ Sở Y tế với mô hình “Bệnh viện xanh” tại phường Bảo Lộc và xã Bắc Bình.",
			[]string{"Chi bộ Văn phòng UBND tỉnh|e", "Đảng bộ Sở Y tế|e"}},
		{"located then next item", "", "Điển hình như Hội Nông dân huyện với mô hình “Cánh đồng mẫu” ở xã An Phú, Chi hội Phụ nữ ấp 3 với mô hình “Tiết kiệm vì nhau”.",
			[]string{"Hội Nông dân huyện|e", "Chi hội Phụ nữ ấp 3|e"}},

		// one office serving bodies joined by "và"
		{"office of two bodies", "", `Tiêu biểu là Chi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh với mô hình "Tiếp nhận kiến nghị cử tri qua mạng"; Đảng bộ Sở Tư pháp với mô hình "Trợ giúp pháp lý lưu động".`,
			[]string{"Chi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh|e", "Đảng bộ Sở Tư pháp|e"}},
		{"office of council and committee", "", "Chủ tịch UBND huyện tặng Giấy khen cho Văn phòng HĐND và UBND huyện Yên Thế.",
			[]string{"Văn phòng HĐND và UBND huyện Yên Thế|a"}},
		{"two bodies without an office", "", "Chủ tịch UBND tỉnh tặng Bằng khen cho Công an huyện và UBND xã Tân Sỏi.",
			[]string{"Công an huyện|a", "UBND xã Tân Sỏi|a"}},

		// a decision between the form word and the list
		{"decision before list", "", "Dịp này, 2 tập thể được Thủ tướng Chính phủ tặng Bằng khen theo Quyết định số 612/QĐ-TTg ngày 28/4/2021 là Đảng bộ xã Tân Sỏi (huyện Yên Thế) và Ban Tuyên giáo Huyện ủy Lục Nam.",
			[]string{"Đảng bộ xã Tân Sỏi|a", "Ban Tuyên giáo Huyện ủy Lục Nam|a"}},
		{"decision by the president", "", "Các tập thể được tặng Bằng khen theo Quyết định số 1865/QĐ-UBND ngày 20/9/2018 có Trường THPT Lê Lợi và Công ty Điện lực tỉnh.",
			[]string{"Trường THPT Lê Lợi|a", "Công ty Điện lực tỉnh|a"}},

		// the people of a place as one recipient
		{"people and cadres", "", "Tại đại hội, Nhân dân và cán bộ xã Minh Đức vinh dự đón nhận danh hiệu Anh hùng Lao động trong thời kỳ đổi mới.",
			[]string{"Nhân dân và cán bộ xã Minh Đức|a"}},
		{"people and armed forces", "", "Năm 2015, Nhân dân và lực lượng vũ trang huyện Cần Giờ được Chủ tịch nước tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân.",
			[]string{"Nhân dân và lực lượng vũ trang huyện Cần Giờ|a"}},
		{"people without a place", "", "Nhân dân trong tỉnh được tặng nhiều phần quà ý nghĩa.", nil},

		// a place that ends an organisation's name
		{"located organisation", "", `Điển hình như Chi hội Nông dân nghề nghiệp trồng sầu riêng xã Ngũ Hiệp với mô hình liên kết tiêu thụ, Hợp tác xã Nông nghiệp Mỹ Thành với mô hình "Cánh đồng lớn".`,
			[]string{"Hợp tác xã Nông nghiệp Mỹ Thành|e", "Chi hội Nông dân nghề nghiệp trồng sầu riêng xã Ngũ Hiệp|e"}},
		{"organisation helping a place", "", `Tiêu biểu như Hội Nông dân tỉnh hỗ trợ nông dân xã Tân Phú với mô hình "Tổ hợp tác rau sạch".`,
			[]string{"Hội Nông dân tỉnh|e", "xã Tân Phú|e"}},

		// "sư phạm" inside a school's name
		{"teacher training school", "", "Tại hội nghị, Trường Đại học Sư phạm vinh dự đón nhận Huân chương Lao động hạng Nhì.",
			[]string{"Trường Đại học Sư phạm|a"}},

		// a unit named only in a speaker's title that runs a named model
		{"border post speaker", "", "Thượng tá Lò Văn Pàng, Đồn trưởng Đồn Biên phòng Lũng Cú, cho biết đơn vị đã cử 120 lượt cán bộ giúp dân; đồng thời duy trì mô hình “Nâng bước em tới trường”, nhận đỡ đầu 35 học sinh.",
			[]string{"Đồn Biên phòng Lũng Cú|e"}},
		{"party cell speaker", "", `Bà Nguyễn Thị Hoa, Bí thư Chi bộ khu phố 3, chia sẻ chi bộ đã xây dựng mô hình "Khu phố không rác thải nhựa" từ năm 2022.`,
			[]string{"Chi bộ khu phố 3|e"}},
		{"speaker without a model", "", "Ông Trần Văn Nam, Giám đốc Công ty Điện lực tỉnh, cho biết đơn vị đã hoàn thành kế hoạch năm.", nil},
		{"speaker on another body's model", "", `Ông Trần Văn Nam, Chủ tịch UBND xã Tân Phú, cho biết người dân đã xây dựng mô hình "Đường hoa" ở nhiều thôn.`, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, u := range Units(tt.in, tt.prev) {
			got = append(got, u.Name+"|"+u.Role[:1])
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("%s: Units(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}
