package vntext

import (
	"strconv"
	"testing"
)

func TestParseStamp(t *testing.T) {
	tests := []struct {
		in    string
		want  string // 2006-01-02 15:04, "" when !ok
		clock bool
	}{
		{"16/05/2024 - 14:42", "2024-05-16 14:42", true},
		{"Thanh Xuân: Biểu dương 27 tập thể (21:11 14/05/2024)", "2024-05-14 21:11", true},
		{"15/12/2025 09:27 GMT+7", "2025-12-15 09:27", true},
		{"Thứ tư,  13/11/2019", "2019-11-13 00:00", false},
		{"Cập nhật lúc 08:05, ngày 3/2/2023", "2023-02-03 08:05", true},
		{"ngày 18 tháng 5 năm 2021", "2021-05-18 00:00", false},
		{"2024-05-16T14:42:00+07:00", "2024-05-16 14:42", true},
		{"2024-05-16T07:42:00Z", "2024-05-16 14:42", true},
		{"2024-05-16", "2024-05-16 00:00", false},
		{"Thứ Năm, 14/12/2023 | 10:15", "2023-12-14 10:15", true},
		{"Sáng 16/5", "", false},
		{"66/47 chi bộ", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, clock, ok := ParseStamp(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("ParseStamp(%q) = %v, want not ok", tt.in, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02 15:04") != tt.want || clock != tt.clock {
			t.Errorf("ParseStamp(%q) = %v %v %v, want %s %v", tt.in, got, clock, ok, tt.want, tt.clock)
		}
		if ok && got.Location().String() != Zone.String() {
			t.Errorf("ParseStamp(%q) zone %v", tt.in, got.Location())
		}
	}
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		in   string
		want []string // "y-m-d part today"
	}{
		{"Sáng 16/5, Đảng ủy khối tổ chức hội nghị", []string{"0-5-16 sáng false"}},
		{"LSO-Chiều nay (8/5), Đảng ủy Khối tổ chức", []string{"0-5-8 chiều true"}},
		{"Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị", []string{"2021-5-18  false"}},
		{"vào ngày 14.10 tới đây", []string{"0-10-14  false"}},
		{"Ngày 14-12, Huyện ủy tổ chức", []string{"0-12-14  false"}},
		{"huyện có 66/47 chi bộ đạt 140,43%", nil},
		{"đạt 1.525 cá nhân và 3.5 triệu", nil},
		{"ngày 18 tháng 5 năm 2021", []string{"2021-5-18  false"}},
		{"Chiều ngày 3/2 tại hội trường", []string{"0-2-3 chiều false"}},
		{"tỷ lệ 9.5 điểm, 2-3 lần", nil},
	}
	for _, tt := range tests {
		got := FindDates(tt.in)
		var gs []string
		for _, d := range got {
			gs = append(gs, itoa(d.Year)+"-"+itoa(d.Month)+"-"+itoa(d.Day)+" "+d.Part+" "+map[bool]string{true: "true", false: "false"}[d.Today])
			if tt.in[d.Start:d.End] != d.Text {
				t.Errorf("%q: span mismatch", tt.in)
			}
		}
		if len(gs) != len(tt.want) {
			t.Errorf("FindDates(%q) = %v, want %v", tt.in, gs, tt.want)
			continue
		}
		for i := range gs {
			if gs[i] != tt.want[i] {
				t.Errorf("FindDates(%q)[%d] = %q, want %q", tt.in, i, gs[i], tt.want[i])
			}
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestFindPeriods(t *testing.T) {
	tests := []struct {
		in       string
		from, to int
		kind     string
	}{
		{"giai đoạn 2021 - 2024", 2021, 2024, "giai đoạn"},
		{"nhiệm kỳ 2020-2025", 2020, 2025, "nhiệm kỳ"},
		{"năm 2023, tỉnh", 2023, 2023, "năm"},
		{"Kế hoạch 5 năm (2021-2025)", 2021, 2025, "năm"},
		{"hai năm 2024 – 2025 với", 2024, 2025, "năm"},
	}
	for _, tt := range tests {
		ps := FindPeriods(tt.in)
		if len(ps) != 1 || ps[0].From != tt.from || ps[0].To != tt.to || ps[0].Kind != tt.kind {
			t.Errorf("FindPeriods(%q) = %+v", tt.in, ps)
		}
	}
}
