package page_test

import (
	"fmt"

	"github.com/vnnews/vnnews/extract/page"
)

// A page copied as text with its header: the site's name, the today-widget,
// a breadcrumb, the headline and the publication stamp. The widget's date is
// not the publication date.
func ExampleParseText() {
	p := page.ParseText(`BÁO BẮC GIANG ĐIỆN TỬ
Thứ Hai, 25/11/2024 | Hotline: 0204.3854.xxx
Trang chủ / Kinh tế / Tín dụng chính sách
Tổng kết 10 năm thực hiện Chỉ thị số 40 của Ban Bí thư
Cập nhật lúc 10:05, Thứ Tư, 09/10/2024

BGĐT - Sáng 8/10, Ban Thường vụ Tỉnh ủy tổ chức hội nghị tổng kết 10 năm thực hiện Chỉ thị số 40-CT/TW.

Các tin khác
Khen thưởng 12 tập thể (08/10/2024)
`)
	fmt.Println(p.Title)
	fmt.Println(p.Published.Format("2006-01-02 15:04"))
	fmt.Println(len(p.Blocks), p.Blocks[0].Text[:5])
	// Output:
	// Tổng kết 10 năm thực hiện Chỉ thị số 40 của Ban Bí thư
	// 2024-10-09 10:05
	// 1 BGĐT
}
