package query

import (
	"context"
	"io"
	"testing"
)

// BenchmarkExportAwards exports the 1,000,000 generated awards as CSV
// (compare with BenchmarkCountAwards).
func BenchmarkExportAwards(b *testing.B) {
	db := benchDB(b)
	for b.Loop() {
		if err := Export(context.Background(), db.SQL(), "awards", io.Discard, ExportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
