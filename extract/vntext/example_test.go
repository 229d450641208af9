package vntext_test

import (
	"fmt"

	"github.com/vnnews/vnnews/extract/vntext"
)

func ExampleFold() {
	fmt.Println(vntext.Fold("Khen thưởng Đảng bộ"))
	// Output: khen thuong dang bo
}

func ExampleSentences() {
	for _, s := range vntext.Sentences("Sáng 16/5, TP. Tân An tổ chức hội nghị. Đồng chí Nguyễn V. A phát biểu.") {
		fmt.Println(s.Text)
	}
	// Output:
	// Sáng 16/5, TP. Tân An tổ chức hội nghị.
	// Đồng chí Nguyễn V. A phát biểu.
}

func ExampleFindDates() {
	for _, d := range vntext.FindDates("Chiều 14.10, hội nghị sơ kết Chỉ thị 05 (ngày 15/5/2016) diễn ra.") {
		fmt.Println(d.Day, d.Month, d.Year, d.Part)
	}
	// Output:
	// 14 10 0 chiều
	// 15 5 2016
}
