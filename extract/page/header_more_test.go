package page

import (
	"strings"
	"testing"
)

// TestParseTextStampColumns covers stamps that share their line with the
// poster or a counter, apart by middle dots, bullets or wide gaps, and
// ISO dates after a label; and lines that must stay no stamp.
func TestParseTextStampColumns(t *testing.T) {
	const lead = "Tối 25-3, tại Nhà Văn hóa Thanh niên, Thành Đoàn tổ chức lễ tuyên dương 45 thanh niên tiên tiến."
	const head = "Thành Đoàn tuyên dương 45 thanh niên tiên tiến làm theo lời Bác"
	tests := []struct {
		name, header string
		title, pub   string // pub "2006-01-02 15:04", or "2006-01-02" without clock, "" none
		// rest: a furniture line that is left in the text (no stamp)
		rest bool
	}{
		{"poster, stamp and counter apart by middle dots",
			"THANH NIÊN THÀNH PHỐ - Cổng thông tin Đoàn TNCS\nTrang chủ   Tin Đoàn - Hội - Đội   Tình nguyện\n\nGương sáng  ›  Thanh niên làm theo lời Bác\n\n" + head + "\n\nĐăng bởi: Ban Tuyên giáo  ·  25/03/2022 22:40  ·  1.532 lượt xem",
			head, "2022-03-25 22:40", false},
		{"stamp first, then poster, apart by bullets",
			head + "\n\n14/05/2024 08:15 • Người đăng: Văn phòng Huyện ủy",
			head, "2024-05-14 08:15", false},
		{"counter first, then stamp, middle dots",
			"Tin hoạt động\n\n" + head + "\n\n412 lượt xem · Cập nhật: 09:30 ngày 12/03/2024",
			head, "2024-03-12 09:30", false},
		{"ISO stamp after a label, poster in the next column",
			"LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG\nTrang chủ | Tin hoạt động | Văn bản | Liên hệ\n\nTin hoạt động\n\n" + head + "\n\nĐăng lúc: 2021-06-11 17:22    Người đăng: Ban Tuyên giáo",
			head, "2021-06-11 17:22", false},
		{"poster column first, then the date, tab apart",
			"Trang chủ / Tin tức\n\n" + head + "\n\nTác giả: Minh Châu\tNgày đăng: 08/10/2023",
			head, "2023-10-08", false},
		{"ISO date alone after Ngày đăng",
			head + "\n\nNgày đăng: 2023-10-08",
			head, "2023-10-08", false},
		// negatives
		{"today-widget in columns is no stamp",
			"CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN TRÀ CÚ\nThứ Hai, 09/11/2020    Đăng nhập    Liên hệ\n\n" + head,
			head, "", false},
		{"poster and counter without a date is no stamp",
			"Tin hoạt động\n\n" + head + "\n\nĐăng bởi: Ban Tuyên giáo  ·  1.532 lượt xem",
			head, "", true},
	}
	for _, tt := range tests {
		p := ParseText(tt.header + "\n\n" + lead + "\n\nNhật Thịnh\n")
		pub := ""
		if !p.Published.IsZero() {
			pub = p.Published.Format("2006-01-02")
			if p.PublishedHasClock {
				pub = p.Published.Format("2006-01-02 15:04")
			}
		}
		if p.Title != tt.title || pub != tt.pub {
			t.Errorf("%s:\n got title %q pub %q\nwant title %q pub %q", tt.name, p.Title, pub, tt.title, tt.pub)
		}
		if !tt.rest && (len(p.Blocks) == 0 || !strings.HasPrefix(p.Blocks[0].Text, "Tối 25-3")) {
			var first string
			if len(p.Blocks) > 0 {
				first = p.Blocks[0].Text
			}
			t.Errorf("%s: first block %q, want the lead", tt.name, first)
		}
	}
}

// TestParseStampISOAfterLabel covers ISO dates after a stamp label, and
// digits that only look like one.
func TestParseStampISOAfterLabel(t *testing.T) {
	tests := []struct {
		in, want string // want "" for no date
	}{
		{"Đăng lúc: 2021-06-11 17:22", "2021-06-11 17:22"},
		{"Ngày đăng: 2023-10-08", "2023-10-08 00:00"},
		{"Cập nhật (2024-05-16 08:05)", "2024-05-16 08:05"},
		{"Xuất bản: 2019-12-31T23:10:00+07:00", "2019-12-31 23:10"},
		// negatives: the digits belong to a code or a word
		{"Mã hồ sơ KH-2021-06-11", ""},
		{"Số hiệu abc2021-06-11", ""},
		{"Lượt xem: 2021-06", ""},
	}
	for _, tt := range tests {
		got := ""
		if tm, _, ok := parseStamp(tt.in); ok {
			got = tm.In(Vietnam).Format("2006-01-02 15:04")
		}
		if got != tt.want {
			t.Errorf("parseStamp(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHTMLLogoHeading covers pages whose <h1> is the site's logo or name
// while the headline stands in an <h2> or a title-named element, with
// <title> giving the site name before or after the headline; and pages
// whose <h1> is the headline, which must keep it.
func TestHTMLLogoHeading(t *testing.T) {
	const head = "Đại học Huế tôn vinh tập thể, cá nhân tiêu biểu học tập và làm theo gương Bác"
	const body = `<div class="content"><p>Ngày 14-12, Đảng ủy Đại học Huế tổ chức hội nghị sơ kết 2 năm thực hiện Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị; đồng thời tổng kết năm học 2017 - 2018 với sự tham dự của lãnh đạo Tỉnh ủy.</p>
<p>Hai năm qua, Đảng bộ Đại học Huế với 1.560 đảng viên đã đưa việc học tập và làm theo Bác thành nội dung thường xuyên trong sinh hoạt chi bộ, gắn với xây dựng văn hóa học đường.</p>
<p>Giám đốc Đại học Huế tặng Giấy khen cho 10 tập thể, 25 cá nhân; Đảng ủy Đại học Huế tặng Giấy khen cho 6 chi bộ, 18 đảng viên tiêu biểu.</p></div>`
	page := func(title, logo, headline string) []byte {
		return []byte("<html><head><title>" + title + "</title></head><body><table><tr><td>" + logo +
			"</td><td>Chủ Nhật, 22/11/2026</td></tr></table><div class=\"main\">" + headline +
			"<div class=\"datetime\">Thứ Sáu, 14/12/2018 - 16:20</div>" + body + "</div></body></html>")
	}
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"h1 named logo, site name before the headline in <title>",
			page("Báo Thừa Thiên Huế Online - "+head, `<h1 class="logo"><a href="/">Báo Thừa Thiên Huế Online</a></h1>`, `<h2 class="title">`+head+`</h2>`),
			head},
		{"h1 inside a logo box, bar after the site name",
			page("Báo Quảng Trị | "+head, `<div id="logo"><h1>Báo Quảng Trị</h1></div>`, `<h2>`+head+`</h2>`),
			head},
		{"h1 that is a link to the home page, absolute",
			page("Cổng thông tin điện tử huyện Trà Cú - "+head, `<h1><a href="https://tracu.travinh.gov.vn/">Cổng thông tin điện tử huyện Trà Cú</a></h1>`, `<h3 class="tieude">`+head+`</h3>`),
			head},
		{"h1 linking to index.php, site name after the headline",
			page(head+" - Đảng bộ tỉnh", `<h1><a href="index.php">Đảng bộ tỉnh Thừa Thiên Huế</a></h1>`, `<h2>`+head+`</h2>`),
			head},
		// negatives: the h1 is the headline
		{"headline h1 linking to the article itself",
			page("Báo Thừa Thiên Huế Online - "+head, `<div class="brandbar">Báo Thừa Thiên Huế Online</div>`, `<h1><a href="/giao-duc/dai-hoc-hue-ton-vinh-123.html">`+head+`</a></h1>`),
			head},
		{"headline h1 named title beside a logo image",
			page(head+" - Báo Thừa Thiên Huế Online", `<a href="/"><img class="logo" src="/logo.png" alt="Báo Thừa Thiên Huế"></a>`, `<h1 class="title">`+head+`</h1>`),
			head},
	}
	for _, tt := range tests {
		p, err := ParseHTML(tt.raw, "text/html; charset=utf-8", "https://baothuathienhue.vn/a/1", Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if p.Title != tt.want {
			t.Errorf("%s: title %q, want %q", tt.name, p.Title, tt.want)
		}
		if got := p.Published.Format("2006-01-02"); got != "2018-12-14" {
			t.Errorf("%s: published %s, want 2018-12-14", tt.name, got)
		}
	}
}

// TestStripSitePrefix covers the site's name before the headline in a
// <title>, cut only where the page names its site so.
func TestStripSitePrefix(t *testing.T) {
	tests := []struct {
		title string
		names []string
		want  string
	}{
		{"Báo Thừa Thiên Huế Online - Đại học Huế tôn vinh 35 tập thể", []string{"Báo Thừa Thiên Huế Online"}, "Đại học Huế tôn vinh 35 tập thể"},
		{"BÁO QUẢNG TRỊ | Cam Lộ tổng kết 10 năm Chỉ thị 40", []string{"Báo Quảng Trị"}, "Cam Lộ tổng kết 10 năm Chỉ thị 40"},
		{"Dangbo.vn: Khen thưởng 12 tập thể, 25 cá nhân", []string{"", "Dangbo.vn"}, "Khen thưởng 12 tập thể, 25 cá nhân"},
		// negatives
		{"Báo cáo viên tỉnh - 10 năm một chặng đường", nil, "Báo cáo viên tỉnh - 10 năm một chặng đường"},
		{"Báo Long An - Tin tức", []string{"Báo Long An"}, "Báo Long An - Tin tức"},
		{"Long An khen thưởng 20 tập thể - Báo Long An", []string{"Báo Long An"}, "Long An khen thưởng 20 tập thể - Báo Long An"},
	}
	for _, tt := range tests {
		if got := stripSitePrefix(tt.title, tt.names); got != tt.want {
			t.Errorf("stripSitePrefix(%q, %q) = %q, want %q", tt.title, tt.names, got, tt.want)
		}
	}
}

// TestIsHomeLink covers links to a site's home page and links that are
// not.
func TestIsHomeLink(t *testing.T) {
	for href, want := range map[string]bool{
		"/": true, "./": true, "index.html": true, "/index.aspx": true, "https://baolongan.vn/": true,
		"https://baolongan.vn": true, "/trang-chu": true,
		"": false, "#": false, "/giao-duc": false, "/a/123.html": false, "https://baolongan.vn/?page=2": false,
	} {
		if got := isHomeLink(href); got != want {
			t.Errorf("isHomeLink(%q) = %v, want %v", href, got, want)
		}
	}
}

// TestIsCaptionWithCredit: one sentence with a photo credit after it is
// a caption; running text with two sentences, or a long last sentence
// that opens with "Ảnh", is not.
func TestIsCaptionWithCredit(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Đồng chí Phan Đức Thắng trao giấy khen cho 10 đơn vị có thành tích xuất sắc. Ảnh: Mai Hoa", true},
		{"Quang cảnh hội nghị. Ảnh: Mai Hoa", true},
		{"Bí thư Huyện ủy Nguyễn Văn Lợi phát biểu tại hội nghị. Ảnh: V.ANH", true},
		{"Hội nghị diễn ra trong một ngày. Các đại biểu đã thảo luận sôi nổi về kết quả thực hiện Kết luận 01.", false},
		{"Đảng ủy xã đã chỉ đạo các chi bộ. Ảnh hưởng của mưa bão khiến nhiều hộ gặp khó khăn trong sản xuất và đời sống.", false},
	}
	for _, tt := range tests {
		if got := isCaption(tt.line, false); got != tt.want {
			t.Errorf("isCaption(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestPageSite: the site's own name, from a text page's masthead line or
// an HTML page's og:site_name or <title> suffix; none from a menu line.
func TestPageSite(t *testing.T) {
	texts := []struct{ text, want string }{
		{"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH QUẢNG NINH\nTrang chủ | Tin tức - Sự kiện | Xây dựng Đảng | Học tập và làm theo Bác\n\nThứ Năm, 23/05/2024 | 10:15\n\nĐảng ủy Khối các cơ quan tỉnh sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị\n\n(ĐBK) - Sáng 22/5, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05.\n",
			"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH QUẢNG NINH"},
		{"Báo Quảng Nam điện tử\nThời sự | Chính trị | Kinh tế\n\nHuyện ủy Duy Xuyên khen thưởng 12 tập thể, 25 cá nhân\n\n23/05/2024 - 10:18\n\nChiều 22/5, Huyện ủy Duy Xuyên tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận 01 của Bộ Chính trị và khen thưởng các tập thể.\n",
			"Báo Quảng Nam điện tử"},
		{"Trang chủ | Tin tức | Xây dựng Đảng\n\nHuyện ủy Duy Xuyên khen thưởng 12 tập thể, 25 cá nhân\n\n23/05/2024 - 10:18\n\nChiều 22/5, Huyện ủy Duy Xuyên tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận 01 của Bộ Chính trị và khen thưởng các tập thể.\n",
			""},
	}
	// The masthead stays out of the headline whatever menu follows it.
	short := strings.Replace(texts[0].text, " | Học tập và làm theo Bác", "", 1)
	if p := ParseText(short); !strings.HasPrefix(p.Title, "Đảng ủy Khối các cơ quan tỉnh sơ kết") || p.Site != texts[0].want {
		t.Errorf("masthead, short menu: title %q, site %q", p.Title, p.Site)
	}
	for _, tt := range texts {
		if got := ParseText(tt.text).Site; got != tt.want {
			t.Errorf("ParseText(%.40q).Site = %q, want %q", tt.text, got, tt.want)
		}
	}
	htmls := []struct{ doc, want string }{
		{`<html><head><title>Phường Trấn Biên biểu dương 30 đảng viên | Báo Đồng Nai điện tử</title></head><body><h1>Phường Trấn Biên biểu dương 30 đảng viên</h1><p>Chiều 19-8, Đảng ủy phường Trấn Biên tổ chức hội nghị đánh giá kết quả thực hiện Kết luận 01 của Bộ Chính trị.</p></body></html>`,
			"Báo Đồng Nai điện tử"},
		{`<html><head><title>Tin tức</title><meta property="og:site_name" content="Báo Lạng Sơn"></head><body><h1>Hội nghị sơ kết Kết luận 01 tại huyện Cao Lộc</h1><p>Sáng 20/5, Huyện ủy Cao Lộc tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận 01.</p></body></html>`,
			"Báo Lạng Sơn"},
		{`<html><head><title>Hội nghị sơ kết - Tin tức sự kiện</title></head><body><h1>Hội nghị sơ kết Kết luận 01</h1><p>Sáng 20/5, Huyện ủy tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận 01 của Bộ Chính trị.</p></body></html>`,
			""},
	}
	for _, tt := range htmls {
		p, err := ParseHTML([]byte(tt.doc), "text/html; charset=utf-8", "https://example.vn/a.html", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Site != tt.want {
			t.Errorf("ParseHTML(%.50q).Site = %q, want %q", tt.doc, p.Site, tt.want)
		}
	}
}
