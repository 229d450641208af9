package page

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateLead = flag.Bool("update-lead", false, "rewrite testdata/lead/*.golden from the current output")

// TestLeadGolden checks pages whose lead (sapo) stands outside the body
// container: in a table row of its own, in a div or h2 named like a lead,
// or as a bold line before the body. Each testdata/lead/NAME.html has its
// expected body text in NAME.golden: the headline, the stamp and the
// furniture left out, the lead kept first when there is one.
func TestLeadGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "lead", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no lead fixtures: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := ParseHTML(raw, "", "https://tinh.example.vn/tin/"+name+".html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := p.Body() + "\n"
			golden := strings.TrimSuffix(f, ".html") + ".golden"
			if *updateLead {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("body of %s:\n%s\nwant:\n%s", name, got, want)
			}
		})
	}
}
