package match

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgAwards(t *testing.T) {
	in := os.Getenv("DBG_AWARDS")
	if in == "" {
		t.Skip()
	}
	str := func(p *int) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	for _, s := range strings.Split(in, "\n") {
		fmt.Printf("%q\n", s)
		for _, a := range Awards(s) {
			fmt.Printf("   -> %s,%s,%s %q by %q\n", str(a.Collectives), str(a.Individuals), str(a.Total), a.Form, a.ConferredBy)
		}
	}
}
