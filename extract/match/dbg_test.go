package match

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgUnits(t *testing.T) {
	in := os.Getenv("DBG_UNITS")
	if in == "" {
		t.Skip()
	}
	for _, s := range strings.Split(in, "\n") {
		fmt.Printf("%q\n", s)
		for _, u := range Units(s, "") {
			fmt.Printf("   -> %s [%s]\n", u.Name, u.Role)
		}
		for _, o := range Officials(s) {
			fmt.Printf("   => %s %q\n", o.Name, o.Titles)
		}
	}
}
