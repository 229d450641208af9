package match

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vnnews/vnnews/extract/page"
	"github.com/vnnews/vnnews/extract/vntext"
)

func TestDirectives(t *testing.T) {
	tests := []struct {
		in   string
		want []string // code|date
	}{
		{"Hội nghị sơ kết Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị.", []string{"01-KL/TW|2021-05-18"}},
		{"Thực hiện Công điện số 07/CĐ-UBND ngày 2/10/2023 của UBND tỉnh, các xã đã sơ tán dân.", []string{"07/CĐ-UBND|2023-10-02"}},
		{"Thực hiện Nghị quyết số 23 – NQ/TƯ về công nghiệp hóa.", []string{"23-NQ/TW|"}},
		{"theo Chỉ thị 03-CT/T.Ư của Ban Bí thư", []string{"03-CT/TW|"}},
		{"Hướng dẫn 102HD/BTGTW của Ban Tuyên giáo Trung ương", []string{"102-HD/BTGTW|"}},
		{"Quyết định số 368/QĐ-TTg ngày 21/3/2017 của Thủ tướng", []string{"368/QĐ-TTg|2017-03-21"}},
		{"Nghị định 91/2006/NĐ-CP quy định", []string{"91/2006/NĐ-CP|"}},
		{"thực hiện Chỉ thị 05 của Bộ Chính trị về học tập", []string{"05-CT/TW|"}},
		{"Chỉ thị số 06 của Ban Thường vụ Tỉnh ủy về phòng chống", []string{"06-CT/TU|"}},
		{"Quyết định số 2234 của Chủ tịch nước về tặng thưởng", []string{"2234/QĐ-CTN|"}},
		{"gắn với Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng", nil},
		{"thực hiện thắng lợi Kế hoạch 5 năm (2021-2025) của tỉnh", nil},
		{"Kết luận số 01 được triển khai sâu rộng", nil},
		// state form with a Pháp lệnh of the Standing Committee
		{"và Pháp lệnh số 34/2007/PL-UBTVQH11, ngày 20/4/2007 về thực hiện dân chủ ở xã, phường, thị trấn", []string{"34/2007/PL-UBTVQH11|2007-04-20"}},
		// a resolution of the National Assembly: number, year, term
		{"theo Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính", []string{"202/2025/QH15|2025-06-12"}},
		// a regulation written with a lower-case letter in its kind
		{"và Quy định số 08-QĐi/TW, ngày 25/10/2018 của Ban Chấp hành Trung ương về trách nhiệm nêu gương", []string{"08-QĐI/TW|2018-10-25"}},
		// a date's slashes are not a code
		{"Ngày 16/5/2024, Huyện ủy tổ chức hội nghị.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range Directives(tt.in) {
			date := ""
			if d.Date != nil {
				date = *d.Date
			}
			got = append(got, d.Code+"|"+date)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Directives(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestResolveShortMentions(t *testing.T) {
	p := &page.Page{Blocks: []page.Block{
		{Text: "Qua 3 năm thực hiện Kết luận số 01, Đảng bộ có nhiều cách làm hay."},
		{Text: "Hội nghị sơ kết Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị."},
	}}
	a := Match(p)
	if len(a.Directives) != 1 || a.Directives[0].Code != "01-KL/TW" || a.Directives[0].Date == nil {
		t.Errorf("directives = %+v", a.Directives)
	}
}

func TestOfficials(t *testing.T) {
	tests := []struct {
		in   string
		want []string // name: title; title
	}{
		{"Đến dự có Ủy viên Ban Thường vụ, Trưởng ban Dân vận Tỉnh ủy - Lê Thị Hồng Nhung.",
			[]string{"Lê Thị Hồng Nhung: Ủy viên Ban Thường vụ; Trưởng ban Dân vận Tỉnh ủy"}},
		{"Dự hội nghị có đồng chí Trần Quốc Bảo, Tỉnh ủy viên, Bí thư Huyện ủy Tân Trụ.",
			[]string{"Trần Quốc Bảo: Tỉnh ủy viên; Bí thư Huyện ủy Tân Trụ"}},
		{"Bí thư Quận ủy Hoàn Kiếm Vũ Đăng Định trao giấy khen cho các tập thể.",
			[]string{"Vũ Đăng Định: Bí thư Quận ủy Hoàn Kiếm"}},
		// a baptismal name before the surname is part of the name
		{"Linh mục Phêrô Nguyễn Văn Hiền, Chánh xứ giáo xứ Tân Hương, phát biểu.",
			[]string{"Phêrô Nguyễn Văn Hiền: Linh mục; Chánh xứ giáo xứ Tân Hương"}},
		// "phòng, chống" does not end a title
		{"Đồng chí Trần Văn Hải, Phó Trưởng ban Thường trực Ban Chỉ đạo phòng, chống tham nhũng tỉnh, phát biểu.",
			[]string{"Trần Văn Hải: Phó Trưởng ban Thường trực Ban Chỉ đạo phòng, chống tham nhũng tỉnh"}},
		// an unknown surname in a strong frame
		{"Tham dự có đồng chí Pinăng Thị Hoa, Bí thư Đảng ủy xã Phước Chính.",
			[]string{"Pinăng Thị Hoa: Bí thư Đảng ủy xã Phước Chính"}},
		{"Ông Bhling Văn Thum (Bí thư Chi bộ thôn A Dớt) cho biết cả thôn đã xóa nhà tạm.",
			[]string{"Bhling Văn Thum: Bí thư Chi bộ thôn A Dớt"}},
		// a title runs on over a village and a congregation
		{"Ông Rơ Lan Hưng, Bí thư Chi bộ làng Ia Rsươm, cho biết cả làng đã có đường bê tông.",
			[]string{"Rơ Lan Hưng: Bí thư Chi bộ làng Ia Rsươm"}},
		{"Mục sư Lê Văn Thịnh, Quản nhiệm Hội thánh Tin Lành Đà Nẵng, chia sẻ về hoạt động từ thiện.",
			[]string{"Lê Văn Thịnh: Mục sư; Quản nhiệm Hội thánh Tin Lành Đà Nẵng"}},
		{"Mục sư Y Sim Niê, Quản nhiệm Chi hội Tin Lành buôn Kô Sir, phát biểu.",
			[]string{"Y Sim Niê: Mục sư; Quản nhiệm Chi hội Tin Lành buôn Kô Sir"}},
		{"Ông Blúp Chiến, Phó Chủ tịch UBND huyện Tây Giang, phát biểu tại hội nghị.",
			[]string{"Blúp Chiến: Phó Chủ tịch UBND huyện Tây Giang"}},
		{"Đồng chí A Rất Thị Hoa, Trưởng Ban Tuyên giáo Huyện ủy, phát biểu.",
			[]string{"A Rất Thị Hoa: Trưởng Ban Tuyên giáo Huyện ủy"}},
		{"Trung tá Sơn Ngọc Thạch (Đồn trưởng Đồn Biên phòng Vĩnh Hải) báo cáo.",
			[]string{"Sơn Ngọc Thạch: Trung tá; Đồn trưởng Đồn Biên phòng Vĩnh Hải"}},
		{"Thiếu tá Đinh Công Lý - Phó Trưởng Công an huyện Đức Hòa phát biểu.",
			[]string{"Đinh Công Lý: Thiếu tá; Phó Trưởng Công an huyện Đức Hòa"}},
		{"Thượng tọa Thích Minh Hải (Phó Trưởng ban Trị sự Giáo hội Phật giáo tỉnh) dự lễ.",
			[]string{"Thích Minh Hải: Thượng tọa; Phó Trưởng ban Trị sự Giáo hội Phật giáo tỉnh"}},
		{"Ông Nguyễn Văn Hai, nông dân xã Mỹ Lệ, có vườn cây 2 ha.", nil},
		// a verb after the title ends it
		{"Đồng chí Đặng Ngọc Dũng, Phó Bí thư Thường trực Tỉnh ủy dự và phát biểu chỉ đạo.",
			[]string{"Đặng Ngọc Dũng: Phó Bí thư Thường trực Tỉnh ủy"}},
		// a school's namesake is not a person
		{"Thầy Phạm Văn Đức, Hiệu trưởng Trường THPT chuyên Lê Quý Đôn chia sẻ.",
			[]string{"Phạm Văn Đức: Hiệu trưởng Trường THPT chuyên Lê Quý Đôn"}},
		{"Hiệu trưởng Trường THPT Nguyễn Du Trần Văn Anh phát biểu.",
			[]string{"Trần Văn Anh: Hiệu trưởng Trường THPT Nguyễn Du"}},
		// names of the Central Highlands: curly apostrophes, one word
		{"Đồng chí H’Ngọc Niê, Phó Bí thư Thường trực Đảng ủy Khối chủ trì hội nghị.",
			[]string{"H’Ngọc Niê: Phó Bí thư Thường trực Đảng ủy Khối"}},
		{"Dự hội nghị có các đồng chí: K'Bình, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Đảng ủy các cơ quan Đảng tỉnh.",
			[]string{"K'Bình: Ủy viên Ban Thường vụ Tỉnh ủy; Bí thư Đảng ủy các cơ quan Đảng tỉnh"}},
		// elected or appointed to an office
		{"Đồng chí Giàng A Páo được bầu giữ chức Bí thư Đảng ủy xã Bản Hồ; đồng chí Lò Thị Mai giữ chức Phó Bí thư Thường trực Đảng ủy xã.",
			[]string{"Giàng A Páo: Bí thư Đảng ủy xã Bản Hồ", "Lò Thị Mai: Phó Bí thư Thường trực Đảng ủy xã"}},
		// the youth union of a district, a parish and a congregation are not people
		{"Anh Trần Minh - Bí thư Quận Đoàn Bình Thủy cho biết, các công trình đã hoàn thành.",
			[]string{"Trần Minh: Bí thư Quận Đoàn Bình Thủy"}},
		{"Đến dự có Linh mục Phạm Văn Hòa, Chánh xứ giáo xứ Cù Lao Dung; ông Lê Văn Tám, Chánh trị sự Họ đạo Cao Đài Châu Đốc.",
			[]string{"Phạm Văn Hòa: Linh mục; Chánh xứ giáo xứ Cù Lao Dung", "Lê Văn Tám: Chánh trị sự Họ đạo Cao Đài Châu Đốc"}},
		// lower-case words of organisations inside titles
		{"Dự có ông Phan Văn Tùng, Trưởng Ban đại diện Hội đồng quản trị Ngân hàng Chính sách xã hội (NHCSXH) tỉnh.",
			[]string{"Phan Văn Tùng: Trưởng Ban đại diện Hội đồng quản trị Ngân hàng Chính sách xã hội (NHCSXH) tỉnh"}},
		{"Bà Lường Thị Xuân, Chủ nhiệm Câu lạc bộ xòe Thái bản Na Sang, chia sẻ kinh nghiệm.",
			[]string{"Lường Thị Xuân: Chủ nhiệm Câu lạc bộ xòe Thái bản Na Sang"}},
		{"Bà Trần Thị Hoa, Phó Trưởng ban Thường trực Ban Thi đua - Khen thưởng tỉnh phát biểu.",
			[]string{"Trần Thị Hoa: Phó Trưởng ban Thường trực Ban Thi đua - Khen thưởng tỉnh"}},
		// a two-word name after a place type is the place
		{"Dự hội nghị có đồng chí Nguyễn Đình Phú, Bí thư Đảng ủy xã Yên Hồ.",
			[]string{"Nguyễn Đình Phú: Bí thư Đảng ủy xã Yên Hồ"}},
		// a person after an unnamed district
		{"Tham dự có Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Phan Quốc Thắng.",
			[]string{"Phan Quốc Thắng: Phó Bí thư Huyện ủy; Chủ tịch UBND huyện"}},
		// a steering committee keeps its purpose in the title
		{"Đồng chí Lê Văn Khánh, Bí thư Huyện ủy, Trưởng Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện chủ trì hội nghị.",
			[]string{"Lê Văn Khánh: Bí thư Huyện ủy; Trưởng Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện"}},
		// the office given after the ones held
		{"Đại hội bầu Ban Chấp hành gồm 7 đồng chí; đồng chí Trần Văn Hùng, Giám đốc Công ty, được bầu giữ chức Bí thư Đảng ủy.",
			[]string{"Trần Văn Hùng: Giám đốc Công ty; Bí thư Đảng ủy"}},
		// an office of the Buddhist Sangha after a religious title
		{"Dự có Hòa thượng Thích Thiện Tâm, Phó Pháp chủ Hội đồng Chứng minh Giáo hội Phật giáo Việt Nam.",
			[]string{"Thích Thiện Tâm: Hòa thượng; Phó Pháp chủ Hội đồng Chứng minh Giáo hội Phật giáo Việt Nam"}},
		// a special zone (đặc khu) inside a title
		{"Đồng chí Nguyễn Văn An, Bí thư Đảng ủy đặc khu Côn Đảo dự hội nghị.",
			[]string{"Nguyễn Văn An: Bí thư Đảng ủy đặc khu Côn Đảo"}},
		// a hospital department continues a title
		{"Bác sĩ Lò Văn Tươi, Trưởng khoa Cấp cứu, cho biết khoa trực suốt Tết.",
			[]string{"Lò Văn Tươi: Trưởng khoa Cấp cứu"}},
		// a numbered residential group continues a title
		{"Bà Trần Thị Mai, Tổ trưởng tổ dân phố số 12 phường Đông Sơn, chia sẻ.",
			[]string{"Trần Thị Mai: Tổ trưởng tổ dân phố số 12 phường Đông Sơn"}},
		// a hamlet name runs on over a surname ("Vi"), and is no person
		{"Anh Sùng A Lử, Bí thư Chi bộ bản Pù Vi Hồ cho biết cả bản đã có điện.",
			[]string{"Sùng A Lử: Bí thư Chi bộ bản Pù Vi Hồ"}},
		{"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, o := range Officials(tt.in) {
			got = append(got, o.Name+": "+strings.Join(o.Titles, "; "))
			if !strings.Contains(tt.in, o.Evidence) {
				t.Errorf("evidence not in input")
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Officials(%q)\n got %v\nwant %v", tt.in, got, tt.want)
		}
	}
}

func TestAwards(t *testing.T) {
	tests := []struct {
		in   string
		want []string // c,i,t
	}{
		{"Dịp này, Huyện ủy tặng giấy khen cho 12 tập thể, 25 cá nhân có thành tích xuất sắc.", []string{"12,25,37"}},
		{"Nhân dịp này, 18 tập thể, cá nhân được biểu dương.", []string{"-,-,18"}},
		{"Các chi bộ khen thưởng 40 tập thể, 1.250 cá nhân; biểu dương 16 tập thể, 310 cá nhân.", []string{"40,1250,1290", "16,310,326"}},
		{"Chủ tịch UBND huyện trao giấy khen cho 7 đảng viên tiêu biểu.", []string{"0,7,7"}},
		{"Ban Thường vụ tặng Bằng khen cho 4 đơn vị.", []string{"4,0,4"}},
		{"Hội nghị biểu dương 30 gương điển hình.", []string{"-,-,30"}},
		// the recipients named between the counts keep one act
		{"Chủ tịch UBND tỉnh tặng Bằng khen cho 2 tập thể là Ban Dân vận Huyện ủy, UBND xã Trường Sơn và 1 cá nhân.", []string{"2,1,3"}},
		{"Huyện có 52/60 chi bộ đạt trong sạch, vững mạnh, đạt 86,7%.", nil},
		{"Chi bộ đỡ đầu 3 cháu mồ côi, mỗi tháng 500.000 đồng.", nil},
		{"Quận ủy đề nghị Thành ủy tặng Bằng khen cho 3 tổ chức cơ sở đảng.", nil},
		// a qualifier between the kinds of one act
		{"Đảng ủy Khối trao Giấy khen cho 21 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ và 63 đảng viên hoàn thành xuất sắc nhiệm vụ 5 năm liền.", []string{"21,63,84"}},
		{"Ban Thường vụ Tỉnh ủy tặng Bằng khen cho 7 tổ chức cơ sở đảng đạt trong sạch, vững mạnh tiêu biểu 5 năm liền (2019 - 2023) và 12 đảng viên hoàn thành xuất sắc nhiệm vụ.", []string{"7,12,19"}},
		// a count before the form word without a passive is something else
		{"Năm 2023, Đảng bộ kết nạp 45 đảng viên mới, khen thưởng 10 tập thể, 20 cá nhân.", []string{"10,20,30"}},
		{"Dịp này, 15 tập thể và 30 cá nhân được nhận Giấy khen của Ban Thường vụ Huyện ủy.", []string{"15,30,45"}},
		// the whole before "trong đó" is not commended
		{"Toàn huyện có 1.200 đảng viên, trong đó 150 đảng viên được tặng Huy hiệu Đảng.", []string{"0,150,150"}},
		// "trình bày" is no proposal
		{"Tại hội nghị, 20 đại biểu đã trình bày tham luận, Ban Tổ chức trao giấy khen cho 8 tập thể.", []string{"8,0,8"}},
		// times awarded, of one kind each
		{"Sau 5 năm, có 152 lượt tập thể, 420 lượt cá nhân được khen thưởng các cấp.", []string{"152,420,572"}},
		// a count cut off by the end of the text
		{"Dịp này, Ban Thường vụ Thành ủy tặng Giấy khen cho 14 tập thể,", []string{"14,-,-"}},
		// emulation titles attained or registered for are not commendations
		{"Toàn tỉnh hiện có 186.540 hộ đăng ký danh hiệu sản xuất, kinh doanh giỏi các cấp, trong đó 92.310 hộ đạt danh hiệu.", nil},
		{"Có 1.142 gia đình đạt danh hiệu “Gia đình văn hóa” 3 năm liền.", nil},
		{"Chủ tịch UBND tỉnh tặng danh hiệu Chiến sĩ thi đua cấp tỉnh cho 5 cá nhân.", []string{"0,5,5"}},
		{"Chủ tịch UBND tỉnh công nhận danh hiệu Chiến sĩ thi đua cấp tỉnh cho 14 đồng chí.", []string{"0,14,14"}},
		{"Toàn huyện có 1.200 hộ được công nhận đạt danh hiệu “Gia đình văn hóa”.", nil},
		// counts written in words, with tens and units
		{"Ban Thường vụ Quận ủy tặng Giấy khen cho mười tập thể và hai mươi cá nhân hoàn thành xuất sắc nhiệm vụ.", []string{"10,20,30"}},
		{"Tỉnh Đoàn tặng Bằng khen cho hai mươi lăm cá nhân có thành tích xuất sắc.", []string{"0,25,25"}},
		{"Hội đồng thi đua tặng giấy khen cho mười lăm tập thể.", []string{"15,0,15"}},
		// the count right after a verb of conferring receives the form after it
		{"Dịp này, Hội LHPN tỉnh trao tặng 6 tập thể Bằng khen của Trung ương Hội.", []string{"6,0,6"}},
		{"Trước đó, ngành đã được Đảng, Nhà nước tặng thưởng 14 Huân chương các loại.", []string{"-,-,14"}},
		// a gift after the verb is no commendation; the form must follow the count
		{"Dịp này, Ban Tổ chức tặng 20 gia đình chính sách quà, khen thưởng 5 tập thể.", []string{"5,0,5"}},
		// a year is never a count
		{"Năm 2021, Đảng bộ thị trấn vinh dự được Thủ tướng Chính phủ tặng Bằng khen; năm 2023 Chi bộ thôn Phú Hòa được Huyện ủy tặng Giấy khen.", nil},
		// "một" is an article unless it counts collectives or individuals
		{"Những điển hình được tuyên dương rất giản dị: một cựu chiến binh hiến đất làm đường, một nhà giáo dạy chữ miễn phí.", nil},
		{"Ban Thường vụ Huyện ủy tặng Giấy khen cho một tập thể và hai cá nhân.", []string{"1,2,3"}},
		// a form word inside a proper name is none
		{"Ông Thào A Tủa, Bí thư Chi bộ bản Huổi Khen, cho biết mỗi đảng viên kèm cặp 4 hộ đồng bào Mông trồng cây ăn quả.", nil},
		// a range is no count
		{"Mỗi đảng viên được khen vì giúp đỡ 3 - 5 hộ nghèo thoát nghèo bền vững.", nil},
		// awards counted as objects give totals, one act each
		{"Nhiệm kỳ qua, toàn huyện có 4 Huân chương các loại, 37 Bằng khen của Chủ tịch UBND tỉnh được trao cho các tập thể, cá nhân.", []string{"-,-,4", "-,-,37"}},

		// recipients listed after a colon before the second count: one act
		{"Hội Nông dân tỉnh tặng Bằng khen cho 3 tập thể: Hội Nông dân xã Tân Lập, Hội Nông dân xã Hòa Bình, Chi hội Nông dân thôn Đông và 9 cá nhân có nhiều đóng góp.", []string{"3,9,12"}},
		// a planned or expected award is not one
		{"Theo kế hoạch, Ban Thường vụ Huyện ủy sẽ tặng Giấy khen cho 8 tập thể, 20 cá nhân tiêu biểu.", nil},
		{"Dự kiến, tại lễ kỷ niệm, UBND huyện trao Giấy khen cho 12 tập thể và 18 cá nhân.", nil},
		{"Hội Cựu chiến binh huyện chuẩn bị khen thưởng 6 tập thể, 14 hội viên.", nil},
		// a plan named as a document is no plan to award
		{"Dịp này, 9 tập thể có mô hình hay trong thực hiện Kế hoạch số 12-KH/HU được biểu dương.", []string{"9,0,9"}},
		// "sẽ" after the form word does not make the award a plan
		{"Dịp này, Huyện ủy tặng Giấy khen cho 5 tập thể, 9 cá nhân; các đơn vị sẽ tiếp tục phát huy.", []string{"5,9,14"}},
		// the object of a verb that is no commendation is not commended
		{"Hội nghị tuyên dương 4 gương điển hình, trong đó có bà Lò Thị Mai, Chi hội trưởng phụ nữ bản Na, người đã giúp đỡ 25 hộ thoát nghèo.", []string{"-,-,4"}},
		{"Dịp này, Ban Thường vụ Huyện ủy biểu dương các đảng viên đã nhận đỡ đầu 40 học sinh nghèo.", nil},
		{"Đoàn thăm, tặng quà 9 Mẹ Việt Nam anh hùng được Nhà nước phong tặng danh hiệu.", nil},
		// a title conferred by the State
		{"Toàn huyện có 15 Mẹ Việt Nam anh hùng được Nhà nước phong tặng, truy tặng.", []string{"0,15,15"}},
	}
	str := func(p *int) string {
		if p == nil {
			return "-"
		}
		return itoa(*p)
	}
	for _, tt := range tests {
		var got []string
		for _, a := range Awards(tt.in) {
			got = append(got, str(a.Collectives)+","+str(a.Individuals)+","+str(a.Total))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Awards(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestUnits(t *testing.T) {
	tests := []struct {
		prev, in string
		want     []string // "name|role", role a for awarded, e for exemplary
	}{
		// a time adverb between the form word and the list's lead
		{"", "Các tập thể được khen thưởng đợt này có Đảng bộ Cục Thuế tỉnh, Chi bộ Sở Nội vụ và Đảng bộ Bảo hiểm xã hội huyện.",
			[]string{"Đảng bộ Cục Thuế tỉnh|a", "Chi bộ Sở Nội vụ|a", "Đảng bộ Bảo hiểm xã hội huyện|a"}},
		// a count of units named in parentheses
		{"", "Chỉ huy trưởng tặng Bằng khen cho 2 tập thể (Đồn Biên phòng Hữu Nghị và Trạm Kiểm soát Biên phòng Tân Thanh) và 5 cá nhân.",
			[]string{"Đồn Biên phòng Hữu Nghị|a", "Trạm Kiểm soát Biên phòng Tân Thanh|a"}},
		// units listed after a colon, up to the count of individuals
		{"", "Hội Nông dân tỉnh tặng Bằng khen cho 3 tập thể: Hội Nông dân xã Tân Lập, Chi hội Nông dân thôn Đông 2 và 9 cá nhân có nhiều đóng góp.",
			[]string{"Hội Nông dân xã Tân Lập|a", "Chi hội Nông dân thôn Đông 2|a"}},
		// a planned award names no awarded units
		{"", "Dự kiến, Ban Thường vụ Huyện ủy sẽ tặng Giấy khen cho Đảng bộ xã Tân Lập và Chi bộ thôn Đông.", nil},
		// a named good model run by the subject
		{"", "Chi bộ khu phố 4 duy trì mô hình “Khu phố không rác thải nhựa”, được nhiều địa phương đến học tập.",
			[]string{"Chi bộ khu phố 4|e"}},
		{"", "Đảng bộ xã triển khai nhiều mô hình phát triển kinh tế.", nil},
		// a year before the subject, without a comma
		{"", "Đặc biệt, năm 2023 Đảng bộ thị trấn Phước Dân vinh dự được Chủ tịch nước tặng Huân chương Lao động hạng Ba.",
			[]string{"Đảng bộ thị trấn Phước Dân|a"}},
		// a capital after an apostrophe stays in the name
		{"", "Ban Trị sự tặng Bằng khen cho 2 tập thể là chùa Bốn Mặt (phường 1) và chùa Kh’Mer Cũ (phường 3).",
			[]string{"chùa Bốn Mặt|a", "chùa Kh’Mer Cũ|a"}},
		// "giao dịch" inside a bank office's name
		{"", "Giám đốc Ngân hàng Chính sách xã hội tỉnh tặng giấy khen cho Phòng giao dịch Ngân hàng Chính sách xã hội huyện Đakrông.",
			[]string{"Phòng giao dịch Ngân hàng Chính sách xã hội huyện Đakrông|a"}},
		// "cổ phần" inside a company's name
		{"", "Thủ tướng tặng Bằng khen cho Công ty cổ phần Xi măng Bỉm Sơn.",
			[]string{"Công ty cổ phần Xi măng Bỉm Sơn|a"}},
		// "điểm sáng ... như" and a group after ";" that names its units with "như"
		{"", "Nhiều đơn vị là điểm sáng của phong trào như Ủy ban MTTQ huyện Châu Thành, Ban Công tác Mặt trận ấp Phước Lợi; các cơ sở tôn giáo như chùa Long Phước, Giáo xứ Cái Mơn đã tích cực tham gia.",
			[]string{"Ủy ban MTTQ huyện Châu Thành|e", "Ban Công tác Mặt trận ấp Phước Lợi|e", "chùa Long Phước|e", "Giáo xứ Cái Mơn|e"}},
		// a list after a lead, split on ";"
		{"", "Nổi bật có Đảng bộ phường Tân Định; Chi bộ Trường THCS Lê Lợi; Hội Cựu chiến binh xã An Bình.",
			[]string{"Đảng bộ phường Tân Định|e", "Chi bộ Trường THCS Lê Lợi|e", "Hội Cựu chiến binh xã An Bình|e"}},
		// "cho A và B" after a form word
		{"", "Bí thư Huyện ủy tặng giấy khen cho Huyện đoàn Đức Huệ và Công an xã Mỹ Quý Tây.",
			[]string{"Huyện đoàn Đức Huệ|a", "Công an xã Mỹ Quý Tây|a"}},
		// a list split on "," and "và", items with their models
		{"", "Nổi bật có Đảng bộ phường Dịch Vọng Hậu với mô hình “Phường văn minh, công dân thân thiện”, Chi bộ Trường THCS Cầu Giấy với mô hình “Mỗi thầy cô là một tấm gương tự học” và Đảng bộ Công an quận với mô hình “Công an phường vì nhân dân phục vụ”.",
			[]string{"Đảng bộ phường Dịch Vọng Hậu|e", "Chi bộ Trường THCS Cầu Giấy|e", "Đảng bộ Công an quận|e"}},
		// a name with a number; a ward after a comma locates a quarter
		{"", "Nhiều điển hình được nhân rộng như Đảng bộ phường 25 với mô hình “Khu phố không rác”; Chi bộ khu phố 7, phường 10 với mô hình “Bữa cơm nghĩa tình”.",
			[]string{"Đảng bộ phường 25|e", "Chi bộ khu phố 7, phường 10|e"}},
		// a cue, then "là" after a phrase
		{"", "Tiêu biểu trong thực hiện nghị quyết là Ban Chỉ huy Quân sự huyện Hoằng Hóa, Tiểu đoàn Bộ binh 4 và Đại đội Trinh sát thuộc Bộ Chỉ huy Quân sự tỉnh.",
			[]string{"Ban Chỉ huy Quân sự huyện Hoằng Hóa|e", "Tiểu đoàn Bộ binh 4|e", "Đại đội Trinh sát|e"}},
		// the subject list named exemplary
		{"", "Đảng bộ Sở Y tế và Chi bộ Thư viện tỉnh là những điển hình trong đổi mới hình thức sinh hoạt chuyên đề.",
			[]string{"Đảng bộ Sở Y tế|e", "Chi bộ Thư viện tỉnh|e"}},
		{"", "Năm qua, các phường đều có mô hình làm theo Bác; Đảng bộ phường Thuận Hòa và Chi bộ Trường THPT Quốc Học được đánh giá là những điển hình tiêu biểu của thành phố.",
			[]string{"Đảng bộ phường Thuận Hòa|e", "Chi bộ Trường THPT Quốc Học|e"}},
		// subject lists before predicates of praise, names with lower-case words
		{"", "Công an huyện Đức Thọ và Phòng Cảnh sát kinh tế được đánh giá là điển hình trong phong trào thi đua “Vì an ninh Tổ quốc”.",
			[]string{"Công an huyện Đức Thọ|e", "Phòng Cảnh sát kinh tế|e"}},
		{"", "Hợp tác xã Nông nghiệp Ea Kao và Chi hội nông dân nghề nuôi cá thôn Phú Lộc được giới thiệu là những mô hình liên kết sản xuất tiêu biểu.",
			[]string{"Hợp tác xã Nông nghiệp Ea Kao|e", "Chi hội nông dân nghề nuôi cá thôn Phú Lộc|e"}},
		{"", "Trong đó, Đảng bộ xã Tân Lập, Chi bộ xóm Đình (xã Hòa Bình) là những đơn vị được khen thưởng.",
			[]string{"Đảng bộ xã Tân Lập|a", "Chi bộ xóm Đình|a"}},
		{"", "Ban CHQS huyện Như Xuân, Đại đội Bộ binh 3 thuộc Tiểu đoàn Bộ binh 6 là những đơn vị tiêu biểu.",
			[]string{"Ban CHQS huyện Như Xuân|e", "Đại đội Bộ binh 3|e"}},
		// a ward after a comma locates the quarter; a model's tail is cut
		{"", "Đảng bộ phường Bến Thành với mô hình “Hẻm xanh” và Chi bộ khu phố 2, phường 4 được biểu dương là điển hình tiêu biểu.",
			[]string{"Đảng bộ phường Bến Thành|e", "Chi bộ khu phố 2, phường 4|e"}},
		// a list after a form word and "có"; the person in it is not a unit
		{"", "Trong số các gương được vinh danh có ông Trần Văn Hòa (phường Cống Vị) 10 năm dạy học miễn phí và Tổ dân phố số 12 phường Ngọc Hà.",
			[]string{"Tổ dân phố số 12 phường Ngọc Hà|a"}},
		{"", "Nhiều tập thể được biểu dương như: Chi bộ ấp Tân Lợi, Đảng bộ Trường THPT Phan Bội Châu.",
			[]string{"Chi bộ ấp Tân Lợi|a", "Đảng bộ Trường THPT Phan Bội Châu|a"}},
		{"", "Đảng bộ xã Phú An là một trong 10 tập thể được Ban Thường vụ Tỉnh ủy tặng Bằng khen.",
			[]string{"Đảng bộ xã Phú An|a"}},
		// an item that starts no unit goes on with the name before it
		{"", "UBND tỉnh tặng Cờ thi đua cho 2 tập thể là Sở Văn hóa, Thể thao và Du lịch và Phòng Văn hóa - Thông tin huyện Điện Biên Đông.",
			[]string{"Sở Văn hóa, Thể thao và Du lịch|a", "Phòng Văn hóa - Thông tin huyện Điện Biên Đông|a"}},
		// a list right after a verb of commendation
		{"", "Ban Thường vụ Tỉnh ủy biểu dương Đảng bộ huyện Mỏ Cày Nam, Đảng bộ Sở Giáo dục và Đào tạo có nhiều cách làm sáng tạo.",
			[]string{"Đảng bộ huyện Mỏ Cày Nam|a", "Đảng bộ Sở Giáo dục và Đào tạo|a"}},
		{"", "Theo Ban Tổ chức, Công ty TNHH MTV Cao su Chư Prông là doanh nghiệp tiêu biểu trong phong trào thi đua.",
			[]string{"Công ty TNHH MTV Cao su Chư Prông|e"}},
		// the subject that receives an award
		{"", "Đảng bộ xã Hòa Hiệp vinh dự nhận Cờ thi đua của UBND tỉnh.", []string{"Đảng bộ xã Hòa Hiệp|a"}},
		{"", "Dịp này, Hội Nông dân huyện Thoại Sơn được Chủ tịch nước tặng Huân chương Lao động hạng Ba.", []string{"Hội Nông dân huyện Thoại Sơn|a"}},
		// the conferring body is not a unit
		{"", "Ban Thường vụ Huyện ủy tặng giấy khen cho 11 tập thể, 32 cá nhân có thành tích tiêu biểu.", nil},
		// "gồm:" after a form word; a parenthetical place is skipped
		{"", "Các tập thể được khen gồm: Đảng bộ Công ty CP Than Hà Lầm, Đảng bộ phường Bãi Cháy (TP Hạ Long), Chi bộ khu phố 5 phường Cẩm Trung (TP Cẩm Phả) và một số đơn vị khác.",
			[]string{"Đảng bộ Công ty CP Than Hà Lầm|a", "Đảng bộ phường Bãi Cháy|a", "Chi bộ khu phố 5 phường Cẩm Trung|a"}},
		// "N tập thể là A, B" and "trong đó có A"
		{"", "Chủ tịch UBND tỉnh tặng Bằng khen cho 2 tập thể là Ban Dân vận Huyện ủy, UBND xã Trường Sơn và 1 cá nhân.",
			[]string{"Ban Dân vận Huyện ủy|a", "UBND xã Trường Sơn|a"}},
		{"", "Dịp này, Ủy ban MTTQ Việt Nam tỉnh tặng Bằng khen cho 2 khu dân cư tiêu biểu, trong đó có khu dân cư Hòa Do 7.",
			[]string{"khu dân cư Hòa Do 7|a"}},
		// a proposal is not an award
		{"", "Quận ủy đề nghị Thành ủy tặng Bằng khen cho Chi bộ Trường THPT Lê Quý Đôn.", nil},
		// a model's owner after its quoted name
		{"", "Toàn huyện có 86 mô hình, trong đó mô hình “Bếp ăn bán trú” của Chi bộ Trường Tiểu học Ia Ka và mô hình “Làng không có người say rượu” của Chi bộ làng Ia Ly được đánh giá là điển hình.",
			[]string{"Chi bộ Trường Tiểu học Ia Ka|e", "Chi bộ làng Ia Ly|e"}},
		// a unit with "và" inside its name; "A - mô hình ... điển hình"
		{"", "Nổi bật có Đảng bộ Công ty CP Cơ khí và Xây dựng Lâm Thao với phong trào “Phát huy sáng kiến”.",
			[]string{"Đảng bộ Công ty CP Cơ khí và Xây dựng Lâm Thao|e"}},
		{"", "Ông là thành viên của Hợp tác xã Nông nghiệp Thanh Bình - mô hình hợp tác xã kiểu mới điển hình của tỉnh.",
			[]string{"Hợp tác xã Nông nghiệp Thanh Bình|e"}},
		// a list announced by the sentence before, items "A với ..."
		{"Thông qua thực hiện Kết luận, xuất hiện nhiều mô hình hay, cách làm sáng tạo.", "Đó là UBMTTQ Việt Nam tỉnh với Sổ tiết kiệm hỗ trợ cán bộ Mặt trận; Tỉnh Đoàn với Đoạn đường kiểu mẫu.",
			[]string{"UBMTTQ Việt Nam tỉnh|e", "Tỉnh Đoàn|e"}},
		// a place in a person's address is not a model unit
		{"", "Nông dân Lê Văn Tám, ấp Trung Bình Nhất, xã Vọng Thê với mô hình lúa - tôm cho thu nhập cao.", nil},
		// a bare head is not a name
		{"", "Nổi bật có Chi bộ với nhiều mô hình hay.", nil},
		// a place type that opens the sentence is capitalised
		{"", "Thành phố Uông Bí, huyện Tiên Yên và thị xã Quảng Yên là những địa phương dẫn đầu phong trào.",
			[]string{"Thành phố Uông Bí|e", "huyện Tiên Yên|e", "thị xã Quảng Yên|e"}},
		// "được công nhận đơn vị dẫn đầu"
		{"", "Ban CHQS huyện Ngọc Hồi được công nhận đơn vị dẫn đầu phong trào thi đua.", []string{"Ban CHQS huyện Ngọc Hồi|e"}},
		// "và" between lower-case name words; "là các đơn vị"
		{"", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ và Chi cục Tiêu chuẩn Đo lường Chất lượng là các đơn vị tiêu biểu của ngành.",
			[]string{"Trung tâm Ứng dụng tiến bộ khoa học và công nghệ|e", "Chi cục Tiêu chuẩn Đo lường Chất lượng|e"}},
		// a unit of the one before after " - "
		{"", "Trường THPT chuyên Lê Quý Đôn và Công ty CP Đường Quảng Ngãi - Nhà máy Đường An Khê được vinh danh tại đại hội.",
			[]string{"Trường THPT chuyên Lê Quý Đôn|a", "Công ty CP Đường Quảng Ngãi - Nhà máy Đường An Khê|a"}},
		// one place type said for a list of names
		{"", "Các phường Hoàng Liệt, Yên Sở, Vĩnh Hưng là những đơn vị dẫn đầu trong công tác phát triển đảng viên.",
			[]string{"phường Hoàng Liệt|e", "phường Yên Sở|e", "phường Vĩnh Hưng|e"}},
		{"", "Các xã đều có mô hình hay, là những điển hình của huyện.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, u := range Units(tt.in, tt.prev) {
			got = append(got, u.Name+"|"+u.Role[:1])
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Units(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestProvinces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Quận ủy Hai Bà Trưng tổ chức hội nghị.", "Hà Nội"},
		{"LSO - Sáng 3/4, Tỉnh ủy tổ chức hội nghị.", "Lạng Sơn"},
		{"Ngày 5/6, tại TP.HCM, Thành đoàn tổ chức lễ.", "Hồ Chí Minh"},
		{"học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", ""},
		{"Đồng chí Nguyễn Hà Nam, Bí thư Chi bộ, phát biểu.", ""},
		// a parenthesised dateline code, "online" after it
		{"(BP online) - Sáng 9/6, tại Đồng Xoài, Ban Tuyên giáo Tỉnh ủy tổ chức hội thảo.", "Bình Phước"},
	}
	for _, tt := range tests {
		got := chooseProvince(nil, Provinces(tt.in), nil, timeZero)
		if got != tt.want {
			t.Errorf("province(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatchDates(t *testing.T) {
	tests := []struct {
		name, text, pub, event string // "" for null
	}{
		{"today with the year from the document reviewed",
			"Khen thưởng 9 tập thể\n\nLSO-Chiều nay (8/5), Đảng ủy Khối tổ chức hội nghị sơ kết 3 năm thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.\n",
			"2019-05-08", "2019-05-08"},
		{"year from the anniversary of a dated document, whatever leads it",
			"Học Bác trong doanh nghiệp\n\nNgày 20/7, Ban Tuyên giáo Huyện ủy tổ chức hội thảo “5 năm thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị”.\n",
			"", "2026-07-20"},
		{"stamp gives the year",
			"Sơ kết công tác\n\n16/05/2024 - 14:42\n\nSáng 16/5, Huyện ủy tổ chức hội nghị.\n",
			"2024-05-16", "2024-05-16"},
		{"event the day before the stamp",
			"Báo An Giang điện tử\n\nChính trị - Xã hội\n\nTuyên dương chức sắc tiêu biểu\n\n(08:12 | 19/11/2023)\n\nChiều 18/11, Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị.\n",
			"2023-11-19", "2023-11-18"},
		{"December event reported in January",
			"Tổng kết công tác năm\n\nĐăng ngày: 05/01/2024 08:47\n\nNgày 28/12, Đảng ủy Khối tổ chức hội nghị tổng kết.\n",
			"2024-01-05", "2023-12-28"},
		{"announced meeting after the stamp",
			"Sắp diễn ra hội nghị\n\n12/10/2023 09:00\n\nVào ngày 14.10 tới đây, Huyện ủy sẽ tổ chức hội nghị sơ kết.\n",
			"2023-10-12", "2023-10-14"},
		{"January meeting announced in December",
			"Sắp diễn ra Đại hội\n\n20/12/2024 09:00\n\nNgày 5/1 tới, Đảng bộ xã sẽ tổ chức Đại hội điểm.\n",
			"2024-12-20", "2025-01-05"},
		{"today-widget is not the publication",
			"Thứ Hai, 25/11/2024\n\nHội nghị sơ kết Chỉ thị 05\n\nSáng 8/10, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.\n",
			"", ""},
		{"same day with its year in the sentence",
			"Gò Vấp học tập và làm theo Bác\n\nChiều 19-5, Quận ủy Gò Vấp tổ chức họp mặt kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2024).\n",
			"", "2024-05-19"},
		{"a date that bounds a span is not the event",
			"Quảng Ninh: 78% thủ tục hành chính trực tuyến\n\nCập nhật: 09:27 15/03/2025\n\nTrong quý I/2025, tỉnh dẫn đầu cả nước. Theo báo cáo của Sở, tính đến ngày 10/3, toàn tỉnh đã có 78% thủ tục được cung cấp trực tuyến.\n",
			"2025-03-15", ""},
		{"year from the end of the period",
			"Biểu dương điển hình\n\nNgày 24/5, Huyện ủy biểu dương điển hình giai đoạn 2016 - 2021.\n",
			"", "2021-05-24"},
	}
	for _, tt := range tests {
		a := Match(page.ParseText(tt.text))
		pub, ev := "", ""
		if a.Published != nil {
			pub = *a.Published
		}
		if a.EventDate != nil {
			ev = *a.EventDate
		}
		if pub != tt.pub || ev != tt.event {
			t.Errorf("%s: published %q event %q, want %q %q", tt.name, pub, ev, tt.pub, tt.event)
		}
	}
}

// fuzzCheck checks the invariants every matcher keeps on any input.
func fuzzCheck(t *testing.T, in string, evidence []string, texts []string) {
	in = strings.ToValidUTF8(in, "\uFFFD") // the matchers take valid text
	for _, e := range evidence {
		if e != "" && !strings.Contains(in, e) {
			t.Fatalf("evidence %q not in input %q", e, in)
		}
	}
	for _, s := range texts {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 out: %q", s)
		}
	}
}

var fuzzSeeds = []string{
	"Dịp này, Đảng ủy Khối tặng giấy khen cho 10 tập thể, 30 cá nhân; 7 tập thể nhận giấy khen.",
	"Đến dự có Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy - Hoàng Văn An; Bí thư Huyện ủy Phạm Minh.",
	"Kết luận số 01-KL/TW, ngày 18/5/2021; Chỉ thị 05 của Bộ Chính trị; 368/QĐ-TTg",
	"Nổi bật có Chi bộ cơ sở Cục Thuế tỉnh; Đảng bộ xã An Phú;…",
	"LSO-Chiều nay (8/5), quận Thanh Xuân, TP.HCM 1.525 cá nhân 66/47 chi bộ",
	"\xff\xfe 12 tập thể, \u0300 khen",
}

func FuzzDirectives(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var ev, out []string
		for _, d := range Directives(in) {
			ev = append(ev, d.Mention)
			out = append(out, d.Code, d.Kind)
		}
		fuzzCheck(t, in, ev, out)
	})
}

func FuzzOfficials(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var ev, out []string
		for _, o := range Officials(in) {
			ev = append(ev, o.Evidence, o.Name)
			ev = append(ev, o.Titles...)
		}
		fuzzCheck(t, in, ev, out)
	})
}

func FuzzAwards(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var ev, out []string
		for _, a := range Awards(in) {
			ev = append(ev, a.Evidence)
			out = append(out, a.Form, a.ConferredBy, a.Period)
			// a count cut off by the end of the text keeps one kind and
			// no total ("khen 1 cá nhân,"); every other award has one
			cut := (a.Collectives == nil) != (a.Individuals == nil)
			if a.Total == nil && !cut || a.Total != nil && *a.Total < 0 {
				t.Fatalf("award without total: %+v", a)
			}
		}
		fuzzCheck(t, in, ev, out)
	})
}

func FuzzUnits(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "mô hình hay")
	}
	f.Fuzz(func(t *testing.T, in, prev string) {
		var ev, out []string
		for _, u := range Units(in, prev) {
			ev = append(ev, u.Evidence, u.Name)
		}
		fuzzCheck(t, in, ev, out)
	})
}

func FuzzProvinces(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		// the offsets are in the text as read, invalid UTF-8 replaced
		text := strings.ToValidUTF8(in, "\uFFFD")
		for _, m := range Provinces(in) {
			if m.Start < 0 || m.Start > len(text) {
				t.Fatalf("offset %d out of range", m.Start)
			}
		}
	})
}

func FuzzMatch(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		a := Match(page.ParseText(in))
		fuzzCheck(t, "", nil, []string{a.Body, a.Author})
	})
}

// benchTexts are the article texts the benchmarks run over: the project
// gold pages.
func benchTexts(b *testing.B) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "gold", "*.txt"))
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err == nil {
			out = append(out, string(raw))
		}
	}
	if len(out) == 0 {
		out = fuzzSeeds
	}
	return out
}

// sitePages are the pages of the sample site (testdata/site), read by
// page.ParseHTML: the articles, listings and home pages as the crawler
// hands them to Match.
func sitePages(b *testing.B) []*page.Page {
	root := filepath.Join("..", "..", "testdata", "site")
	var out []*page.Page
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		p, err := page.ParseHTML(raw, "text/html; charset=utf-8", "https://example.vn/"+filepath.ToSlash(rel), page.Options{})
		if err != nil {
			return fmt.Errorf("parse %s: %w", path, err)
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(out) == 0 {
		b.Skip("no sample site pages")
	}
	return out
}

// BenchmarkBaseline is NFC plus sentence splitting alone, over the gold
// texts and over the body texts of the sample site's pages: the floor the
// cost of matching is measured against.
func BenchmarkBaseline(b *testing.B) {
	b.Run("gold", func(b *testing.B) {
		texts := benchTexts(b)
		benchBaseline(b, texts)
	})
	b.Run("site", func(b *testing.B) {
		var texts []string
		for _, p := range sitePages(b) {
			texts = append(texts, p.Body())
		}
		benchBaseline(b, texts)
	})
}

func benchBaseline(b *testing.B, texts []string) {
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			_ = vntext.Sentences(vntext.NFC(s))
		}
	}
}

// BenchmarkMatchArticle is the matching of the same texts as
// BenchmarkBaseline: page.ParseText plus Match over the gold texts, and
// Match over the sample site's pages (read by page.ParseHTML before the
// timer starts), in bytes of the texts as BenchmarkBaseline reads them.
func BenchmarkMatchArticle(b *testing.B) {
	loadLexicon()
	b.Run("gold", func(b *testing.B) {
		texts := benchTexts(b)
		n := 0
		for _, s := range texts {
			n += len(s)
		}
		b.SetBytes(int64(n))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, s := range texts {
				_ = Match(page.ParseText(s))
			}
		}
	})
	b.Run("site", func(b *testing.B) {
		pages := sitePages(b)
		n := 0
		for _, p := range pages {
			n += len(p.Body())
		}
		b.SetBytes(int64(n))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, p := range pages {
				_ = Match(p)
			}
		}
	})
}

var timeZero = zeroTime()

// TestModelTailsCue guards modelCue's shortcut: every model tail holds
// "với " or "mô hình", and every exemplary lead group's key is in its leads.
func TestModelTailsCue(t *testing.T) {
	for _, tail := range modelTails {
		if !strings.Contains(tail, "với ") && !strings.Contains(tail, "mô hình") {
			t.Errorf("model tail %q holds neither %q nor %q: update modelCue", tail, "với ", "mô hình")
		}
	}
	for _, g := range exemplaryLeadGroups {
		for _, l := range g {
			if !strings.HasPrefix(l, leadKey(g[0])) {
				t.Errorf("lead %q is not under key %q", l, leadKey(g[0]))
			}
		}
	}
	if !modelCue(nil, "xã an bình với mô hình “dân vận khéo”") || modelCue(nil, "chi bộ thôn 3 được khen thưởng") {
		t.Error("modelCue misreads a plain sentence")
	}
}

// TestUnitsSpacedClause: a clause of spaces before its predicate reads no
// subject (it once cut the text out of bounds).
func TestUnitsSpacedClause(t *testing.T) {
	for _, s := range []string{
		"Đảng bộ xã Tân Lập được khen thưởng;  là những điển hình",
		";  là những điển hình",
	} {
		if us := Units(s, ""); len(us) > 1 {
			t.Errorf("Units(%q) = %v", s, us)
		}
	}
}

// TestArticleAwardsSameAct: the names of an act's recipients and a
// headline that tells part of the body's act add no award; a part stated
// as its own act does.
func TestArticleAwardsSameAct(t *testing.T) {
	tests := []struct {
		title, body string
		want        []string // c,i,t
	}{
		{"", "Dịp này, Bộ Chỉ huy Quân sự tỉnh tặng Bằng khen cho 3 tập thể và 5 cá nhân, trong đó 3 tập thể là Ban CHQS huyện Đak Pơ, Đại đội Công binh và Trung đội Trinh sát.", []string{"3,5,8"}},
		{"", "Nhân dịp này, 3 tập thể và 6 cá nhân được Giám đốc Công an tỉnh tặng Giấy khen, trong đó 3 tập thể là Phòng An ninh đối nội, Công an xã Ia Hrú và Công an thị trấn.", []string{"3,6,9"}},
		{"", "Chủ tịch UBND huyện trao Giấy khen cho 2 tập thể và 7 cá nhân tiêu biểu. Hai tập thể được khen là Hội Nông dân xã Tân Lập và Chi hội Phụ nữ thôn 4.", []string{"2,7,9"}},
		{"Huyện ủy Đak Đoa trao giấy khen cho 6 tập thể tiêu biểu", "Dịp này, Ban Thường vụ Huyện ủy tặng giấy khen cho 6 tập thể và 15 cá nhân có thành tích xuất sắc.", []string{"6,15,21"}},
		// a part stated as its own act stays
		{"", "Tỉnh ủy tặng Bằng khen cho 20 tập thể và 30 cá nhân, trong đó có 5 tập thể được Thủ tướng Chính phủ tặng Bằng khen.", []string{"20,30,50", "5,0,5"}},
	}
	str := func(p *int) string {
		if p == nil {
			return "-"
		}
		return itoa(*p)
	}
	for _, tt := range tests {
		p := &page.Page{Title: tt.title, Blocks: []page.Block{{Text: tt.body}}}
		var got []string
		for _, a := range Match(p).Awards {
			got = append(got, str(a.Collectives)+","+str(a.Individuals)+","+str(a.Total))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Match(%q, %q).Awards = %v, want %v", tt.title, tt.body, got, tt.want)
		}
	}
}
