package store

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

// benchPage is a page of the genre's size: ~60 KB of HTML, mostly
// navigation and related-news furniture around a short article.
var benchRaw = []byte(strings.Repeat(`<div class="tin-khac"><a href="/tin-tuc/khen-thuong">Khen thưởng 12 tập thể, 25 cá nhân thực hiện Chỉ thị 05-CT/TW</a><span>16/05/2024</span></div>`+"\n", 400))

// BenchmarkSaveArticle stores articles (page gzip, facts, FTS) one
// transaction each. The "bare-insert" sub-benchmark is the baseline: one
// autocommitted INSERT of url and body into a plain table on the same
// kind of database, the least any store must do per article. Compare
// their articles/s.
func BenchmarkSaveArticle(b *testing.B) {
	ctx := context.Background()
	b.Run("bare-insert", func(b *testing.B) {
		d := openTemp(b)
		if _, err := d.SQL().Exec(`CREATE TABLE bare(url TEXT PRIMARY KEY, body TEXT)`); err != nil {
			b.Fatal(err)
		}
		a := sampleArticle("")
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := d.SQL().ExecContext(ctx, `INSERT INTO bare(url, body) VALUES (?, ?)`,
				"https://longan.dcs.vn/bai-"+strconv.Itoa(i), a.Body); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	b.Run("SaveArticle", func(b *testing.B) {
		d := openTemp(b)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			u := "https://longan.dcs.vn/bai-" + strconv.Itoa(i)
			p := samplePage(u)
			p.Raw = benchRaw
			if _, _, err := d.SaveArticle(ctx, p, sampleArticle(u)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	b.Run("SaveArticle-update", func(b *testing.B) {
		d := openTemp(b)
		const u = "https://longan.dcs.vn/bai"
		p := samplePage(u)
		p.Raw = benchRaw
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, _, err := d.SaveArticle(ctx, p, sampleArticle(u)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}
