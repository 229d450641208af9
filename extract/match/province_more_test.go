package match

import (
	"testing"
	"time"

	"github.com/vnnews/vnnews/extract/page"
)

func TestProvinceOfHost(t *testing.T) {
	tests := []struct{ host, want string }{
		{"baothanhhoa.vn", "Thanh Hóa"},
		{"www.baoquangninh.vn", "Quảng Ninh"},
		{"tinhuybinhduong.org.vn", "Bình Dương"},
		{"baodaklak.vn", "Đắk Lắk"},
		{"hanoimoi.vn", "Hà Nội"},
		{"baoquangngai.vn", "Quảng Ngãi"},
		{"baoquangnam.vn", "Quảng Nam"},
		// national and unrelated hosts name no province
		{"nhandan.vn", ""},
		{"tuyengiao.vn", ""},
		{"dangcongsan.vn", ""},
		{"127.0.0.1", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := provinceOfHost(tt.host); got != tt.want {
			t.Errorf("provinceOfHost(%q) = %q, want %q", tt.host, got, tt.want)
		}
	}
}

func TestProvinceFromDatelineDomainAndSite(t *testing.T) {
	tests := []struct {
		name, url, lead, want string
	}{
		{"a newspaper's domain as dateline", "",
			"(Baothanhhoa.vn) – Sáng 14/12, Đảng ủy Bệnh viện tổ chức hội nghị sơ kết, bác sĩ quê Quan Hóa phát biểu.", "Thanh Hóa"},
		{"the domain outweighs a place named later", "",
			"(Baoquangninh.vn) - Chiều 20/9, đoàn công tác đã làm việc với các đơn vị. Đoàn có đại biểu tỉnh Hải Dương.", "Quảng Ninh"},
		{"a bracket with no domain is no dateline", "",
			"(Ảnh minh họa) - Sáng 20/9, hội nghị diễn ra tại tỉnh Hải Dương.", "Hải Dương"},
		{"the site's host when the text names no place", "https://baolangson.vn/tin/abc.html",
			"Sáng 20/9, Đảng ủy Khối tổ chức hội nghị sơ kết Chỉ thị 05.", "Lạng Sơn"},
		{"the text wins over the host", "https://baolangson.vn/tin/abc.html",
			"Sáng 20/9, Huyện ủy Cẩm Khê, tỉnh Phú Thọ tổ chức hội nghị.", "Phú Thọ"},
	}
	for _, tt := range tests {
		a := Match(&page.Page{URL: tt.url, Blocks: []page.Block{{Text: tt.lead}}})
		got := ""
		if a.Province != nil {
			got = *a.Province
		}
		if got != tt.want {
			t.Errorf("%s: province = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestEventDateAfterSubHeadlines(t *testing.T) {
	p := &page.Page{Blocks: []page.Block{
		{Kind: page.Heading, Text: "* Hơn 1.350 lượt cán bộ, đảng viên tham gia học tập chuyên đề"},
		{Kind: page.Heading, Text: "* 95% chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt"},
		{Text: "Huyện ủy Trà Cú vừa tổ chức hội nghị quán triệt Chỉ thị 05-CT/TW."},
		{Text: "Ngày 18 tháng 7 năm 2016, hơn 200 đại biểu đã dự hội nghị."},
	}}
	a := Match(p)
	if a.EventDate == nil || *a.EventDate != "2016-07-18" {
		t.Errorf("event date = %v, want 2016-07-18", a.EventDate)
	}
}

func TestProvinceWardsAndOrganisations(t *testing.T) {
	tests := []struct {
		name, date, lead, want string
	}{
		{"a 2025 ward named after a former city", "2025-09-26",
			"Ngày 26/9, UBND phường Hoa Lư tổ chức Đại hội Thi đua yêu nước phường lần thứ I.", "Ninh Bình"},
		{"a ward named after a merged province's city takes the new province", "2025-10-28",
			"Ngày 28/10, đoàn công tác Đảng ủy phường Mỹ Tho đến thăm các đảng viên cao tuổi.", "Đồng Tháp"},
		{"a province inside an organisation's name", "2024-07-25",
			"Chiều 25/7, Đảng ủy Than Quảng Ninh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận 01.", "Quảng Ninh"},
		{"not at the end of a person's name", "2024-07-25",
			"Chiều 25/7, ông Nguyễn Hà Nam phát biểu tại hội nghị ở huyện Cẩm Khê.", "Phú Thọ"},
	}
	for _, tt := range tests {
		d, _ := time.Parse("2006-01-02", tt.date)
		a := Match(&page.Page{Published: d, Blocks: []page.Block{{Text: tt.lead}}})
		got := ""
		if a.Province != nil {
			got = *a.Province
		}
		if got != tt.want {
			t.Errorf("%s: province = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestEventDateAnnouncedAndAfterDateRanges(t *testing.T) {
	pub := time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		blocks []string
		want   string
	}{
		{"a date after date ranges in brackets is the event's",
			[]string{"Hướng tới kỷ niệm 80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025) và Quốc khánh (2/9/1945 - 2/9/2024), ngày 30/5, Đảng ủy phường tổ chức hội nghị chuyên đề."},
			"2024-05-30"},
		{"a document's date after its code is not",
			[]string{"Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị, các chi bộ đã xây dựng kế hoạch."},
			""},
		{"a meeting announced later in the article",
			[]string{"Ban Thường vụ Tỉnh ủy vừa ban hành hướng dẫn sơ kết 3 năm thực hiện Kết luận 01.", "Các cấp ủy hoàn thành sơ kết ở cơ sở trước ngày 31/5.", "Công tác chuẩn bị đã được triển khai đồng bộ.", "Theo hướng dẫn, các đơn vị gửi báo cáo về Ban Tuyên giáo.", "Hội nghị sơ kết cấp tỉnh dự kiến được tổ chức vào ngày 14/6 tới, với khoảng 250 đại biểu."},
			"2024-06-14"},
		{"a deadline is no meeting",
			[]string{"Ban Thường vụ Tỉnh ủy vừa ban hành hướng dẫn sơ kết.", "Công tác chuẩn bị đã được triển khai đồng bộ.", "Theo hướng dẫn, các đơn vị gửi báo cáo về Ban Tuyên giáo.", "Các chi bộ hoàn thành việc góp ý.", "Các đơn vị gửi báo cáo trước ngày 20/6 tới."},
			""},
	}
	for _, tt := range tests {
		p := &page.Page{Published: pub}
		for _, b := range tt.blocks {
			p.Blocks = append(p.Blocks, page.Block{Text: b})
		}
		got := ""
		if e := Match(p).EventDate; e != nil {
			got = *e
		}
		if got != tt.want {
			t.Errorf("%s: event date = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestProvinceCommunesAndAmbiguousDatelines(t *testing.T) {
	tests := []struct {
		name, date, lead, want string
	}{
		{"a 2025 commune named after a former district", "2025-09-10",
			"Ngày 10/9, Ban Thường vụ Đảng ủy xã Văn Bàn ban hành Kế hoạch số 27-KH/ĐU về học tập và làm theo Bác.", "Lào Cai"},
		{"before the reorganisation a commune's name says nothing", "2019-05-10",
			"Ngày 10/5, Đảng ủy xã Văn Bàn tổ chức hội nghị sơ kết Chỉ thị 05.", ""},
		{"a commune with no date says nothing", "",
			"Đảng ủy xã Văn Bàn tổ chức hội nghị sơ kết Chỉ thị 05.", ""},
		{"a dateline code two papers use names neither", "2025-08-20",
			"(ĐN) - Chiều 19-8, Đảng ủy phường Trấn Biên tổ chức hội nghị; dự có Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Nai.", "Đồng Nai"},
		{"an unambiguous code still counts", "2024-05-20",
			"(ĐNA) - Sáng 20/5, hội nghị được tổ chức với sự tham dự của đại biểu Đà Nẵng.", "Đồng Nai"},
	}
	for _, tt := range tests {
		p := &page.Page{Blocks: []page.Block{{Text: tt.lead}}}
		if tt.date != "" {
			p.Published, _ = time.Parse("2006-01-02", tt.date)
		}
		a := Match(p)
		got := ""
		if a.Province != nil {
			got = *a.Province
		}
		if got != tt.want {
			t.Errorf("%s: province = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestProvinceOfSite(t *testing.T) {
	tests := []struct{ site, want string }{
		{"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH QUẢNG NINH", "Quảng Ninh"},
		{"Báo Đồng Nai điện tử", "Đồng Nai"},
		{"Cổng thông tin điện tử huyện Cần Đước", "Long An"},
		{"Báo Nhân Dân", ""},
		{"Tạp chí Tuyên giáo", ""},
	}
	for _, tt := range tests {
		if got := provinceOfSite(tt.site, time.Time{}); got != tt.want {
			t.Errorf("provinceOfSite(%q) = %q, want %q", tt.site, got, tt.want)
		}
	}
	// the text wins over the site's name
	a := Match(&page.Page{Site: "Báo Đồng Nai điện tử", Blocks: []page.Block{{Text: "Sáng 20/5, Huyện ủy Cẩm Khê, tỉnh Phú Thọ tổ chức hội nghị."}}})
	if a.Province == nil || *a.Province != "Phú Thọ" {
		t.Errorf("province = %v, want Phú Thọ", a.Province)
	}
	a = Match(&page.Page{Site: "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH QUẢNG NINH", Blocks: []page.Block{{Text: "Sáng 22/5, Đảng ủy Khối tổ chức hội nghị."}}})
	if a.Province == nil || *a.Province != "Quảng Ninh" {
		t.Errorf("province = %v, want Quảng Ninh", a.Province)
	}
}
