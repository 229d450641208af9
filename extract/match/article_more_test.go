package match

import (
	"strings"
	"testing"

	"github.com/vnnews/vnnews/extract/page"
)

// awardTriples reads the awards of an article as "c,i,t" ("-" for null).
func awardTriples(title string, body ...string) []string {
	p := &page.Page{Title: title}
	for _, b := range body {
		p.Blocks = append(p.Blocks, page.Block{Text: b})
	}
	str := func(p *int) string {
		if p == nil {
			return "-"
		}
		return itoa(*p)
	}
	var got []string
	for _, a := range Match(p).Awards {
		got = append(got, str(a.Collectives)+","+str(a.Individuals)+","+str(a.Total))
	}
	return got
}

func TestArticleAwardsTotalsAndRollUps(t *testing.T) {
	tests := []struct {
		name  string
		title string
		body  []string
		want  []string
	}{
		{"two forms in one sentence, equal totals", "",
			[]string{"Tại hội nghị, Ủy ban MTTQ tỉnh tặng Bằng khen cho 18 tập thể, 27 cá nhân có thành tích xuất sắc; biểu dương 45 gương người tốt, việc tốt tiêu biểu."},
			[]string{"18,27,45", "-,-,45"}},
		{"the headline's total of one act is that act", "Khen thưởng 37 tập thể, cá nhân điển hình",
			[]string{"Dịp này, Huyện ủy tặng Giấy khen cho 12 tập thể và 25 cá nhân có thành tích xuất sắc."},
			[]string{"12,25,37"}},
		{"the total in a later sentence is the same act", "",
			[]string{"Dịp này, Huyện ủy tặng Giấy khen cho 12 tập thể và 25 cá nhân.", "37 tập thể, cá nhân được khen thưởng đều là những điển hình trong phong trào."},
			[]string{"12,25,37"}},
		{"a headline that adds up two acts of the body", "Khen thưởng 18 tập thể, cá nhân điển hình trong phong trào phụ nữ",
			[]string{"Nhân dịp này, Trung ương Hội LHPN Việt Nam tặng Bằng khen cho 2 tập thể, 3 cá nhân; Hội LHPN tỉnh khen thưởng 6 tập thể, 7 cá nhân; UBND tỉnh tặng Bằng khen cho 15 hội viên tiêu biểu."},
			[]string{"2,3,5", "6,7,13", "0,15,15"}},
		{"a headline split in kinds that adds up two acts", "Tuyên dương 9 tập thể, 20 cá nhân học tập và làm theo Bác",
			[]string{"Ban Thường vụ Thành ủy tặng Giấy khen cho 5 tập thể, 12 cá nhân.", "UBND thành phố tặng Giấy khen cho 4 tập thể, 8 cá nhân."},
			[]string{"5,12,17", "4,8,12"}},
		{"a headline act that adds up to nothing in the body stays", "Biểu dương 50 điển hình tiên tiến",
			[]string{"Ban Thường vụ Huyện ủy tặng Giấy khen cho 8 tập thể, 15 cá nhân.", "UBND huyện tặng Giấy khen cho 4 tập thể, 10 cá nhân."},
			[]string{"8,15,23", "4,10,14", "-,-,50"}},
		{"awards counted after trao", "",
			[]string{"Dịp này, tỉnh cũng trao 25 Huân chương các loại cho các tập thể, cá nhân và gia đình có công với cách mạng."},
			[]string{"-,-,25"}},
		{"gifts counted after trao are not awards", "",
			[]string{"Dịp này, Ban Tổ chức trao 25 suất quà cho các hộ nghèo và tặng Giấy khen cho 3 tập thể."},
			[]string{"3,0,3"}},
	}
	for _, tt := range tests {
		got := awardTriples(tt.title, tt.body...)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: awards = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestArticleDirectivesCampaignAndSwapped(t *testing.T) {
	codes := func(body ...string) string {
		p := &page.Page{}
		for _, b := range body {
			p.Blocks = append(p.Blocks, page.Block{Text: b})
		}
		var out []string
		for _, d := range Match(p).Directives {
			out = append(out, d.Code)
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		name string
		body []string
		want string
	}{
		{"a campaign document named by kind and number",
			[]string{"Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị 05 được gắn với nhiệm vụ chính trị."},
			"05-CT/TW"},
		{"Kết luận số 01 alone, in an article about Bác",
			[]string{"Các chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt.", "Qua 3 năm thực hiện Kết luận số 01, nhiều mô hình hay được nhân rộng."},
			"01-KL/TW"},
		{"not outside the campaign",
			[]string{"Huyện triển khai Chỉ thị 05 về phòng, chống thiên tai đến các xã."},
			""},
		{"not where another body is named",
			[]string{"Làm theo Bác gắn với thực hiện Chỉ thị 05 của Ban Chỉ đạo phòng chống dịch huyện."},
			""},
		{"a full local code wins over the campaign",
			[]string{"Học tập và làm theo Bác gắn với Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy.", "Việc thực hiện Chỉ thị 05 đã tạo chuyển biến."},
			"05-CT/TU"},
		{"a short mention with its issuer resolves a later bare one",
			[]string{"Làm theo Bác gắn với Chỉ thị số 06 của Ban Thường vụ Tỉnh ủy về chấn chỉnh lề lối làm việc.", "Việc thực hiện Chỉ thị 06 đã góp phần chấn chỉnh tình trạng đi muộn, về sớm."},
			"06-CT/TU"},
		{"a party code written with slash and hyphen swapped",
			[]string{"Thực hiện Chỉ thị số 05/CT-TW ngày 15/5/2016 của Bộ Chính trị, các cấp hội triển khai nhiều mô hình."},
			"05-CT/TW"},
		{"a ministry's code stays in the state form",
			[]string{"Theo Quyết định số 1234/QĐ-BTC của Bộ Tài chính, đơn vị được giao nhiệm vụ."},
			"1234/QĐ-BTC"},
	}
	for _, tt := range tests {
		if got := codes(tt.body...); got != tt.want {
			t.Errorf("%s: codes = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestAwardsPlannedScope(t *testing.T) {
	tests := []struct {
		sentence string
		want     int // awards found
	}{
		{"Theo kế hoạch, Ban Thường vụ Huyện ủy sẽ tặng Giấy khen cho 8 tập thể, 20 cá nhân tiêu biểu.", 0},
		{"Dự kiến, tại hội nghị, Ban Thường vụ Tỉnh ủy sẽ khen thưởng 10 tập thể và 15 cá nhân.", 0},
		{"Dự kiến, tại lễ kỷ niệm, UBND huyện trao Giấy khen cho 12 tập thể và 18 cá nhân.", 0},
		{"Thị ủy chuẩn bị khen thưởng 6 tập thể, 9 cá nhân nhân dịp tổng kết.", 0},
		// the plan is another part of the sentence; the act is done
		{"Đồng chí Bí thư yêu cầu các chi bộ sẽ tiếp tục nhân rộng mô hình hay, dịp này Ban Thường vụ Đảng ủy tặng Giấy khen cho 10 tập thể, 12 cá nhân.", 1},
		{"Thời gian tới, Đảng ủy sẽ tiếp tục chỉ đạo thực hiện, và tại hội nghị đã khen thưởng 5 tập thể, 7 cá nhân.", 1},
		{"Theo kế hoạch, hội nghị đã tặng Giấy khen cho 4 tập thể và 11 cá nhân có thành tích xuất sắc.", 1},
	}
	for _, tt := range tests {
		if got := Awards(tt.sentence); len(got) != tt.want {
			t.Errorf("Awards(%q) = %d awards, want %d", tt.sentence, len(got), tt.want)
		}
	}
}

func TestArticleAwardsBelongingCaptionsPeople(t *testing.T) {
	tests := []struct {
		name  string
		title string
		body  []string
		want  []string
	}{
		{"the bodies the recipients belong to are no recipients", "",
			[]string{"Đợt này, Huyện ủy trao Huy hiệu Đảng cho 41 đảng viên thuộc 17 tổ chức cơ sở đảng trực thuộc."},
			[]string{"0,41,41"}},
		{"nor after của", "",
			[]string{"Ban Thường vụ tặng Giấy khen cho 20 cá nhân của 5 đơn vị có thành tích xuất sắc."},
			[]string{"0,20,20"}},
		{"entrepreneurs with enterprises give a total", "",
			[]string{"Dịp này, UBND phường tặng Giấy khen cho 50 doanh nghiệp, doanh nhân tiêu biểu."},
			[]string{"-,-,50"}},
		{"entrepreneurs are people", "",
			[]string{"Hội Doanh nhân trẻ tỉnh biểu dương 12 doanh nhân tiêu biểu."},
			[]string{"0,12,12"}},
	}
	for _, tt := range tests {
		got := awardTriples(tt.title, tt.body...)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: awards = %v, want %v", tt.name, got, tt.want)
		}
	}
	// A caption retells an act of the body: one award.
	p := &page.Page{Blocks: []page.Block{
		{Kind: page.Caption, Text: "Đồng chí Phan Đức Thắng trao giấy khen cho 10 đơn vị có thành tích xuất sắc."},
		{Text: "Dịp này, Ban Thường vụ Đảng ủy Khối tặng giấy khen cho 10 đơn vị, 22 đảng viên có thành tích xuất sắc."},
	}}
	if aw := Match(p).Awards; len(aw) != 1 || *aw[0].Total != 32 {
		t.Errorf("caption and body: awards = %+v, want one (10, 22, 32)", aw)
	}
	// A caption's act told nowhere else is kept.
	p = &page.Page{Blocks: []page.Block{
		{Kind: page.Caption, Text: "Đồng chí Bí thư Huyện ủy trao giấy khen cho 7 tập thể tiêu biểu."},
		{Text: "Hội nghị đã đánh giá kết quả 3 năm thực hiện Kết luận 01."},
	}}
	if aw := Match(p).Awards; len(aw) != 1 || *aw[0].Total != 7 {
		t.Errorf("caption only: awards = %+v, want (7, 0, 7)", aw)
	}
}

func TestArticleAwardsNamedBeforeCount(t *testing.T) {
	tests := []struct {
		name string
		body []string
		want []string
	}{
		{"names of some recipients of a larger act", []string{
			"Dịp này, Ban Thường vụ Thị ủy tặng Giấy khen cho 10 tập thể, 15 cá nhân.",
			"Phường Cái Vồn và xã Đông Thạnh là hai đơn vị được Ban Thường vụ Thị ủy tặng Giấy khen."},
			[]string{"10,15,25"}},
		{"names of the recipients of the same act", []string{
			"Đồng chí Bí thư Tỉnh đoàn trao Bằng khen của Trung ương Đoàn cho 2 tập thể, 3 cá nhân.",
			"Đoàn Thanh niên phường A và Đoàn Thanh niên phường B là hai tập thể được nhận Bằng khen."},
			[]string{"2,3,5"}},
		{"told alone it is an act", []string{
			"Xã Tân Lập và xã Tân Phú là hai đơn vị được Thủ tướng Chính phủ tặng Bằng khen."},
			[]string{"2,0,2"}},
	}
	for _, tt := range tests {
		got := awardTriples("", tt.body...)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: awards = %v, want %v", tt.name, got, tt.want)
		}
	}
}
