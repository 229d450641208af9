package page

import (
	"strings"
	"testing"
)

// TestParseTextHeader covers the page headers of copied articles: site
// names, menus, breadcrumbs, section labels, language switches, hotlines,
// today-widgets and publication stamps in their many shapes.
func TestParseTextHeader(t *testing.T) {
	const lead = "Sáng 11/3, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW."
	const head = "Yên Thành biểu dương 42 tập thể, 97 cá nhân điển hình học tập và làm theo gương Bác"
	tests := []struct {
		name, header string
		title, pub   string // pub "2006-01-02 15:04", or "2006-01-02" without clock, "" none
	}{
		{"section label repeating a menu item, no stamp",
			"BÁO TÂY NINH ĐIỆN TỬ\nThứ Ba, 12/03/2024\nChính trị | Kinh tế | Văn hóa - Xã hội | Nông thôn mới\n\nNông thôn mới\n\n" + head,
			head, ""},
		{"menu of one item a line, label repeating an item, then stamp",
			"CỔNG THÔNG TIN HUYỆN ỦY CHÂU THÀNH\nThứ Ba, 12/03/2024\nTrang chủ\nGiới thiệu\nHọc tập và làm theo Bác\nCải cách hành chính\nVăn bản chỉ đạo\nHỏi đáp\n\nHọc tập và làm theo Bác\n\n" + head + "\n12/03/2024 08:15",
			head, "2024-03-12 08:15"},
		{"headline repeated over its stamp",
			head + "\n" + head + "\n12/03/2024 08:15",
			head, "2024-03-12 08:15"},
		{"widget, breadcrumb, stamp with weekday",
			"Thứ Năm, 21/11/2024\nTrang chủ / Chính trị / Xây dựng Đảng\n" + head + "\nThứ ba, 12/03/2024 - 08:15",
			head, "2024-03-12 08:15"},
		{"site name, widget, login, arrow breadcrumb, GMT stamp",
			"Báo Tuyên Quang điện tử\nThứ Hai, 22/09/2025\nĐăng nhập | Đăng ký\nXây dựng Đảng › Đảng ủy xã\n" + head + "\n15/09/2025 09:27 GMT+7",
			head, "2025-09-15 09:27"},
		{"upper-case site name and menu",
			"QUÂN ĐỘI NHÂN DÂN\nThứ Bảy, 21/12/2024\nChính trị | Quân sự | Quốc phòng | Xây dựng Đảng\n" + head + "\nThứ Bảy, 21/12/2024 - 16:20",
			head, "2024-12-21 16:20"},
		{"Online site, clock before ngày",
			"CAND Online\nThứ Năm, 06/06/2024\nTrang chủ > Tin tức > Xây dựng lực lượng\n" + head + "\n14:30 ngày 06/06/2024",
			head, "2024-06-06 14:30"},
		{"stamp with a toolbar on its line, wide gaps",
			"Báo Gia Lai điện tử\nTrang chủ   Chính trị   Kinh tế   Xã hội\n\n" + head + "\n\nCập nhật: 03/04/2021 - 09:40   Bản in   Gửi email",
			head, "2021-04-03 09:40"},
		{"Cập nhật with comma",
			"Thứ Sáu, 22/11/2024\n" + head + "\nCập nhật: 15:40, 26/04/2024",
			head, "2024-04-26 15:40"},
		{"language switch, section label, stamp in parentheses",
			"Báo An Giang điện tử\nTiếng Việt | English | ខ្មែរ\nChính trị - Xã hội\n" + head + "\n(08:12 | 19/11/2023)",
			head, "2023-11-19 08:12"},
		{"hotline in the widget, clock before weekday",
			"BÁO BẮC GIANG ĐIỆN TỬ\nThứ Hai, 25/11/2024 | Hotline: 0204.3854.xxx\nTrang chủ / Kinh tế / Tín dụng chính sách\n" + head + "\nCập nhật lúc 10:05, Thứ Tư, 09/10/2024",
			head, "2024-10-09 10:05"},
		{"portal, guillemet breadcrumb, Ngày đăng without clock",
			"CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN LẠC SƠN\nGiới thiệu | Tin tức - Sự kiện | Văn bản | Liên hệ\nTin tức - Sự kiện » Xây dựng Đảng\n" + head + "\nNgày đăng: 16/10/2023 | Lượt xem: 412",
			head, "2023-10-16"},
		{"party committee site, menu, section label, Đăng ngày",
			"ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH BÌNH DƯƠNG\nTrang chủ | Tin hoạt động | Tư liệu văn kiện | Hỏi đáp\nTin hoạt động\n" + head + "\nĐăng ngày: 24/01/2024 08:47",
			head, "2024-01-24 08:47"},
		{"long site name with a comma",
			"Báo và Phát thanh, Truyền hình Đắk Lắk\nThứ Ba, 30/09/2025 | Tiếng Việt | Ê Đê | M'Nông\nChính trị / Xây dựng Đảng\n" + head + "\n(08:45 30/09/2025)",
			head, "2025-09-30 08:45"},
		{"short site name, widget only",
			"Hà Nội mới\nChủ Nhật, 24/11/2024\n" + head,
			head, ""},
		{"acronym site name, stamp with GMT in parentheses",
			"SGGP\nThứ Tư, 15/5/2024\nChính trị / Xây dựng Đảng\n" + head + "\nThứ Tư, 15/5/2024, 17:32 (GMT+7)",
			head, "2024-05-15 17:32"},
		{"widget above the site name, clock bar date",
			"Thứ Sáu, 22/11/2024\nBÁO THÁI BÌNH ĐIỆN TỬ\nChính trị » Bảo vệ nền tảng tư tưởng của Đảng\n" + head + "\n16:18 | 28/06/2024",
			head, "2024-06-28 16:18"},
		{"Ngày ... lúc",
			"Báo Kiên Giang\nThứ Hai, 25/11/2024\nThời sự » Xây dựng Đảng\n" + head + "\nNgày 12/03/2024 lúc 08:15",
			head, "2024-03-12 08:15"},
		{"Cập nhật lúc: clock - date",
			"Báo Lâm Đồng\nThứ Hai, 03/11/2025 | Tiếng Việt | English\nXây dựng Đảng\n" + head + "\nCập nhật lúc: 07:58 - 03/11/2025",
			head, "2025-11-03 07:58"},
		{"organisation name as site, no stamp",
			"Thứ Năm, 21/11/2024\nĐảng bộ tỉnh Thừa Thiên Huế\nTrang chủ / Tin tức - Sự kiện / Tin địa phương\n" + head,
			head, ""},
		{"Cập nhật: clock ngày date",
			"Tin hoạt động\n" + head + "\nCập nhật: 09:15 ngày 12/03/2024",
			head, "2024-03-12 09:15"},
		{"Ngày đăng with clock after a bar",
			head + "\nNgày đăng: 12/03/2024 | 16:05",
			head, "2024-03-12 16:05"},
		{"Đăng lúc",
			head + "\nĐăng lúc: 14:20 - 08/03/2024",
			head, "2024-03-08 14:20"},
		{"Ngày xuất bản",
			"Trang chủ / Xây dựng Đảng\n" + head + "\nNgày xuất bản: 05/04/2024 09:00",
			head, "2024-04-05 09:00"},
		{"dashed date with weekday and clock",
			head + "\nThứ hai, 03-06-2024, 18:25",
			head, "2024-06-03 18:25"},
		{"date then clock",
			head + "\n17/09/2025 21:05",
			head, "2025-09-17 21:05"},
		{"clock on its own line after the date",
			head + "\nThứ Hai, 03/06/2024\n| 07:15 GMT+7",
			head, "2024-06-03 07:15"},
		{"GMT in brackets",
			"Xây dựng Đảng\n" + head + "\n10:30, 14/05/2024 [GMT+7]",
			head, "2024-05-14 10:30"},
		{"Hôm nay widget",
			"Hôm nay: Thứ Năm, 21/11/2024\nTrang chủ | Tin tức\n" + head + "\n08:00 | 20/11/2024",
			head, "2024-11-20 08:00"},
		{"spelled date widget",
			"ngày 22 tháng 11 năm 2025\nBÁO ĐIỆN BIÊN PHỦ\n" + head + "\nCập nhật: 16:52, 19/06/2024 (GMT+7)",
			head, "2024-06-19 16:52"},
		{"stamp above the headline",
			"Tiếng Việt | English\n16/05/2024 - 14:42\n" + head,
			head, "2024-05-16 14:42"},
		{"bare date right after the headline",
			head + "\n15/3/2024",
			head, "2024-03-15"},
		{"byline between headline and stamp",
			"Trang chủ / Xây dựng Đảng\n" + head + "\nThanh Nga\n08:12 19/11/2023",
			head, "2023-11-19 08:12"},
		{"upper-case headline with a count",
			"Báo Sơn La\nKHEN THƯỞNG 12 TẬP THỂ, 25 CÁ NHÂN TIÊU BIỂU\n16:18 | 28/06/2024",
			"KHEN THƯỞNG 12 TẬP THỂ, 25 CÁ NHÂN TIÊU BIỂU", "2024-06-28 16:18"},
		{"headline with a colon and quotes",
			"Chính trị\nĐảng bộ các cơ quan Đảng tỉnh: Trao Bằng khen cho 20 tập thể “Dân vận khéo”\n(08:45 30/09/2025)",
			"Đảng bộ các cơ quan Đảng tỉnh: Trao Bằng khen cho 20 tập thể “Dân vận khéo”", "2025-09-30 08:45"},
		{"dashed date and a dash before the clock",
			head + "\nThứ hai, 03-06-2024 - 18:25",
			head, "2024-06-03 18:25"},
		{"author beside the stamp",
			head + "\nThanh Nga - 08:12 19/11/2023",
			head, "2023-11-19 08:12"},
		{"menu with end-marker words above the headline",
			"Mới nhất | Đọc nhiều | Bình luận\nBình luận\n" + head + "\n08:12 19/11/2023",
			head, "2023-11-19 08:12"},
		{"breadcrumb ending in the headline",
			"Trang chủ / Xây dựng Đảng / " + head + "\n" + head,
			head, ""},
		{"lunar date in the widget",
			"Thứ Năm, 21/11/2024 (21/10 Âm lịch)\n" + head,
			head, ""},
		{"upper-case headline without a count above the stamp",
			"BÁO TUYÊN QUANG\nĐẢNG BỘ XÃ TÂN LẬP TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG\n08:12 19/11/2023",
			"ĐẢNG BỘ XÃ TÂN LẬP TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG", "2023-11-19 08:12"},
		{"site name after the headline as in a window title",
			head + " - Báo Bắc Giang điện tử\n08:12 19/11/2023",
			head, "2023-11-19 08:12"},
		{"a long menu one item a line",
			"Trang chủ\nThời sự\nChính trị\nKinh tế\nXã hội\nVăn hóa - Thể thao\nQuốc phòng - An ninh\nPháp luật\nGiáo dục\nY tế\nDu lịch\nNông nghiệp - Nông thôn\nKhoa học - Công nghệ\nMôi trường\nBạn đọc\nMultimedia\nVideo\nẢnh\n" + head + "\n08:12 19/11/2023",
			head, "2023-11-19 08:12"},
		{"view counter beside the stamp",
			"Trang chủ / Xây dựng Đảng\n" + head + "\n12/03/2024 08:15 | Lượt xem: 1.234",
			head, "2024-03-12 08:15"},
		{"section path with dashes and no stamp",
			"Tin tức - Sự kiện - Xây dựng Đảng\n" + head,
			head, ""},
		{"spelled date after the headline",
			"Tạp chí Xây dựng Đảng\n" + head + "\nNgày 12 tháng 3 năm 2024",
			head, "2024-03-12"},
		{"poster beside the date",
			"Đài Phát thanh và Truyền hình Bình Dương\n" + head + "\nĐăng bởi: Admin - 14/03/2024",
			head, "2024-03-14"},
		{"short headline alone",
			"Hội nghị sơ kết Chỉ thị 05",
			"Hội nghị sơ kết Chỉ thị 05", ""},
	}
	for _, tt := range tests {
		p := ParseText(tt.header + "\n\n" + lead + "\n\nThanh Tân\n")
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
		if len(p.Blocks) == 0 || !strings.HasPrefix(p.Blocks[0].Text, "Sáng 11/3") {
			var first string
			if len(p.Blocks) > 0 {
				first = p.Blocks[0].Text
			}
			t.Errorf("%s: first block %q, want the lead", tt.name, first)
		}
	}
}

func TestParseTextHeaderFurniture(t *testing.T) {
	const head = "Đảng bộ Khối Doanh nghiệp tỉnh: Vinh danh tổ chức đảng, đảng viên tiêu biểu năm 2023"
	tests := []struct {
		name, text, title, author string
	}{
		{"listen button between headline and stamp",
			"Tin hoạt động\n\n" + head + "\n\nNghe bài viết\n\nĐăng ngày: 24/01/2024 08:47\n\nNgày 22/01/2024, Đảng ủy Khối tổ chức hội nghị.\n",
			head, ""},
		{"sapo without a period before the stamp",
			head + "\n\nNăm 2023, Đảng bộ Khối đã kết nạp 312 đảng viên mới, thành lập 9 tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước, đạt và vượt mọi chỉ tiêu đề ra từ đầu nhiệm kỳ\n\n24/01/2024 08:47\n\nNgày 22/01/2024, Đảng ủy Khối tổ chức hội nghị.\n",
			head, ""},
		{"stamp below the sapo",
			head + "\n\nNăm 2023, Đảng bộ Khối đã kết nạp 312 đảng viên mới.\n\n24/01/2024 08:47\n\nNgày 22/01/2024, Đảng ủy Khối tổ chức hội nghị.\n",
			head, ""},
		{"author line above the stamp",
			"Xây dựng Đảng\n\n" + head + "\n\nTác giả: Kim Ngân\n\n24/01/2024 08:47\n\nNgày 22/01/2024, Đảng ủy Khối tổ chức hội nghị.\n",
			head, "Tác giả: Kim Ngân"},
	}
	for _, tt := range tests {
		p := ParseText(tt.text)
		if p.Title != tt.title || p.Author != tt.author || p.Published.Format("2006-01-02") != "2024-01-24" {
			t.Errorf("%s: title %q author %q published %v", tt.name, p.Title, p.Author, p.Published)
		}
	}
}

func TestParseTextTail(t *testing.T) {
	const body = "Ngày 20-12, Đảng ủy Quân sự tỉnh tổ chức hội nghị sơ kết."
	tests := []struct{ name, tail string }{
		{"related photos label", "\n\nĐỨC HOÀNG\n\nTin, ảnh liên quan\nBộ CHQS tỉnh Nghệ An khen thưởng 20 tập thể (19/12/2024)\nQuân khu 4 tổng kết công tác dân vận năm 2024 (18/12/2024)\n"},
		{"dated headlines without a label", "\n\nĐỨC HOÀNG\n\nGia Lai: 1.500 hộ nông dân được vay vốn ưu đãi (13/11/2025)\nTrao Bằng khen cho 20 hợp tác xã tiêu biểu (11/11/2025)\n"},
		{"menu words in the header do not end the article", ""},
	}
	for _, tt := range tests {
		in := "Mới nhất | Bình luận\n\nBình luận\n\nĐảng ủy Quân sự tỉnh sơ kết Nghị quyết 847\n\n" + body + tt.tail
		p := ParseText(in)
		if len(p.Blocks) != 1 || p.Blocks[0].Text != body {
			t.Errorf("%s: blocks %+v", tt.name, p.Blocks)
		}
	}
}

func TestParseTextFootStamp(t *testing.T) {
	p := ParseText("Hội Nông dân tỉnh tôn vinh 45 nông dân giỏi\n\nNgày 14/11, Hội Nông dân tỉnh tổ chức hội nghị.\n\nMinh Phương - 08:12 15/11/2025\n")
	if p.Author != "Minh Phương" || p.Published.Format("2006-01-02 15:04") != "2025-11-15 08:12" || len(p.Blocks) != 1 {
		t.Errorf("author %q published %v blocks %d", p.Author, p.Published, len(p.Blocks))
	}
}

func TestParseTextInitialsByline(t *testing.T) {
	for _, by := range []string{"N.Hà", "T.L", "P.V - Minh Anh"} {
		p := ParseText("Đảng ủy xã sơ kết Chỉ thị 05\n\nSáng 13-3, Đảng ủy xã tổ chức hội nghị.\n\n" + by + "\n")
		if p.Author != by || len(p.Blocks) != 1 {
			t.Errorf("%q: author %q blocks %d", by, p.Author, len(p.Blocks))
		}
	}
}
