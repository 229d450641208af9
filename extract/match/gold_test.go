package match_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnnews/vnnews/extract"
	"github.com/vnnews/vnnews/extract/eval"
	"github.com/vnnews/vnnews/extract/facts"
)

// scoreDir runs the whole extraction over a gold directory.
func scoreDir(t *testing.T, dir string) *eval.Report {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not present", dir)
	}
	cases, err := eval.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Skipf("no cases in %s", dir)
	}
	rep := eval.Run(cases, func(raw []byte) (*facts.Article, error) {
		return extract.Page(raw, "", "", extract.Options{})
	})
	var b strings.Builder
	rep.WriteTable(&b, len(cases))
	if os.Getenv("GOLD_VERBOSE") != "" {
		rep.WriteCases(&b)
	}
	t.Logf("%s:\n%s", dir, b.String())
	return rep
}

// floors are the scores the project gold must keep; raise them as the
// matchers improve, never lower them to make a change pass. They are set
// again, just below the scores, only when a blind set joins the gold: last
// when cases 152-199 (two blind sets of the third session) joined, at
// 1.000 everywhere but units (F1 0.993) over all 199 cases; cases 200-237
// joined after (237 cases: title 0.996, units 0.989, the rest 0.999+).
var floors = map[string]float64{
	"title": 0.99, "published": 0.99, "event_date": 0.99, "province": 0.99,
	"directives": 0.99, "officials": 0.99, "official titles": 0.99,
	"awards": 0.99, "units": 0.98,
}

// seedFloors are the same for the shared seeds, where present.
var seedFloors = map[string]float64{
	"title": 0.97, "published": 0.97, "event_date": 0.97, "province": 0.97,
	"directives": 0.97, "officials": 0.97, "official titles": 0.97,
	"awards": 0.97, "units": 0.97,
}

func TestProjectGold(t *testing.T) {
	rep := scoreDir(t, filepath.Join("..", "..", "testdata", "gold"))
	checkFloors(t, rep, floors)
}

func checkFloors(t *testing.T, rep *eval.Report, floors map[string]float64) {
	t.Helper()
	for name, min := range floors {
		f := rep.Field(name)
		got := f.F1()
		if f.Total > 0 {
			got = f.Accuracy()
		}
		if got < min {
			t.Errorf("%s = %.3f, below floor %.3f", name, got, min)
		}
	}
}

func TestSeeds(t *testing.T) {
	rep := scoreDir(t, filepath.Join("..", "..", "..", "shared", "gold", "seeds"))
	checkFloors(t, rep, seedFloors)
}
