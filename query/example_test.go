package query_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/query"
	"github.com/vnnews/vnnews/store"
)

// exampleDB stores one ceremony in Long An as two portals reported it,
// and returns the database opened read-only.
func exampleDB() (*store.DB, func()) {
	dir, err := os.MkdirTemp("", "vnnews-example")
	if err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(dir, "vnnews.db")
	w, err := store.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	for i, site := range []string{"baolongan.vn", "longan.dcs.vn"} {
		a := &facts.Article{
			URL:       fmt.Sprintf("https://%s/tin-%d.html", site, i),
			Title:     facts.Str("Khen thưởng 10 tập thể, 30 cá nhân thực hiện Kết luận 01-KL/TW"),
			Published: facts.Str("2024-05-16"), EventDate: facts.Str("2024-05-16"), Province: facts.Str("Long An"),
			Directives: []facts.Directive{{Code: "01-KL/TW", Kind: "Kết luận"}},
			Awards: []facts.Award{{Collectives: facts.Int(10), Individuals: facts.Int(30), Total: facts.Int(40),
				Form: "giấy khen", Evidence: "Đảng ủy khối tặng giấy khen cho 10 tập thể, 30 cá nhân."}},
			Units: []facts.Unit{{Name: "Đảng bộ Cục Thuế tỉnh", Role: facts.RoleExemplary}},
			Body:  "Đảng ủy khối tặng giấy khen cho 10 tập thể, 30 cá nhân.",
		}
		if _, _, err := w.SaveArticle(context.Background(), nil, a); err != nil {
			log.Fatal(err)
		}
	}
	w.Close()
	db, err := store.OpenReadOnly(path)
	if err != nil {
		log.Fatal(err)
	}
	return db, func() { db.Close(); os.RemoveAll(dir) }
}

func ExampleAwards() {
	db, done := exampleDB()
	defer done()
	res, err := query.Awards(context.Background(), db.SQL(), query.AwardsOptions{
		By:       []string{"province", "year"},
		Province: "long an", // case and diacritics optional
	})
	if err != nil {
		log.Fatal(err)
	}
	res.Write(os.Stdout, query.FormatTable)
	// Output:
	// province  year  collectives  individuals  total  articles
	// ────────  ────  ───────────  ───────────  ─────  ────────
	// Long An   2024           10           30     40         1
	// (merged 1 repeat report(s) of a ceremony already counted: same province, event date and counts; --all counts every report)
}

func ExampleSearch() {
	db, done := exampleDB()
	defer done()
	hits, err := query.Search(context.Background(), db.SQL(), `"dang uy khoi"`, query.SearchOptions{Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	query.WriteHits(os.Stdout, hits, query.FormatTable)
	// Output:
	// 1. Khen thưởng 10 tập thể, 30 cá nhân thực hiện Kết luận 01-KL/TW (2024-05-16, Long An)
	//    https://baolongan.vn/tin-0.html
	//    [Đảng] [ủy] [khối] tặng giấy khen cho 10 tập thể, 30 cá nhân.
}

func ExampleExport() {
	db, done := exampleDB()
	defer done()
	var b strings.Builder
	if err := query.Export(context.Background(), db.SQL(), "directives", &b, query.ExportOptions{}); err != nil {
		log.Fatal(err)
	}
	// Lines end in CRLF as RFC 4180 wants; shown here without the CR.
	fmt.Print(strings.ReplaceAll(b.String(), "\r\n", "\n"))
	// Output:
	// code,kind,issued_on,mention,article_id,province,date,published,title,url
	// 01-KL/TW,Kết luận,,,1,Long An,2024-05-16,2024-05-16,"Khen thưởng 10 tập thể, 30 cá nhân thực hiện Kết luận 01-KL/TW",https://baolongan.vn/tin-0.html
	// 01-KL/TW,Kết luận,,,2,Long An,2024-05-16,2024-05-16,"Khen thưởng 10 tập thể, 30 cá nhân thực hiện Kết luận 01-KL/TW",https://longan.dcs.vn/tin-1.html
}

func ExampleSQL() {
	db, done := exampleDB()
	defer done()
	res, err := query.SQL(context.Background(), db.SQL(), `SELECT site, province FROM articles ORDER BY id`)
	if err != nil {
		log.Fatal(err)
	}
	res.Write(os.Stdout, query.FormatTable)
	_, err = query.SQL(context.Background(), db.SQL(), `DELETE FROM awards`)
	fmt.Println(err)
	// Output:
	// site           province
	// ─────────────  ────────
	// baolongan.vn   Long An
	// longan.dcs.vn  Long An
	// (2 rows)
	// refused DELETE on awards: vnnews sql is read-only (SELECT, WITH and read-only PRAGMAs only)
}

func ExampleNeutralize() {
	fmt.Println(query.Neutralize("=HYPERLINK(\"http://x\")"))
	fmt.Println(query.Neutralize("Đảng bộ Cục Thuế"))
	// Output:
	// '=HYPERLINK("http://x")
	// Đảng bộ Cục Thuế
}

func ExampleNormalizeDirective() {
	fmt.Println(query.NormalizeDirective("01 – kl/tư"))
	// Output: 01-KL/TW
}

func ExampleExpandQuery() {
	fmt.Println(query.ExpandQuery(`"dang uy" khen`))
	// Output: ("dang uy" OR "đang uy") khen
}

func ExampleDisplayWidth() {
	fmt.Println(query.DisplayWidth("Thừa Thiên Huế"), len("Thừa Thiên Huế"))
	// Output: 14 19
}
