package page

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestSeedsDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("/work/shared/gold/seeds/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		p := ParseText(string(b))
		fmt.Printf("== %s\nTITLE %q\nPUB %v %v\nAUTHOR %q\n", f, p.Title, p.Published, p.PublishedHasClock, p.Author)
		for _, bl := range p.Blocks {
			r := []rune(bl.Text)
			if len(r) > 70 {
				r = r[:70]
			}
			fmt.Printf("  %d %s\n", bl.Kind, string(r))
		}
	}
}
