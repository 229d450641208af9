package page_test

import (
	"fmt"

	"github.com/vnnews/vnnews/extract/page"
)

func ExampleParseHTML() {
	raw := []byte(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Khen thưởng 12 tập thể, 35 cá nhân - Cổng thông tin Đảng bộ tỉnh</title></head>
<body>
<div class="top-bar"><span class="today">Thứ Năm, 21/11/2024</span></div>
<div class="menu"><a href="/">Trang chủ</a> <a href="/xdd">Xây dựng Đảng</a></div>
<div class="detail">
  <h1>Khen thưởng 12 tập thể, 35 cá nhân</h1>
  <div class="date">16/05/2024 - 14:42</div>
  <p>Sáng 16/5, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị.</p>
  <p>Dịp này, Đảng ủy Khối tặng giấy khen cho 12 tập thể và 35 cá nhân có thành tích tiêu biểu.</p>
  <div class="tin-lien-quan"><b>Tin liên quan</b><ul>
    <li><a href="/a">Tỉnh ủy khen thưởng 25 tập thể, 60 cá nhân</a></li></ul></div>
</div>
</body></html>`)
	p, err := page.ParseHTML(raw, "text/html; charset=utf-8", "https://dangbo.example.vn/tin/1.html", page.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title)
	fmt.Println(p.Published.Format("2006-01-02 15:04"), p.PublishedHasClock)
	fmt.Println(p.Body())
	// Output:
	// Khen thưởng 12 tập thể, 35 cá nhân
	// 2024-05-16 14:42 true
	// Sáng 16/5, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị.
	//
	// Dịp này, Đảng ủy Khối tặng giấy khen cho 12 tập thể và 35 cá nhân có thành tích tiêu biểu.
}

func ExampleParseHTML_options() {
	raw := []byte(`<html><body>
<div class="hd"><span class="tt">Biểu dương 40 đảng viên tiêu biểu</span> <span class="ngay">Ngày 02/03/2023</span></div>
<div class="nd">Ngày 1/3, Huyện ủy biểu dương 40 đảng viên tiêu biểu.<div class="qc">Quảng cáo</div></div>
</body></html>`)
	p, _ := page.ParseHTML(raw, "", "http://huyen.example.vn/1", page.Options{
		Content: ".nd", Title: ".tt", Date: ".ngay", Remove: ".qc",
	})
	fmt.Println(p.Title, "|", p.Published.Format("2006-01-02"), "|", p.Body())
	// Output:
	// Biểu dương 40 đảng viên tiêu biểu | 2023-03-02 | Ngày 1/3, Huyện ủy biểu dương 40 đảng viên tiêu biểu.
}

func ExampleIsHTML() {
	fmt.Println(page.IsHTML([]byte("<!DOCTYPE html><html><body></body></html>")))
	fmt.Println(page.IsHTML([]byte("Khen thưởng 12 tập thể\n16/05/2024 - 14:42\nSáng 16/5, ...")))
	// Output:
	// true
	// false
}
