package page

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestParseHTMLPages(t *testing.T) {
	vn := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, Vietnam)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		file, contentType, url string

		title     string
		published time.Time
		clock     bool
		canonical string
		author    string
		charset   string
		warning   string // a substring of some warning; "" wants none

		inBody    []string
		notInBody []string
		captions  []string
		headings  []string
	}{
		{
			file: "party-portal.html", url: "https://dangbo.example.vn/tin-tuc/khen-thuong-1234.html",
			title:     "Đảng ủy Khối khen thưởng 12 tập thể, 35 cá nhân tiêu biểu",
			published: vn("2024-05-16 14:42"), clock: true,
			canonical: "https://dangbo.example.vn/tin-tuc/khen-thuong-12-tap-the-35-ca-nhan-1234.html",
			author:    "MINH ANH", charset: "utf-8",
			inBody: []string{
				"Sáng 16/5, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW",
				"tặng giấy khen cho 12 tập thể và 35 cá nhân",
				"Chi bộ Sở Tư pháp được biểu dương",
			},
			notInBody: []string{"25 tập thể", "8 tập thể", "40 đảng viên", "15 tập thể", "Họ tên", "Mã xác nhận",
				"Viết bình luận", "Tin liên quan", "Chia sẻ", "Trang chủ", "Thứ Năm", "Cơ quan chủ quản", "MINH ANH", "16/05/2024"},
			captions: []string{"Đồng chí Nguyễn Văn Hùng trao giấy khen cho các tập thể tiêu biểu."},
			headings: []string{"Nhiều mô hình hay, cách làm sáng tạo"},
		},
		{
			file: "provincial-newspaper.html", url: "https://baolongan.example.vn/bieu-duong-50-dien-hinh-a1234.html?utm=x",
			title:     "Long An: Biểu dương 50 điển hình học tập và làm theo Bác",
			published: vn("2024-05-14 21:11"), clock: true,
			canonical: "https://baolongan.example.vn/bieu-duong-50-dien-hinh-a1234.html",
			author:    "HOÀNG ANH", charset: "utf-8",
			inBody: []string{
				"(LA) - Chiều 14/5, Ban Thường vụ Tỉnh ủy Long An",
				"tặng bằng khen cho 20 tập thể và 30 cá nhân",
				"hơn 1.525 mô hình",
			},
			notInBody: []string{"18 tập thể", "33 gương", "Các tin khác", "Thứ Năm", "Tổng biên tập", "Bí thư Tỉnh ủy Nguyễn Văn Được trao bằng khen"},
			captions:  []string{"Bí thư Tỉnh ủy Nguyễn Văn Được trao bằng khen cho các điển hình"},
			headings:  []string{"Lan tỏa những việc làm tốt"},
		},
		{
			file: "district-portal.html", url: "http://duchoa.example.vn/tin/123.html",
			title:     "Huyện ủy Đức Hòa sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW",
			published: vn("2019-11-13 09:15"), clock: true, charset: "utf-8",
			inBody: []string{
				"Chiều 12/11, Ban Thường vụ Huyện ủy Đức Hòa tổ chức hội nghị",
				"Đến dự có đồng chí Lê Văn Tâm, Phó Bí thư Thường trực Huyện ủy",
				"tặng giấy khen cho 15 tập thể và 22 cá nhân",
			},
			notInBody: []string{"9 tập thể", "30 đảng viên", "Tin cùng chuyên mục", "Liên kết website", "Bản quyền", "Thứ Năm", "phát biểu tại hội nghị"},
			captions:  []string{"Đồng chí Lê Văn Tâm phát biểu tại hội nghị"},
		},
		{
			file: "today-widget.html", url: "https://baotinh.example.vn/a.html",
			title: "Hội nghị biểu dương điển hình tiên tiến", charset: "utf-8",
			inBody:    []string{"Hội nghị đã biểu dương 45 tập thể và 60 cá nhân"},
			notInBody: []string{"Thứ Hai", "Đường dây nóng"},
		},
		{
			file: "nfd.html", url: "https://baolongan.example.vn/bieu-duong-50-dien-hinh-a1234.html",
			canonical: "https://baolongan.example.vn/bieu-duong-50-dien-hinh-a1234.html",
			title:     "Long An: Biểu dương 50 điển hình học tập và làm theo Bác",
			published: vn("2024-05-14 21:11"), clock: true, charset: "utf-8",
			inBody: []string{"tặng bằng khen cho 20 tập thể và 30 cá nhân"},
		},
		{
			file: "windows-1258.html", url: "http://thiuy.example.vn/tin/9.html",
			title:     "Thị ủy khen thưởng 18 tập thể, 27 cá nhân",
			published: vn("2018-06-20 09:30"), clock: true, charset: "windows-1258",
			inBody: []string{"đồng chí Đặng Văn Lượng, Phó Bí thư Thị ủy", "tặng giấy khen cho 18 tập thể và 27 cá nhân"},
		},
		{
			file: "windows-1258.html", contentType: "text/html; charset=windows-1258", url: "http://thiuy.example.vn/tin/9.html",
			title: "Thị ủy khen thưởng 18 tập thể, 27 cá nhân", charset: "windows-1258",
			published: vn("2018-06-20 09:30"), clock: true,
			inBody: []string{"Đặng Văn Lượng"},
		},
		{
			file: "lying-1252.html", url: "https://dangbo.example.vn/tin-tuc/khen-thuong-1234.html",
			title:     "Đảng ủy Khối khen thưởng 12 tập thể, 35 cá nhân tiêu biểu",
			published: vn("2024-05-16 14:42"), clock: true, charset: "utf-8",
			canonical: "https://dangbo.example.vn/tin-tuc/khen-thuong-12-tap-the-35-ca-nhan-1234.html",
			author:    "MINH ANH",
			warning:   "declares windows-1252 but the content is valid UTF-8",
			inBody:    []string{"tặng giấy khen cho 12 tập thể và 35 cá nhân"},
		},
		{
			file: "lying-utf8.html", url: "http://thiuy.example.vn/tin/9.html",
			title:     "Thị ủy khen thưởng 18 tập thể, 27 cá nhân",
			published: vn("2018-06-20 09:30"), clock: true, charset: "windows-1258",
			warning: "declares utf-8 but the content is not UTF-8",
			inBody:  []string{"Đặng Văn Lượng"},
		},
		{
			file: "party-portal.html", contentType: "text/html; charset=ISO-8859-1", url: "https://dangbo.example.vn/x",
			title:     "Đảng ủy Khối khen thưởng 12 tập thể, 35 cá nhân tiêu biểu",
			published: vn("2024-05-16 14:42"), clock: true, charset: "utf-8",
			canonical: "https://dangbo.example.vn/tin-tuc/khen-thuong-12-tap-the-35-ca-nhan-1234.html",
			author:    "MINH ANH",
			warning:   "HTTP header declares windows-1252",
			inBody:    []string{"Đảng bộ cơ sở Cục Thuế tỉnh"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file+"/"+tc.contentType, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := ParseHTML(raw, tc.contentType, tc.url, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tc.title {
				t.Errorf("title %q, want %q", p.Title, tc.title)
			}
			if !p.Published.Equal(tc.published) || p.PublishedHasClock != tc.clock {
				t.Errorf("published %v (clock %v), want %v (clock %v)", p.Published, p.PublishedHasClock, tc.published, tc.clock)
			}
			if p.Canonical != tc.canonical {
				t.Errorf("canonical %q, want %q", p.Canonical, tc.canonical)
			}
			if tc.author != "" && p.Author != tc.author {
				t.Errorf("author %q, want %q", p.Author, tc.author)
			}
			if p.Charset != tc.charset {
				t.Errorf("charset %q, want %q", p.Charset, tc.charset)
			}
			warnings := strings.Join(p.Warnings, "\n")
			switch {
			case tc.warning == "" && warnings != "":
				t.Errorf("unexpected warnings: %s", warnings)
			case tc.warning != "" && !strings.Contains(warnings, tc.warning):
				t.Errorf("warnings %q, want one containing %q", warnings, tc.warning)
			}
			body := p.Body()
			checkText(t, p)
			for _, s := range tc.inBody {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q\nbody:\n%s", s, body)
				}
			}
			for _, s := range tc.notInBody {
				if strings.Contains(body, s) {
					t.Errorf("body holds furniture %q\nbody:\n%s", s, body)
				}
			}
			caps := p.Captions()
			for _, s := range tc.captions {
				if !containsString(caps, s) {
					t.Errorf("captions %q lack %q", caps, s)
				}
			}
			var heads []string
			for _, b := range p.Blocks {
				if b.Kind == Heading {
					heads = append(heads, b.Text)
				}
			}
			for _, s := range tc.headings {
				if !containsString(heads, s) {
					t.Errorf("headings %q lack %q", heads, s)
				}
			}
			if p.Lang != "vi" {
				t.Errorf("lang %q, want vi", p.Lang)
			}
		})
	}
}

// checkText fails when any text of p is not valid NFC UTF-8 or holds
// mojibake.
func checkText(t *testing.T, p *Page) {
	t.Helper()
	all := []string{p.Title, p.Author}
	for _, b := range p.Blocks {
		all = append(all, b.Text)
	}
	for _, s := range all {
		if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
			t.Errorf("not valid NFC UTF-8: %q", s)
		}
		if strings.ContainsAny(s, "\uFFFDÃÄÆ") {
			t.Errorf("mojibake: %q", s)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestOptionsSelectors(t *testing.T) {
	page := `<html><head><title>Trang chủ</title></head><body>
<div class="x-head"><span class="x-title">Khen thưởng 7 tập thể</span><span class="x-time">Ngày đăng: 02/03/2023</span></div>
<div class="x-ad">Quảng cáo: mua ngay 99 tập thể</div>
<div class="x-body"><div>Ngày 1/3, Ủy ban nhân dân xã tặng giấy khen cho 7 tập thể.</div><div class="x-ad">Quảng cáo giữa bài</div></div>
<div class="x-other"><div>Bài khác: biểu dương 12 cá nhân trong phong trào thi đua yêu nước của huyện nhà năm nay.</div></div>
</body></html>`
	p, err := ParseHTML([]byte(page), "", "http://xa.example.vn/1", Options{
		Content: ".x-body", Title: ".x-title", Date: ".x-time", Remove: ".x-ad",
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Khen thưởng 7 tập thể" {
		t.Errorf("title %q", p.Title)
	}
	if want := time.Date(2023, 3, 2, 0, 0, 0, 0, Vietnam); !p.Published.Equal(want) || p.PublishedHasClock {
		t.Errorf("published %v", p.Published)
	}
	if b := p.Body(); b != "Ngày 1/3, Ủy ban nhân dân xã tặng giấy khen cho 7 tập thể." {
		t.Errorf("body %q", b)
	}
}

func TestBadSelector(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "party-portal.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseHTML(raw, "", "https://dangbo.example.vn/x", Options{Content: "div[", Remove: ".a >"})
	if err != nil {
		t.Fatal(err)
	}
	if w := strings.Join(p.Warnings, "\n"); !strings.Contains(w, "bad content selector") || !strings.Contains(w, "bad remove selector") {
		t.Errorf("warnings %q", w)
	}
	if !strings.Contains(p.Body(), "12 tập thể và 35 cá nhân") {
		t.Errorf("heuristics did not take over: %q", p.Body())
	}
}

func TestDateSelectorInHeader(t *testing.T) {
	page := `<html><body><header><span class="pub">02/03/2023 08:00</span></header>
<h1>Huyện ủy khen thưởng 7 tập thể có thành tích xuất sắc</h1>
<p>Ngày 1/3, Huyện ủy tặng giấy khen cho 7 tập thể có thành tích xuất sắc trong học tập và làm theo gương Bác, góp phần vào kết quả chung của huyện.</p>
</body></html>`
	p, err := ParseHTML([]byte(page), "", "http://huyen.example.vn/1", Options{Date: ".pub"})
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2023, 3, 2, 8, 0, 0, 0, Vietnam); !p.Published.Equal(want) || !p.PublishedHasClock {
		t.Errorf("published %v, want %v", p.Published, want)
	}
}

func TestIsHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html><body>x</body></html>", true},
		{"\xEF\xBB\xBF  \n<html lang=\"vi\">", true},
		{"<!-- saved page -->\n<html>", true},
		{"<div class=\"a\">Nội dung</div>", true},
		{"<p>Sáng 16/5, Đảng ủy Khối tổ chức hội nghị.</p>", true},
		{"Trang chủ\nKhen thưởng 12 tập thể, 35 cá nhân\n16/05/2024 - 14:42\nSáng 16/5, ...", false},
		{"Sáng 16/5 (giờ địa phương), số người <10 tuổi tăng.", false},
		{"", false},
		{`<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title></channel></rss>`, false},
		{`<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">`, true},
		{"Xem <b>đậm</b> ở đây", false},
	}
	for _, tc := range tests {
		if got := IsHTML([]byte(tc.in)); got != tc.want {
			t.Errorf("IsHTML(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestDecodeHTML(t *testing.T) {
	tests := []struct {
		name, raw, ct, want, charset, warning string
	}{
		{"bom utf-8", "\xEF\xBB\xBF<p>Đảng</p>", "text/html; charset=windows-1252", "<p>Đảng</p>", "utf-8", ""},
		{"meta charset", "<meta charset=\"utf-8\"><p>Đảng</p>", "", "<meta charset=\"utf-8\"><p>Đảng</p>", "utf-8", ""},
		{"sniff utf-8", "<p>Đảng</p>", "", "<p>Đảng</p>", "utf-8", ""},
		{"latin-1 real", "<meta charset=\"iso-8859-1\"><p>caf\xe9</p>", "", "<meta charset=\"iso-8859-1\"><p>café</p>", "windows-1252", ""},
		{"1258 sniffed", "<p>\xd0a\xecng</p>", "", "<p>Đáng</p>", "windows-1258", "sniffed windows-1258"},
		{"ascii under legacy", "<meta charset=\"windows-1258\"><p>abc</p>", "", "<meta charset=\"windows-1258\"><p>abc</p>", "windows-1258", ""},
		{"unknown label", "<meta charset=\"x-foo\"><p>Đảng</p>", "", "<meta charset=\"x-foo\"><p>Đảng</p>", "utf-8", "unknown charset"},
		{"1258 declared latin-1", "<p>\xd0a\xecng u\xd2y khen th\xfd\xf5\xd2ng</p>", "text/html; charset=iso-8859-1", "<p>Đáng ủy khen thưởng</p>", "windows-1258", "bytes are Vietnamese windows-1258"},
		{"portuguese latin-1", "<p>S\xf3 quem se ama, n\xe3o tem medo. Cora\xe7\xf5es.</p>", "text/html; charset=iso-8859-1", "<p>Só quem se ama, não tem medo. Corações.</p>", "windows-1252", ""},
		{"double-encoded", "<p>Äáº£ng á»§y khen thÆ°á»Ÿng</p>", "", "<p>Đảng ủy khen thưởng</p>", "utf-8", "repaired"},
		{"utf-8 with a stray byte", "<p>Đảng Đảng Đảng Đảng Đảng \xff</p>", "text/html; charset=utf-8", "<p>Đảng Đảng Đảng Đảng Đảng \uFFFD</p>", "utf-8", "replaced"},
	}
	for _, tc := range tests {
		d := decodeHTML([]byte(tc.raw), tc.ct)
		if norm.NFC.String(d.text) != tc.want || d.charset != tc.charset {
			t.Errorf("%s: got %q (%s), want %q (%s)", tc.name, d.text, d.charset, tc.want, tc.charset)
		}
		w := strings.Join(d.warnings, "; ")
		if tc.warning == "" && w != "" || tc.warning != "" && !strings.Contains(w, tc.warning) {
			t.Errorf("%s: warnings %q, want %q", tc.name, w, tc.warning)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ in, site, want string }{
		{"Khen thưởng 12 tập thể - Báo Long An", "", "Khen thưởng 12 tập thể"},
		{"Khen thưởng 12 tập thể | Báo Long An Online", "", "Khen thưởng 12 tập thể"},
		{"Những người khổ hạnh vì bớt lạ - Ảnh | Trang thông tin dành cho giới trẻ - VnExpress iOne", "", "Những người khổ hạnh vì bớt lạ"},
		{"Hà Nội - Hải Phòng: cao tốc thông xe", "", "Hà Nội - Hải Phòng: cao tốc thông xe"},
		{"Tỉnh ủy Long An biểu dương 50 điển hình - Cổng thông tin điện tử Đảng bộ tỉnh", "Cổng thông tin điện tử Đảng bộ tỉnh", "Tỉnh ủy Long An biểu dương 50 điển hình"},
	}
	for _, tc := range tests {
		if got := stripSiteName(tc.in, tc.site); got != tc.want {
			t.Errorf("stripSiteName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseStampLines(t *testing.T) {
	tests := []struct {
		in    string
		want  string // "" wants no stamp
		clock bool
	}{
		{"16/05/2024 - 14:42", "2024-05-16 14:42", true},
		{"(21:11 14/05/2024)", "2024-05-14 21:11", true},
		{"Thứ tư, 13/11/2019 09:15", "2019-11-13 09:15", true},
		{"Thứ tư, 13/11/2019", "2019-11-13 00:00", false},
		{"15:20 PM | 21/12/2012", "2012-12-21 15:20", true},
		{"03:20 PM 21/12/2012", "2012-12-21 15:20", true},
		{"Sáng 16/5, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị", "", false},
		{"Không có ngày", "", false},
	}
	for _, tc := range tests {
		tm, clock, ok := parseStamp(tc.in)
		switch {
		case tc.want == "" && ok:
			t.Errorf("parseStamp(%q) = %v, want none", tc.in, tm)
		case tc.want != "" && (!ok || tm.Format("2006-01-02 15:04") != tc.want || clock != tc.clock):
			t.Errorf("parseStamp(%q) = %v %v %v, want %s %v", tc.in, tm, clock, ok, tc.want, tc.clock)
		}
	}
}

func TestParseMetaDate(t *testing.T) {
	tests := []struct {
		in, want string
		clock    bool
	}{
		{"2024-05-16T14:42:00+07:00", "2024-05-16 14:42", true},
		{"2024-05-16T07:42:00Z", "2024-05-16 14:42", true},
		{"2024-05-16T14:42:00", "2024-05-16 14:42", true},
		{"2024-05-16", "2024-05-16 00:00", false},
		{"2024/05/16 14:42", "2024-05-16 14:42", true},
		{"16/05/2024 14:42", "2024-05-16 14:42", true},
	}
	for _, tc := range tests {
		tm, clock, ok := parseMetaDate(tc.in)
		if !ok || tm.In(Vietnam).Format("2006-01-02 15:04") != tc.want || clock != tc.clock {
			t.Errorf("parseMetaDate(%q) = %v %v %v, want %s %v", tc.in, tm, clock, ok, tc.want, tc.clock)
		}
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ href, page, want string }{
		{"/a/b.html", "https://baotinh.vn/x?y=1", "https://baotinh.vn/a/b.html"},
		{"https://www.baotinh.vn/a", "https://baotinh.vn/x", "https://www.baotinh.vn/a"},
		{"https://other.vn/a", "https://baotinh.vn/x", ""},
		{"javascript:void(0)", "https://baotinh.vn/x", ""},
		{"", "https://baotinh.vn/x", ""},
	}
	for _, tc := range tests {
		if got := canonical(tc.href, tc.page); got != tc.want {
			t.Errorf("canonical(%q, %q) = %q, want %q", tc.href, tc.page, got, tc.want)
		}
	}
}

func TestDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><h1>Tiêu đề bài viết khá dài</h1>")
	for range 20000 {
		b.WriteString("<div>")
	}
	b.WriteString("Sáng 16/5, Đảng ủy Khối tổ chức hội nghị sơ kết, tặng giấy khen cho 12 tập thể và 35 cá nhân có thành tích tiêu biểu trong năm qua, góp phần vào thành tích chung.")
	for range 20000 {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	p, err := ParseHTML([]byte(b.String()), "", "http://x.vn/", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Body(), "12 tập thể và 35 cá nhân") {
		t.Errorf("body %q", p.Body())
	}
	if !strings.Contains(strings.Join(p.Warnings, " "), "nested deeper") {
		t.Errorf("warnings %q", p.Warnings)
	}
}

func TestFooterBlock(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Bản quyền thuộc Ủy ban nhân dân huyện Đức Thọ - tỉnh Hà Tĩnh\nTrưởng Ban biên tập: Võ Đình Hải - Phó Chủ tịch UBND huyện\nĐịa chỉ: Khối 7, thị trấn Đức Thọ\nEmail: ubnd@example.vn", true},
		{"© Báo Bắc Giang. Tổng Biên tập: Nguyễn Hữu Toàn", true},
		{"Giấy phép số 123/GP-TTĐT ngày 01/01/2020.", true},
		{"Điện thoại: 0239.3831.241", true},
		{"Địa chỉ đỏ về giáo dục truyền thống cách mạng của tỉnh đã đón hơn 20.000 lượt khách trong năm 2024, tăng gấp đôi so với năm trước, góp phần quảng bá hình ảnh quê hương.", false},
		{"Dịp này, Ban Thường vụ Huyện ủy tặng giấy khen cho 15 tập thể và 22 cá nhân có thành tích xuất sắc.", false},
		{"Đồng chí Lê Văn Tâm phát biểu\nĐịa chỉ: Khối 7", false},
	}
	for _, tc := range tests {
		if got := footerBlock(tc.in); got != tc.want {
			t.Errorf("footerBlock(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
