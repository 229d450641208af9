package page

import (
	"strings"
	"testing"
)

// portalPage builds a table-layout page of a provincial portal: a banner
// image, a menu, a today-widget, then the article cell made of the parts
// given, and a footer with the site's name.
func portalPage(docTitle, banner, article string) string {
	return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>` + docTitle + `</title></head><body>
<table width="1000"><tr><td class="banner"><img src="/banner.jpg" alt="` + banner + `"></td></tr>
<tr><td class="menu-ngang"><a href="/">TRANG CHỦ</a> | <a href="/tin-tuc">TIN TỨC</a> | <a href="/van-ban">VĂN BẢN</a></td></tr>
<tr><td class="ngay-hien-tai">Thứ năm, 12/12/2024</td></tr>
<tr><td><table width="100%"><tr><td width="70%" class="noi-dung">
` + article + `
</td><td width="30%" class="cot-phai"><b>LIÊN KẾT WEBSITE</b><br><select><option>Báo Tuyên Quang</option></select></td></tr></table></td></tr>
<tr><td class="footer">` + banner + ` - Số 12 đường 17/8</td></tr></table></body></html>`
}

const suffixBody = `Đồng chí Ma Văn Thắng, Bí thư Tỉnh ủy chủ trì hội nghị. Dự hội nghị có đồng chí Phạm Đình Hưng, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; đồng chí Lê Thị Thanh Xuân, Trưởng Ban Tuyên giáo Tỉnh ủy.<br><br>
Sau 2 năm, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 42-KH/TU về thực hiện Chỉ thị. Các cấp ủy đã tổ chức cho 58.430 cán bộ, đảng viên học tập chuyên đề năm 2017 và 2018, đạt 97,4%.<br><br>
Tại hội nghị, Ban Thường vụ Tỉnh ủy tặng Bằng khen cho 13 tập thể, 21 cá nhân có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.<br><br>`

const suffixLead = "Ngày 24/5, Ban Thường vụ Tỉnh ủy Tuyên Quang tổ chức hội nghị sơ kết 2 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị."

// TestTitleSiteSuffix covers a <title> whose headline is followed by the
// site's name, long enough not to pass for a short suffix ("… - Ban Tuyên
// giáo Tỉnh ủy Tuyên Quang"): the visible headline that extends the
// <title>'s part before the separator is the title, the site's name from
// the banner image is cut off where no such headline is shown, and the
// stamp under the visible headline is the publication date.
func TestTitleSiteSuffix(t *testing.T) {
	const site = "Ban Tuyên giáo Tỉnh ủy Tuyên Quang"
	tests := []struct {
		name      string
		docTitle  string
		banner    string
		article   string
		title     string
		published string // "2006-01-02 15:04", "" for none
		lead      string // the first block of the body
	}{
		{
			// Title-named span and stamp span set apart by <br> only.
			name:     "span headline and stamp",
			docTitle: "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW - " + site,
			banner:   site,
			article: `<span class="tieu-de-tin">Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị</span><br>
<span class="ngay-dang">(08:32 25/05/2018)</span><br><br>
<span class="trich-dan">` + suffixLead + `</span><br><br>` + suffixBody,
			title:     "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị",
			published: "2018-05-25 08:32",
			lead:      suffixLead,
		},
		{
			// The same in a div layout, the headline equal to the <title>'s head.
			name:     "div headline equal to title head",
			docTitle: "Tuyên Quang sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW | Tỉnh ủy Tuyên Quang - Cổng thông tin",
			banner:   "Tỉnh ủy Tuyên Quang",
			article: `<div class="tieude">Tuyên Quang sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW</div>
<div class="ngay">25/05/2018 08:32</div><div class="noidung"><p>` + suffixLead + `</p><p>` + strings.ReplaceAll(suffixBody, "<br><br>", "</p><p>") + `</p></div>`,
			title:     "Tuyên Quang sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW",
			published: "2018-05-25 08:32",
			lead:      suffixLead,
		},
		{
			// No title-named element: the banner's name is cut off the <title>.
			name:     "banner name cut off the title",
			docTitle: "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW - " + site,
			banner:   site,
			article:  suffixLead + `<br><br>` + suffixBody,
			title:    "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW",
			lead:     suffixLead,
		},
		{
			// A section page: what is left after the banner's name is no
			// headline, so the <title> stays.
			name:     "section name keeps the site",
			docTitle: "Thời sự | Báo Tuyên Quang",
			banner:   "Báo Tuyên Quang",
			article:  suffixLead + `<br><br>` + suffixBody,
			title:    "Thời sự | Báo Tuyên Quang",
			lead:     suffixLead,
		},
		{
			// A title-named box heading that does not extend the <title>'s
			// head is not the headline; the suffix is no banner name either.
			name:     "other title-named heading",
			docTitle: "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW - Trang tin của Đảng bộ tỉnh Tuyên Quang",
			banner:   site,
			article:  `<span class="tieu-de-tin">Hội thi báo cáo viên giỏi năm 2018 của tỉnh</span><br><br>` + suffixLead + `<br><br>` + suffixBody,
			title:    "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW - Trang tin của Đảng bộ tỉnh Tuyên Quang",
		},
		{
			// The <title>'s head is a two-word section, not a headline the
			// visible heading could extend.
			name:     "short title head",
			docTitle: "Tin tức - " + site,
			banner:   "Logo",
			article:  `<span class="tieu-de-tin">Tin tức hoạt động của các cấp ủy trong tỉnh</span><br><br>` + suffixLead + `<br><br>` + suffixBody,
			title:    "Tin tức - " + site,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseHTML([]byte(portalPage(tc.docTitle, tc.banner, tc.article)), "", "https://btgtu.example.vn/tin/1", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tc.title {
				t.Errorf("title = %q, want %q", p.Title, tc.title)
			}
			got := ""
			if !p.Published.IsZero() {
				got = p.Published.In(Vietnam).Format("2006-01-02 15:04")
			}
			if got != tc.published {
				t.Errorf("published = %q, want %q", got, tc.published)
			}
			if tc.lead != "" && (len(p.Blocks) == 0 || p.Blocks[0].Text != tc.lead) {
				first := ""
				if len(p.Blocks) > 0 {
					first = p.Blocks[0].Text
				}
				t.Errorf("first block = %q, want the lead %q", first, tc.lead)
			}
		})
	}
}

func TestExtendsTitleHead(t *testing.T) {
	tests := []struct {
		named, docTitle string
		want            bool
	}{
		{"Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị", "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW - Ban Tuyên giáo Tỉnh ủy Tuyên Quang", true},
		{"Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW", "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW | Báo Tuyên Quang", true},
		{"Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị", "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW", false},    // no separator
		{"Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TWX", "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW - Ban Tuyên giáo", false},   // not on a word boundary
		{"Tin tức hoạt động của các cấp ủy", "Tin tức - Ban Tuyên giáo Tỉnh ủy Tuyên Quang", false},                       // head under three words
		{"Hội thi báo cáo viên giỏi năm 2018", "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW - Ban Tuyên giáo Tỉnh ủy", false}, // another heading
	}
	for _, tc := range tests {
		if got := extendsTitleHead(tc.named, tc.docTitle); got != tc.want {
			t.Errorf("extendsTitleHead(%q, %q) = %v, want %v", tc.named, tc.docTitle, got, tc.want)
		}
	}
}

func TestPeelHeadline(t *testing.T) {
	title := foldKey("Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW")
	tests := []struct{ in, want string }{
		// Headline, stamp, lead.
		{"Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW\n(08:32 25/05/2018)\nNgày 24/5, hội nghị.", "Ngày 24/5, hội nghị."},
		// Headline and stamp only: nothing is left.
		{"Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW\n25/05/2018 08:32", ""},
		// A line under the headline that is no stamp stays.
		{"Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW\nNgày 24/5, hội nghị.", "Ngày 24/5, hội nghị."},
		// A stamp that no headline opens stays: it is not this rule's.
		{"(08:32 25/05/2018)\nNgày 24/5, hội nghị.", "(08:32 25/05/2018)\nNgày 24/5, hội nghị."},
		// A first line that only starts like the headline stays.
		{"Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW tại huyện\nNgày 24/5.", "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW tại huyện\nNgày 24/5."},
		// A one-line block is left to the whole-block rule.
		{"Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW", "Sơ kết 2 năm thực hiện Chỉ thị 05-CT/TW"},
	}
	for _, tc := range tests {
		if got := peelHeadline(tc.in, title); got != tc.want {
			t.Errorf("peelHeadline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := peelHeadline("A\nB", ""); got != "A\nB" {
		t.Errorf("peelHeadline without a title = %q", got)
	}
}
