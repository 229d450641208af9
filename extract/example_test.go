package extract_test

import (
	"fmt"

	"github.com/vnnews/vnnews/extract"
)

func ExamplePage() {
	text := `Quảng Trị: Khen thưởng 12 tập thể, 25 cá nhân

16/05/2024 - 14:42

Sáng 16/5, Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Quảng Trị tổ chức sơ kết 3 năm thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị.

Dịp này, Đảng ủy Khối tặng giấy khen cho 12 tập thể, 25 cá nhân có thành tích tiêu biểu.
`
	a, err := extract.Page([]byte(text), "", "", extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*a.Title)
	fmt.Println(*a.Published, *a.EventDate, *a.Province)
	for _, d := range a.Directives {
		fmt.Println(d.Code, d.Kind, *d.Date)
	}
	for _, aw := range a.Awards {
		fmt.Println(*aw.Collectives, *aw.Individuals, *aw.Total, aw.Form)
	}
	// Output:
	// Quảng Trị: Khen thưởng 12 tập thể, 25 cá nhân
	// 2024-05-16 2024-05-16 Quảng Trị
	// 01-KL/TW Kết luận 2021-05-18
	// 12 25 37 giấy khen
}
