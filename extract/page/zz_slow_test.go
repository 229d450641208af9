package page

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestZZSlow(t *testing.T) {
	for _, tc := range []struct{ name, s string }{
		{"table300", strings.Repeat("<div><table><tr><td>", 300) + "Đảng"},
		{"table3000", strings.Repeat("<div><table><tr><td>", 3000) + "Đảng"},
		{"a10000", strings.Repeat("<a>x", 10000)},
		{"bi10000", strings.Repeat("<b><i>x<p>", 10000)},
		{"font", strings.Repeat("<font>", 50000)},
		{"div50000", strings.Repeat("<div>", 50000)},
		{"td", strings.Repeat("<td>x", 50000)},
		{"p", strings.Repeat("<p>Sáng nay, x, y, z", 50000)},
		{"tbl", "<table>" + strings.Repeat("<tr><td>x</td>", 20000) + "</table>"},
	} {
		t0 := time.Now()
		html.Parse(strings.NewReader(tc.s))
		d1 := time.Since(t0)
		t0 = time.Now()
		ParseHTML([]byte(tc.s), "", "http://x/", Options{})
		t.Logf("%s: %d bytes, html.Parse %v, ParseHTML %v", tc.name, len(tc.s), d1, time.Since(t0))
	}
}
