package page

import (
	"os"
	"path/filepath"
	"testing"
)

// TestHeadlineFromH2 covers pages without a usable h1: the headline is the
// h2/h3 that opens the article, and the stamp beside it is the
// publication date; box titles, sidebar headings, the site's name and a
// header's today-widget are not taken.
func TestHeadlineFromH2(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		published string // "" where the page gives no publication date
		checkDate bool
	}{
		{
			// ASP.NET table layout: <title> is the portal's name, an h2.title in
			// div.news-detail, the stamp right after it, a today-widget in the top bar.
			file:      "aspnet-news-detail.html",
			title:     "Cần Đước: Sơ kết 2 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị",
			published: "2023-05-19",
			checkDate: true,
		},
		{
			// The h1 is the logo; a sidebar h2 comes before the article's h3.
			file:      "logo-h1-sidebar.html",
			title:     "Đảng bộ Khối cơ quan tỉnh khen thưởng 8 tập thể, 15 cá nhân điển hình học tập và làm theo Bác",
			published: "2024-05-14",
			checkDate: true,
		},
		{
			// A title-named h2 without a stamp; the bare weekday-date in the
			// header is a today-widget, not the publication date.
			file:      "title-class-today-widget.html",
			title:     "Xã Phước Vĩnh Tây ra quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới",
			published: "",
			checkDate: true,
		},
		{
			// Only box titles, the site's name and linked teasers: no h2 is a headline.
			file:  "box-titles-only.html",
			title: "Cổng thông tin điện tử huyện Tân Trụ",
		},
		{
			// <title> carries the headline: an h2 that differs is not taken.
			file:  "headline-title-section-h2.html",
			title: "Long An đẩy mạnh chuyển đổi số trong cơ quan Đảng",
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "h2", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := ParseHTML(raw, "", "https://example.vn/tin/1", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tc.title {
				t.Errorf("title %q, want %q", p.Title, tc.title)
			}
			if !tc.checkDate {
				return
			}
			got := ""
			if !p.Published.IsZero() {
				got = p.Published.Format("2006-01-02")
			}
			if got != tc.published {
				t.Errorf("published %q, want %q", got, tc.published)
			}
		})
	}
}

// TestSubHeadlineRejects checks the headings that never open an article.
func TestSubHeadlineRejects(t *testing.T) {
	tests := []struct {
		name, html string
	}{
		{"box title in capitals", `<div class="news-detail"><h2 class="title">THÔNG BÁO MỚI CỦA ỦY BAN NHÂN DÂN HUYỆN</h2><span>19/05/2023 10:24</span></div>`},
		{"list marker", `<div class="news-detail"><h2 class="title">Các tin khác</h2></div>`},
		{"too short", `<div class="news-detail"><h2 class="title">Tin tức sự kiện</h2></div>`},
		{"site name", `<div class="news-detail"><h2 class="title">Cổng thông tin điện tử huyện Cần Đước</h2></div>`},
		{"linked teaser", `<div class="news-detail"><h2 class="title"><a href="/tin/2">Huyện tổ chức hội nghị tổng kết công tác năm 2023</a></h2><span>19/05/2023 10:24</span></div>`},
		{"sidebar", `<div class="sidebar"><h2 class="title">Huyện tổ chức hội nghị tổng kết công tác năm 2023</h2><span>19/05/2023 10:24</span></div>`},
		{"box title class, no stamp", `<div><h2 class="box-title">Thông báo tuyển dụng viên chức sự nghiệp năm 2023</h2></div>`},
		{"no sign it opens the article", `<div><h2>Huyện tổ chức hội nghị tổng kết công tác năm 2023</h2></div>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ParseTree([]byte("<html><head><title>Cổng thông tin</title></head><body>" + tc.html + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			h := newHinter()
			m := collectMeta(doc, h)
			if got := m.subHeadline(h); got.n != nil {
				t.Errorf("took %q as the headline", innerText(got.n))
			}
		})
	}
}
