package match

import (
	"regexp"
	"slices"
	"testing"
)

// The regular expressions the code scanner replaces, kept as its
// reference.
var (
	refPartyCode = regexp.MustCompile(`(\d{1,4})[ ]*[-–—]?[ ]*(CT|KL|NQ|KH|QĐ|HD|TB|CV|QC|ĐA|CTr|BC|TTr|TT|QyĐ|CĐ)[ ]*/[ ]*([A-ZĐƯa-zđư][A-ZĐƯa-zđư.]{0,9}(?:-[A-ZĐ]{2,6})?)`)
	refStateCode = regexp.MustCompile(`(\d{1,5})((?:/\d{4})?)/(QĐ|NĐ|CT|TT|NQ|KH|HD|TB|CV|BC|TTr|QC|KL|ĐA|TTLT|PL)-([A-ZĐa-z][A-ZĐa-zđ0-9]{0,10}(?:-[A-ZĐa-z][A-ZĐa-zđ0-9]{0,10})?)`)
)

func refCodes(s string) []string {
	var out []string
	for _, m := range refStateCode.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 && (isDigitByte(s[m[0]-1]) || s[m[0]-1] == '/') {
			continue
		}
		out = append(out, "S "+s[m[2]:m[3]]+s[m[4]:m[5]]+"/"+s[m[6]:m[7]]+"-"+s[m[8]:m[9]])
	}
	for _, m := range refPartyCode.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 && isDigitByte(s[m[0]-1]) {
			continue
		}
		out = append(out, "P "+s[m[2]:m[3]]+"-"+s[m[4]:m[5]]+"/"+s[m[6]:m[7]])
	}
	slices.Sort(out)
	return out
}

func scannedCodes(s string) []string {
	var out []string
	state, party := scanCodes(s)
	for _, m := range state {
		out = append(out, "S "+s[m.numS:m.numE]+s[m.yearS:m.yearE]+"/"+s[m.kindS:m.kindE]+"-"+s[m.issuerS:m.issuerE])
	}
	for _, m := range party {
		out = append(out, "P "+s[m.numS:m.numE]+"-"+s[m.kindS:m.kindE]+"/"+s[m.issuerS:m.issuerE])
	}
	slices.Sort(out)
	return out
}

var codeSamples = []string{
	"Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị",
	"Nghị quyết 23 – NQ/TƯ và Chỉ thị số 03-CT/T.Ư",
	"Hướng dẫn 102HD/BTGTW, Kế hoạch 36-KH/ĐUK-BTG",
	"Quyết định số 368/QĐ-TTg, Nghị định 91/2006/NĐ-CP và Hướng dẫn 202/HD-CT",
	"Pháp lệnh Dân số số 06/2003/PL-UBTVQH11 và Pháp lệnh 34/2007/PL-UBTVQH11",
	"Chương trình 12-CTr/TU, Tờ trình 5-TTr/HU, Quy định số 08-QyĐ/TW",
	"ngày 16/5/2024, 1/91/2006/NĐ-CP, 1234567/2006/NĐ-CP, 123456/QĐ-TTg",
	"15/12/QĐ-UBND, 12345-CT/TW, 9 CT / TW",
}

func TestScanCodes(t *testing.T) {
	for _, s := range codeSamples {
		if got, want := scannedCodes(s), refCodes(s); !slices.Equal(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want)
		}
	}
	got := scannedCodes("Pháp lệnh 34/2007/PL-UBTVQH11 về thực hiện dân chủ ở xã")
	if len(got) != 1 || got[0] != "S 34/2007/PL-UBTVQH11" {
		t.Errorf("Pháp lệnh: %q", got)
	}
}

// FuzzScanCodes checks the code scanner against the regular expressions
// it replaces.
func FuzzScanCodes(f *testing.F) {
	for _, s := range codeSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := scannedCodes(s), refCodes(s); !slices.Equal(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want)
		}
	})
}
