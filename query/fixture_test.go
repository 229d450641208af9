package query

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/store"
)

// fixtureArticles are a handful of real-looking articles: one ceremony in
// Long An reported by two portals, a Hà Nội article with two awards, a
// Huế article without event date, and an article full of hostile cell
// values.
func fixtureArticles() []*facts.Article {
	s := facts.Str
	n := facts.Int
	return []*facts.Article{
		{
			URL:       "https://baolongan.vn/khen-thuong-10-tap-the-30-ca-nhan-a1.html",
			Title:     s("Khen thưởng 10 tập thể, 30 cá nhân thực hiện Kết luận 01-KL/TW"),
			Published: s("2024-05-16"), EventDate: s("2024-05-16"), Province: s("Long An"),
			Directives: []facts.Directive{{Code: "01-KL/TW", Kind: "Kết luận", Date: s("2021-05-18"), Mention: "Kết luận số 01-KL/TW"}},
			Officials:  []facts.Official{{Name: "Hoàng Đình Cán", Titles: []string{"Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"}}},
			Awards: []facts.Award{{Collectives: n(10), Individuals: n(30), Total: n(40), Form: "giấy khen",
				ConferredBy: "Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh",
				Evidence:    "Dịp này, Đảng ủy khối tặng giấy khen cho 10 tập thể, 30 cá nhân có thành tích xuất sắc."}},
			Units: []facts.Unit{{Name: "Đảng bộ cơ sở Cục Thuế tỉnh", Role: facts.RoleExemplary}, {Name: "Chi bộ Ấp Bắc", Role: facts.RoleAwarded}},
			Body:  "Sáng 16/5, Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh Long An tổ chức sơ kết 3 năm thực hiện Kết luận số 01-KL/TW.\n\nDịp này, Đảng ủy khối tặng giấy khen cho 10 tập thể, 30 cá nhân có thành tích xuất sắc.",
		},
		{
			URL:       "https://longan.dcs.vn/so-ket-ket-luan-01-a2.html",
			Title:     s("Sơ kết 3 năm thực hiện Kết luận 01 của Bộ Chính trị"),
			Published: s("2024-05-17"), EventDate: s("2024-05-16"), Province: s("Long An"),
			Directives: []facts.Directive{{Code: "01-KL/TW", Kind: "Kết luận"}},
			Awards: []facts.Award{{Collectives: n(10), Individuals: n(30), Total: n(40), Form: "khen thưởng",
				ConferredBy: "Đảng ủy khối", Evidence: "Nhân dịp này, 10 tập thể và 30 cá nhân được khen thưởng."}},
			Units: []facts.Unit{{Name: "Dân quân xã An Phú", Role: facts.RoleAwarded}},
			Body:  "Ngày 16/5, hội nghị sơ kết diễn ra tại Tân An.\n\nNhân dịp này, 10 tập thể và 30 cá nhân được khen thưởng.",
		},
		{
			URL:       "https://hanoimoi.vn/bieu-duong-a3.html",
			Title:     s("Hà Nội biểu dương 27 tập thể, cá nhân tiêu biểu"),
			Published: s("2023-12-14T09:27:00+07:00"), EventDate: s("2023-12-14"), Province: s("Hà Nội"),
			Directives: []facts.Directive{{Code: "05-CT/TW", Kind: "Chỉ thị"}},
			Officials:  []facts.Official{{Name: "Nguyễn Văn Phong", Titles: []string{"Phó Bí thư Thường trực Thành ủy"}}},
			Awards: []facts.Award{
				{Collectives: n(5), Individuals: n(0), Total: n(5), Form: "bằng khen", ConferredBy: "Thành ủy",
					Evidence: "Thành ủy tặng bằng khen cho 5 tập thể."},
				{Total: n(27), Form: "biểu dương", ConferredBy: "Ban Thường vụ Thành ủy",
					Evidence: "Biểu dương 27 tập thể, cá nhân tiêu biểu học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."},
			},
			Units: []facts.Unit{{Name: "Ủy ban nhân dân phường Thanh Xuân Bắc", Role: facts.RoleExemplary}},
			Body:  "Sáng 14/12, Thành ủy Hà Nội tổng kết Chỉ thị 05-CT/TW.\n\nThành ủy tặng bằng khen cho 5 tập thể.",
		},
		{
			URL:       "https://baothuathienhue.vn/hue-a4.html",
			Title:     s("Thừa Thiên Huế khen thưởng điển hình dân vận khéo"),
			Published: s("2025-01-10"), Province: s("Thừa Thiên Huế"),
			Awards: []facts.Award{{Collectives: n(3), Individuals: n(7), Total: n(10), Form: "giấy khen",
				ConferredBy: "Ban Dân vận Tỉnh ủy", Evidence: "Ban Dân vận Tỉnh ủy tặng giấy khen cho 3 tập thể, 7 cá nhân."}},
			Body: "Ban Dân vận Tỉnh ủy tặng giấy khen cho 3 tập thể, 7 cá nhân điển hình dân vận khéo.",
		},
		{
			URL:   "https://hostile.example.vn/a5.html",
			Title: s("=cmd|' /C calc'!A0"),
			Awards: []facts.Award{{Collectives: n(1), Individuals: n(1), Total: n(2), Form: "+1",
				ConferredBy: "@SUM(A1:A9)", Evidence: "-1 tập thể \"bị\"\nxuống dòng"}},
			Units: []facts.Unit{
				{Name: "=cmd|' /C calc'!A0", Role: facts.RoleAwarded},
				{Name: "+1", Role: facts.RoleAwarded},
				{Name: "-1", Role: facts.RoleAwarded},
				{Name: "@SUM(A1:A9)", Role: facts.RoleAwarded},
				{Name: "\tTab đầu dòng", Role: facts.RoleAwarded},
				{Name: "\rCR đầu dòng", Role: facts.RoleAwarded},
				{Name: "Có \"ngoặc kép\"\nvà xuống dòng, dấu phẩy", Role: facts.RoleAwarded},
			},
			Body: "Bài kiểm tra giá trị độc hại.",
		},
	}
}

// fixtureDB stores fixtureArticles in a fresh database through the
// store, and returns it opened read-only as the commands open it.
func fixtureDB(t testing.TB) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vnnews.db")
	w, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range fixtureArticles() {
		if _, _, err := w.SaveArticle(context.Background(), nil, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return openRO(t, path), path
}

func openRO(t testing.TB, path string) *store.DB {
	t.Helper()
	db, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// emptyDB is a migrated database with no articles.
func emptyDB(t testing.TB) *store.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "empty.db")
	w, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	return openRO(t, path)
}
