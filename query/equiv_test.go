package query

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/vnnews/vnnews/store"
)

// TestFastMatchesEvidence checks that the SQL sums agree with the sums
// taken row by row in Go (the --evidence path) on a generated database.
func TestFastMatchesEvidence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gen.db")
	genDB(t, path, 3000, 3)
	db, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, opt := range []AwardsOptions{
		{},
		{All: true},
		{By: []string{"province", "year"}},
		{By: []string{"month"}, From: "2020-02", To: "2021"},
		{By: []string{"site", "form"}},
		{By: []string{"directive"}},
		{By: []string{"directive", "province"}, Directive: "01-kl/tw"},
		{By: []string{"form"}, Directive: "05 - CT/TƯ", Province: "ha noi, Long An"},
	} {
		fast, err := Awards(ctx, db.SQL(), opt)
		if err != nil {
			t.Fatalf("%+v: %v", opt, err)
		}
		opt.Evidence = true
		slow, err := Awards(ctx, db.SQL(), opt)
		if err != nil {
			t.Fatalf("%+v: %v", opt, err)
		}
		for i := range slow.Rows {
			slow.Rows[i].Evidence = nil
		}
		if !opt.All && opt.Directive == "" && fast.Merged == 0 {
			t.Errorf("%+v: nothing merged", opt)
		}
		if len(fast.Rows) == 0 {
			t.Errorf("%+v: no rows", opt)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%+v: fast and row-by-row sums differ:\nfast %+v\nslow %+v", opt, fast, slow)
		}
	}
}
