package store_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/store"
)

func tempDB() (path string, cleanup func()) {
	dir, err := os.MkdirTemp("", "vnnews-example")
	if err != nil {
		log.Fatal(err)
	}
	return filepath.Join(dir, "vnnews.db"), func() { os.RemoveAll(dir) }
}

// A crawler stores each article with its raw page in one transaction;
// storing the same URL again updates it in place.
func ExampleDB_SaveArticle() {
	path, cleanup := tempDB()
	defer cleanup()
	ctx := context.Background()
	db, err := store.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	const u = "https://longan.dcs.vn/khen-thuong-10-tap-the-30-ca-nhan"
	page := &store.Page{
		URL: u, FetchedURL: u, Status: 200,
		ContentType: "text/html; charset=utf-8", ETag: `"v1"`,
		FetchedAt: time.Date(2024, 5, 16, 2, 27, 0, 0, time.UTC),
		Raw:       []byte("<html>…</html>"),
	}
	a := &facts.Article{
		URL:      u,
		Title:    facts.Str("Khen thưởng 10 tập thể, 30 cá nhân"),
		Province: facts.Str("Long An"),
		Awards:   []facts.Award{{Collectives: facts.Int(10), Individuals: facts.Int(30), Total: facts.Int(40), Form: "giấy khen"}},
		Body:     "Đảng ủy khối tặng giấy khen cho 10 tập thể, 30 cá nhân.",
	}
	id, created, err := db.SaveArticle(ctx, page, a)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(id, created)
	id, created, _ = db.SaveArticle(ctx, page, a)
	fmt.Println(id, created)

	c, _ := db.Counts(ctx)
	fmt.Printf("%d article, %d award of %d\n", c.Articles, c.Awards, c.AwardTotal)

	etag, _, ok, _ := db.Validators(ctx, u)
	fmt.Println(etag, ok)
	// Output:
	// 1 true
	// 1 false
	// 1 article, 1 award of 40
	// "v1" true
}

// The full-text index finds Vietnamese text typed without diacritics.
func ExampleDB_SQL_search() {
	path, cleanup := tempDB()
	defer cleanup()
	ctx := context.Background()
	db, err := store.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	for _, a := range []*facts.Article{
		{URL: "https://a.vn/1", Title: facts.Str("Khen thưởng 10 tập thể"), Body: "Đảng ủy khối tặng giấy khen."},
		{URL: "https://a.vn/2", Title: facts.Str("Hội nghị sơ kết"), Body: "Huyện ủy tổ chức hội nghị."},
	} {
		if _, _, err := db.SaveArticle(ctx, nil, a); err != nil {
			log.Fatal(err)
		}
	}
	for _, q := range []string{"khen thuong", `"dang uy"`, "hoi nghi"} {
		var url string
		err := db.SQL().QueryRow(`SELECT a.url FROM articles_fts f JOIN articles a ON a.id = f.rowid
			WHERE articles_fts MATCH ?`, q).Scan(&url)
		fmt.Println(q, "→", url, err)
	}
	// Output:
	// khen thuong → https://a.vn/1 <nil>
	// "dang uy" → https://a.vn/1 <nil>
	// hoi nghi → https://a.vn/2 <nil>
}

// reextract walks the stored raw pages and replaces each article's facts.
func ExampleDB_EachPage() {
	path, cleanup := tempDB()
	defer cleanup()
	ctx := context.Background()
	db, err := store.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	u := "https://a.vn/1"
	db.SaveArticle(ctx, &store.Page{URL: u, Status: 200, Raw: []byte("Sáng 16/5, khen thưởng 5 tập thể.")}, &facts.Article{URL: u})

	err = db.EachPage(ctx, func(id int64, p *store.Page) error {
		fmt.Printf("%d %s %q\n", id, p.URL, p.Raw)
		// Here reextract runs extract.Page(p.Raw, p.ContentType, p.FetchedURL, ...).
		a := &facts.Article{Awards: []facts.Award{{Collectives: facts.Int(5), Individuals: facts.Int(0), Total: facts.Int(5), Form: "khen thưởng"}}}
		return db.ReplaceFacts(ctx, id, a)
	})
	if err != nil {
		log.Fatal(err)
	}
	c, _ := db.Counts(ctx)
	fmt.Println(c.Awards)
	// Output:
	// 1 https://a.vn/1 "Sáng 16/5, khen thưởng 5 tập thể."
	// 1
}

// Each crawl is recorded; a run left running by a killed process is
// marked killed when the next one starts.
func ExampleDB_StartRun() {
	path, cleanup := tempDB()
	defer cleanup()
	ctx := context.Background()
	db, err := store.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	db.StartRun(ctx) // killed before it finished
	id, _ := db.StartRun(ctx)
	db.FinishRun(ctx, id, store.RunStats{Pages: 18, NewArticles: 15, Errors: 1, ErrorsByKind: map[string]int{"http 404": 1}})
	runs, _ := db.Runs(ctx, 0)
	for _, r := range runs {
		fmt.Println(r.ID, r.Stats.Status, r.Stats.Pages, r.Stats.NewArticles, r.Stats.ErrorsByKind)
	}
	// Output:
	// 2 finished 18 15 map[http 404:1]
	// 1 killed 0 0 map[]
}
