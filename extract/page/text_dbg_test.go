package page

import (
	"fmt"
	"os"
	"testing"
)

func TestDbgHeader(t *testing.T) {
	f := os.Getenv("DBG_FILE")
	if f == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(f)
	p := ParseText(string(raw))
	fmt.Printf("TITLE %q\nPUB %v %v\nAUTHOR %q\n", p.Title, p.Published, p.PublishedHasClock, p.Author)
	for _, b := range p.Blocks {
		fmt.Printf("[%d] %.100s\n", b.Kind, b.Text)
	}
}
