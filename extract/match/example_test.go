package match_test

import (
	"fmt"
	"time"

	"github.com/vnnews/vnnews/extract/match"
	"github.com/vnnews/vnnews/extract/page"
)

func ExampleMatch() {
	p := page.ParseText(`Huyện ủy Bến Lức khen thưởng 8 tập thể, 15 cá nhân

16/05/2024 - 09:30

Sáng 15/5, Ban Thường vụ Huyện ủy Bến Lức tổ chức sơ kết 3 năm thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị.

Dự hội nghị có đồng chí Trần Văn Minh, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy.

Dịp này, Ban Thường vụ Huyện ủy tặng giấy khen cho 8 tập thể, 15 cá nhân.

Thanh Hà`)
	a := match.Match(p)
	fmt.Println(*a.Title)
	fmt.Println(*a.Published, *a.EventDate, *a.Province)
	fmt.Println(a.Directives[0].Code, *a.Directives[0].Date)
	fmt.Println(a.Officials[0].Name, a.Officials[0].Titles)
	fmt.Println(*a.Awards[0].Collectives, *a.Awards[0].Individuals, *a.Awards[0].Total, a.Awards[0].Form)
	fmt.Println(a.Author)
	_ = time.Now
	// Output:
	// Huyện ủy Bến Lức khen thưởng 8 tập thể, 15 cá nhân
	// 2024-05-16 2024-05-15 Long An
	// 01-KL/TW 2021-05-18
	// Trần Văn Minh [Ủy viên Ban Thường vụ Tỉnh ủy Trưởng ban Tuyên giáo Tỉnh ủy]
	// 8 15 23 giấy khen
	// Thanh Hà
}

func ExampleAwards() {
	for _, a := range match.Awards("Các chi bộ khen thưởng 63 tập thể, 294 cá nhân; biểu dương 27 tập thể, cá nhân.") {
		fmt.Println(a.Collectives != nil, *a.Total, a.Form)
	}
	// Output:
	// true 357 khen thưởng
	// false 27 biểu dương
}

func ExampleDirectives() {
	for _, d := range match.Directives("Thực hiện Nghị quyết số 23 – NQ/TƯ và Quyết định số 368/QĐ-TTg ngày 21/3/2017.") {
		fmt.Println(d.Code, d.Kind)
	}
	// Output:
	// 368/QĐ-TTg Quyết định
	// 23-NQ/TW Nghị quyết
}

func ExampleUnits() {
	for _, u := range match.Units("Nổi bật có Đảng bộ phường 25 với mô hình “Khu phố không rác”, Chi bộ Trường THPT Nguyễn Hiền và Công an xã Tân Dân.", "") {
		fmt.Println(u.Name, "-", u.Role)
	}
	for _, u := range match.Units("Dịp này, Huyện đoàn Cần Giuộc được tặng Bằng khen của Trung ương Đoàn.", "") {
		fmt.Println(u.Name, "-", u.Role)
	}
	// Output:
	// Đảng bộ phường 25 - exemplary
	// Chi bộ Trường THPT Nguyễn Hiền - exemplary
	// Công an xã Tân Dân - exemplary
	// Huyện đoàn Cần Giuộc - awarded
}
