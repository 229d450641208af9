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
		slow.withEvidence = false
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

// TestMillionAwards checks the SQL sums on the generated database of
// 1,000,000 award rows against plain SQL over the same rows.
func TestMillionAwards(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000,000-award database")
	}
	db, err := store.OpenReadOnly(millionDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	var rows, total, repeats int64
	err = db.SQL().QueryRowContext(ctx, `SELECT count(*), sum(total) FROM awards`).Scan(&rows, &total)
	if err != nil || rows != 1_000_000 {
		t.Fatalf("%d rows, %v", rows, err)
	}
	err = db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM awards aw JOIN articles x ON x.id = aw.article_id
		WHERE EXISTS (SELECT 1 FROM articles y JOIN awards ay ON ay.article_id = y.id
			WHERE y.province = x.province AND y.event_date = x.event_date AND y.id < x.id
			AND ay.collectives IS aw.collectives AND ay.individuals IS aw.individuals AND ay.total IS aw.total)`).Scan(&repeats)
	if err != nil {
		t.Fatal(err)
	}
	sum := func(res *AwardsResult) (n int64) {
		for _, r := range res.Rows {
			n += r.Total
		}
		return n
	}
	all, err := Awards(ctx, db.SQL(), AwardsOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	merged, err := Awards(ctx, db.SQL(), AwardsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Rows) != 63 || sum(all) != total {
		t.Errorf("--all: %d provinces, total %d; want 63, %d", len(all.Rows), sum(all), total)
	}
	if merged.Merged != repeats || repeats == 0 {
		t.Errorf("merged %d reports, plain SQL finds %d repeats", merged.Merged, repeats)
	}
	if sum(merged) >= total {
		t.Errorf("merging did not lower the total: %d vs %d", sum(merged), total)
	}
}
