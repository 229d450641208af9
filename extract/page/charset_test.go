package page

import (
	"strings"
	"testing"
)

// FuzzMojibakeCount checks the one-pass mark count against counting
// mark by mark.
func FuzzMojibakeCount(f *testing.F) {
	f.Add("Ä‘áº¥t nÆ°á»›c Ã¡ Ã  Ä")
	f.Add(strings.Repeat("Ä‘Ä", 30))
	f.Add("plain text")
	f.Fuzz(func(t *testing.T, s string) {
		want := 0
		for _, m := range mojibakeMarks {
			want += strings.Count(s, m)
			if want >= 50 {
				break
			}
		}
		if got := mojibakeCount(s); got != want {
			t.Fatalf("mojibakeCount(%q) = %d, want %d", s, got, want)
		}
	})
}
