package query

import (
	"context"
	"io"
	"testing"

	"github.com/vnnews/vnnews/store"
)

// The award benchmarks run on a generated database of 1,000,000 award
// rows (250,000 articles, 4 awards each, every 20th article a repeat of
// the ceremony before it), built once and cached in the temp dir.
// BenchmarkCountAwards is the baseline: a bare count over the same table.

func benchDB(b *testing.B) *store.DB {
	b.Helper()
	db, err := store.OpenReadOnly(millionDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func BenchmarkCountAwards(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	for b.Loop() {
		var n int64
		if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM awards`).Scan(&n); err != nil || n != 1_000_000 {
			b.Fatal(n, err)
		}
	}
}

func benchAwards(b *testing.B, opt AwardsOptions) {
	db := benchDB(b)
	ctx := context.Background()
	for b.Loop() {
		res, err := Awards(ctx, db.SQL(), opt)
		if err != nil {
			b.Fatal(err)
		}
		if err := res.Write(io.Discard, FormatTable); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAwardsByProvince(b *testing.B) {
	benchAwards(b, AwardsOptions{By: []string{"province"}})
}

func BenchmarkAwardsByProvinceAll(b *testing.B) {
	benchAwards(b, AwardsOptions{By: []string{"province"}, All: true})
}

func BenchmarkAwardsByProvinceYear(b *testing.B) {
	benchAwards(b, AwardsOptions{By: []string{"province", "year"}})
}

func BenchmarkAwardsOneProvince(b *testing.B) {
	benchAwards(b, AwardsOptions{By: []string{"year"}, Province: "long an"})
}

func BenchmarkAwardsByProvinceYearAll(b *testing.B) {
	benchAwards(b, AwardsOptions{By: []string{"province", "year"}, All: true})
}
