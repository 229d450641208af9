package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vnnews/vnnews/extract/facts"
)

// sampleArticle is a commendation report in the genre's style.
func sampleArticle(u string) *facts.Article {
	return &facts.Article{
		URL:       u,
		Title:     facts.Str("Khen thưởng 10 tập thể, 30 cá nhân thực hiện Kết luận 01-KL/TW"),
		Published: facts.Str("2024-05-16"),
		EventDate: facts.Str("2024-05-16"),
		Province:  facts.Str("Long An"),
		Directives: []facts.Directive{
			{Code: "01-KL/TW", Kind: "Kết luận", Date: facts.Str("2021-05-18"), Mention: "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị"},
		},
		Officials: []facts.Official{
			{Name: "Hoàng Đình Cán", Titles: []string{"Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"}},
		},
		Awards: []facts.Award{
			{Collectives: facts.Int(10), Individuals: facts.Int(30), Total: facts.Int(40), Form: "giấy khen",
				ConferredBy: "Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh",
				Evidence:    "Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh tặng giấy khen cho 10 tập thể, 30 cá nhân."},
			{Total: facts.Int(27), Form: "biểu dương"},
		},
		Units: []facts.Unit{
			{Name: "Đảng bộ cơ sở Cục Thuế tỉnh", Role: facts.RoleExemplary},
		},
		Author: "Thanh Hà",
		Body: "Sáng 16/5, Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh tổ chức sơ kết 3 năm thực hiện Kết luận số 01-KL/TW.\n\n" +
			"Dịp này, Đảng ủy khối tặng giấy khen cho 10 tập thể, 30 cá nhân có thành tích xuất sắc.",
		Site: "longan.dcs.vn",
	}
}

func samplePage(u string) *Page {
	return &Page{
		URL:          u,
		FetchedURL:   u + "?utm=1",
		Status:       200,
		ContentType:  "text/html; charset=utf-8",
		ETag:         `"abc123"`,
		LastModified: "Thu, 16 May 2024 02:00:00 GMT",
		FetchedAt:    time.Date(2024, 5, 16, 9, 27, 0, 0, time.UTC),
		Province:     "Long An",
		Raw:          []byte("<html><head><title>Khen thưởng</title></head><body><p>Sáng 16/5, Đảng ủy khối ...</p></body></html>"),
	}
}

func openTemp(t testing.TB) *DB {
	t.Helper()
	d, err := Open(filepath.Join(t.TempDir(), "vnnews.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func count(t testing.TB, d *DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.SQL().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestOpenCreatesCurrentSchema(t *testing.T) {
	d := openTemp(t)
	if got := count(t, d, "PRAGMA user_version"); got != SchemaVersion() {
		t.Errorf("user_version = %d, want %d", got, SchemaVersion())
	}
	var mode string
	d.SQL().QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	for _, table := range []string{"articles", "pages", "directives", "officials", "awards", "units", "crawl_runs", "articles_fts", "frontier"} {
		if count(t, d, "SELECT count(*) FROM sqlite_master WHERE name = ?", table) != 1 {
			t.Errorf("table %s missing", table)
		}
	}
	// Opening again is a no-op.
	d2, err := Open(d.Path())
	if err != nil {
		t.Fatal(err)
	}
	d2.Close()
}

func TestSaveArticleAndUpdateInPlace(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	const u = "https://longan.dcs.vn/tin-tuc/khen-thuong-10-tap-the"
	a := sampleArticle(u)
	id, created, err := d.SaveArticle(ctx, samplePage(u), a)
	if err != nil {
		t.Fatal(err)
	}
	if !created || id == 0 {
		t.Fatalf("first save: id=%d created=%v", id, created)
	}
	got, err := d.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleArticle(u)
	want.Normalize()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back:\n got %+v\nwant %+v", got, want)
	}
	var site, fetched, hash, titles string
	d.SQL().QueryRow("SELECT site, fetched_at, content_hash FROM articles WHERE id = ?", id).Scan(&site, &fetched, &hash)
	if site != "longan.dcs.vn" {
		t.Errorf("site = %q", site)
	}
	if fetched != "2024-05-16T09:27:00Z" {
		t.Errorf("fetched_at = %q", fetched)
	}
	if hash != ContentHash(a.Body) {
		t.Errorf("content_hash = %q", hash)
	}
	d.SQL().QueryRow("SELECT titles FROM officials WHERE article_id = ?", id).Scan(&titles)
	if titles != "Ủy viên Ban Thường vụ Tỉnh ủy; Trưởng ban Tuyên giáo Tỉnh ủy" {
		t.Errorf("titles = %q", titles)
	}

	// Same URL again, with fewer facts: same id, one row, facts replaced.
	b := sampleArticle(u)
	b.Awards = b.Awards[:1]
	b.Units = nil
	b.Title = facts.Str("Khen thưởng 10 tập thể, 30 cá nhân")
	id2, created2, err := d.SaveArticle(ctx, samplePage(u), b)
	if err != nil {
		t.Fatal(err)
	}
	if id2 != id || created2 {
		t.Errorf("second save: id=%d created=%v, want id=%d created=false", id2, created2, id)
	}
	for q, want := range map[string]int{
		"SELECT count(*) FROM articles":                               1,
		"SELECT count(*) FROM pages":                                  1,
		"SELECT count(*) FROM awards":                                 1,
		"SELECT count(*) FROM units":                                  0,
		"SELECT count(*) FROM directives":                             1,
		"SELECT count(*) FROM officials":                              1,
		"SELECT count(*) FROM articles_fts":                           1,
		"SELECT count(*) FROM articles_fts WHERE rowid = " + itoa(id): 1,
	} {
		if got := count(t, d, q); got != want {
			t.Errorf("%s = %d, want %d", q, got, want)
		}
	}
	var title string
	d.SQL().QueryRow("SELECT title FROM articles WHERE id = ?", id).Scan(&title)
	if title != *b.Title {
		t.Errorf("title after update = %q", title)
	}
	c, err := d.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c != (Counts{Articles: 1, Pages: 1, Directives: 1, Officials: 1, Awards: 1, Units: 0, AwardTotal: 40}) {
		t.Errorf("Counts = %+v", c)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestSaveArticleNFC(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	a := sampleArticle("https://baolongan.vn/nfd")
	// "Khen thưởng" decomposed (NFD): ư = u + U+031B, ở = o + U+031B + U+0309.
	a.Title = facts.Str("Khen thu\u031bo\u031b\u0309ng")
	a.Body = "Tặng gia\u0302\u0301y khen"
	id, _, err := d.SaveArticle(ctx, nil, a)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := d.Article(ctx, id)
	if *got.Title != "Khen thưởng" || got.Body != "Tặng giấy khen" {
		t.Errorf("stored %q / %q, want NFC", *got.Title, got.Body)
	}
	if count(t, d, "SELECT count(*) FROM pages") != 0 {
		t.Error("nil page stored a pages row")
	}
}

func TestSaveArticleNeedsURL(t *testing.T) {
	d := openTemp(t)
	a := sampleArticle("")
	if _, _, err := d.SaveArticle(context.Background(), nil, a); err == nil {
		t.Error("saved an article without URL")
	}
}

// TestSaveArticleAtomic makes a late insert fail and checks that nothing of
// the article, new or updated, is left half written.
func TestSaveArticleAtomic(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	if _, err := d.SQL().Exec(`CREATE TRIGGER boom BEFORE INSERT ON units
		WHEN NEW.name = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`); err != nil {
		t.Fatal(err)
	}
	const u = "https://tuyengiao.vn/boom"
	a := sampleArticle(u)
	a.Units = append(a.Units, facts.Unit{Name: "boom", Role: facts.RoleAwarded})
	if _, _, err := d.SaveArticle(ctx, samplePage(u), a); err == nil || !strings.Contains(err.Error(), u) {
		t.Fatalf("SaveArticle = %v, want an error naming %s", err, u)
	}
	for _, table := range []string{"articles", "pages", "directives", "officials", "awards", "units", "articles_fts"} {
		if n := count(t, d, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%s has %d rows after a failed save", table, n)
		}
	}

	// A failed update leaves the stored version whole.
	good := sampleArticle(u)
	good.Site = "tuyengiao.vn"
	id, _, err := d.SaveArticle(ctx, samplePage(u), good)
	if err != nil {
		t.Fatal(err)
	}
	bad := sampleArticle(u)
	bad.Title = facts.Str("changed")
	bad.Units = []facts.Unit{{Name: "boom", Role: facts.RoleAwarded}}
	if _, _, err := d.SaveArticle(ctx, samplePage(u), bad); err == nil {
		t.Fatal("bad update succeeded")
	}
	got, err := d.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	good.Normalize()
	if !reflect.DeepEqual(got, good) {
		t.Errorf("after failed update:\n got %+v\nwant %+v", got, good)
	}
	if err := d.ReplaceFacts(ctx, id, bad); err == nil {
		t.Fatal("bad ReplaceFacts succeeded")
	}
	if got, _ := d.Article(ctx, id); !reflect.DeepEqual(got, good) {
		t.Errorf("after failed ReplaceFacts: %+v", got)
	}
}

func TestSaveArticleCancelled(t *testing.T) {
	d := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := d.SaveArticle(ctx, samplePage("https://a.vn/x"), sampleArticle("https://a.vn/x")); !errors.Is(err, context.Canceled) {
		t.Errorf("SaveArticle with cancelled context = %v", err)
	}
	if n := count(t, d, "SELECT count(*) FROM articles"); n != 0 {
		t.Errorf("%d articles after cancelled save", n)
	}
}

func TestRawPageRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	// windows-1258 bytes must come back exactly, not re-encoded.
	raw := []byte("<html><meta charset=\"windows-1258\"><p>Kh\xean th\xfd\xf5\xecng</p></html>")
	var pages []*Page
	for i, u := range []string{"https://a.vn/1", "https://a.vn/2", "https://b.vn/3"} {
		p := samplePage(u)
		if i == 1 {
			p.Raw = raw
			p.ContentType = "text/html; charset=windows-1258"
		}
		if _, _, err := d.SaveArticle(ctx, p, sampleArticle(u)); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if _, _, err := d.SaveArticle(ctx, nil, sampleArticle("https://no-page.vn/")); err != nil {
		t.Fatal(err)
	}
	var got []*Page
	var ids []int64
	err := d.EachPage(ctx, func(id int64, p *Page) error {
		ids = append(ids, id)
		got = append(got, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("EachPage gave %d pages, want 3", len(got))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], pages[i]) {
			t.Errorf("page %d:\n got %+v\nwant %+v", ids[i], got[i], pages[i])
		}
	}
	stop := errors.New("stop")
	if err := d.EachPage(ctx, func(int64, *Page) error { return stop }); err != stop {
		t.Errorf("EachPage error = %v, want fn's error", err)
	}
}

// TestEachPageReplaceFacts writes from inside the walk, as reextract does,
// over more pages than one batch.
func TestEachPageReplaceFacts(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	n := eachPageBatch*2 + 3
	for i := 0; i < n; i++ {
		u := "https://a.vn/" + itoa(int64(i+1))
		if _, _, err := d.SaveArticle(ctx, samplePage(u), sampleArticle(u)); err != nil {
			t.Fatal(err)
		}
	}
	seen := 0
	err := d.EachPage(ctx, func(id int64, p *Page) error {
		seen++
		a := sampleArticle(p.URL)
		a.Units = nil
		return d.ReplaceFacts(ctx, id, a)
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != n {
		t.Errorf("walked %d pages, want %d", seen, n)
	}
	if u := count(t, d, "SELECT count(*) FROM units"); u != 0 {
		t.Errorf("%d units left after ReplaceFacts", u)
	}
	if err := d.ReplaceFacts(ctx, 99999, sampleArticle("x")); !errors.Is(err, ErrNotFound) {
		t.Errorf("ReplaceFacts of unknown id = %v", err)
	}
}

func TestLookups(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	const u = "https://longan.dcs.vn/bai-1"
	p := samplePage(u)
	a := sampleArticle(u)
	if ok, err := d.HasURL(ctx, u); err != nil || ok {
		t.Fatalf("HasURL before save = %v, %v", ok, err)
	}
	if _, _, ok, err := d.Validators(ctx, u); err != nil || ok {
		t.Fatalf("Validators before save: ok=%v err=%v", ok, err)
	}
	if _, _, err := d.SaveArticle(ctx, p, a); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{u, p.FetchedURL} {
		if ok, err := d.HasURL(ctx, q); err != nil || !ok {
			t.Errorf("HasURL(%s) = %v, %v", q, ok, err)
		}
		etag, lm, ok, err := d.Validators(ctx, q)
		if err != nil || !ok || etag != p.ETag || lm != p.LastModified {
			t.Errorf("Validators(%s) = %q %q %v %v", q, etag, lm, ok, err)
		}
	}
	// The same text with other spacing or in NFD is the same article.
	body := strings.ReplaceAll(a.Body, " ", "  ") + "\n"
	got, ok, err := d.ArticleByHash(ctx, ContentHash(body))
	if err != nil || !ok || got != u {
		t.Errorf("ArticleByHash = %q %v %v", got, ok, err)
	}
	if _, ok, _ := d.ArticleByHash(ctx, ContentHash("khác hẳn")); ok {
		t.Error("ArticleByHash found a different body")
	}
	later := time.Date(2024, 6, 1, 1, 2, 3, 0, time.FixedZone("ICT", 7*3600))
	if err := d.Touch(ctx, p.FetchedURL, later); err != nil {
		t.Fatal(err)
	}
	var fetched string
	d.SQL().QueryRow("SELECT fetched_at FROM articles WHERE url = ?", u).Scan(&fetched)
	if fetched != "2024-05-31T18:02:03Z" {
		t.Errorf("fetched_at after Touch = %q", fetched)
	}
	if err := d.Touch(ctx, "https://nowhere.vn/", later); !errors.Is(err, ErrNotFound) {
		t.Errorf("Touch of unknown URL = %v", err)
	}
}

func TestContentHash(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Khen thưởng 10 tập thể", "Khen  thưởng\n10 tập thể ", true},
		{"Khen thưởng", "Khen thu\u031bo\u031b\u0309ng", true},
		{"Khen thưởng", "Khen thuong", false},
		{"10 tập thể", "11 tập thể", false},
	}
	for _, tt := range tests {
		if got := ContentHash(tt.a) == ContentHash(tt.b); got != tt.same {
			t.Errorf("ContentHash(%q) == ContentHash(%q) is %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestFTSWithoutDiacritics(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	docs := map[string]*facts.Article{}
	a := sampleArticle("https://a.vn/khen")
	docs[a.URL] = a
	b := sampleArticle("https://a.vn/hop")
	b.Title = facts.Str("Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12")
	b.Body = "Chiều nay (8/5), Huyện ủy Châu Thành tổ chức hội nghị sơ kết công tác xây dựng Đảng."
	docs[b.URL] = b
	ids := map[string]int64{}
	for u, x := range docs {
		id, _, err := d.SaveArticle(ctx, nil, x)
		if err != nil {
			t.Fatal(err)
		}
		ids[u] = id
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"khen thuong", []string{a.URL}},
		{"khen thưởng", []string{a.URL}},
		{"KHEN THƯỞNG", []string{a.URL}},
		{`"khen thuong"`, []string{a.URL}},
		{`"dang uy"`, []string{a.URL}}, // Đảng ủy: đ is not a diacritic to unicode61
		{"dang uy", []string{a.URL, b.URL}},
		{"huyen uy chau thanh", []string{b.URL}},
		{"Đảng", []string{a.URL, b.URL}},
		{"dang", []string{a.URL, b.URL}},
		{"hội nghị", []string{b.URL}},
		{"khen hoi", nil},
	}
	for _, tt := range tests {
		rows, err := d.SQL().Query(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid`, tt.query)
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		var got []int64
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			got = append(got, id)
		}
		rows.Close()
		var want []int64
		for _, u := range tt.want {
			want = append(want, ids[u])
		}
		if len(want) > 1 && want[0] > want[1] {
			want[0], want[1] = want[1], want[0]
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("MATCH %q = %v, want %v", tt.query, got, want)
		}
	}
	// The literal query the issue names.
	if n := count(t, d, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'khen thuong'`); n != 1 {
		t.Errorf("MATCH 'khen thuong' found %d rows", n)
	}
}

func TestMigrateFromV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(migrations[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO articles(url, fetched_at, title) VALUES ('https://a.vn/cu', '2024-01-01T00:00:00Z', 'Bài cũ'); PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	if _, err := OpenReadOnly(path); err == nil || !strings.Contains(err.Error(), "older") {
		t.Errorf("OpenReadOnly of a v1 database = %v, want an error asking to migrate", err)
	}
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if v := count(t, d, "PRAGMA user_version"); v != SchemaVersion() {
		t.Errorf("user_version after migration = %d, want %d", v, SchemaVersion())
	}
	if n := count(t, d, "SELECT count(*) FROM articles WHERE title = 'Bài cũ'"); n != 1 {
		t.Error("old article lost in migration")
	}
	if n := count(t, d, "SELECT count(*) FROM sqlite_master WHERE name = 'frontier'"); n != 1 {
		t.Error("migration 2 not applied")
	}
}

// TestMigrateFromV2 opens a database of schema version 2, made by the
// schema SQL of the vnnews before skips were recorded, whose runs counted
// the URLs robots.txt forbids among their errors: the runs gain skipped
// and skipped_by_reason, robots moves from the errors to the skips, and
// the rest is kept.
func TestMigrateFromV2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations[:2] {
		if _, err := raw.Exec(m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := raw.Exec(`
		INSERT INTO articles(url, fetched_at, title) VALUES ('https://a.vn/cu', '2024-01-01T00:00:00Z', 'Bài cũ');
		INSERT INTO crawl_runs(id, started_at, finished_at, pages, new_articles, errors, errors_by_kind, status) VALUES
			(1, '2024-01-01T00:00:00Z', '2024-01-01T00:01:00Z', 41, 21, 6, '{"http_4xx":1,"robots":5}', 'finished'),
			(2, '2024-01-02T00:00:00Z', '2024-01-02T00:01:00Z', 20, 0, 2, '{"robots":2}', 'finished'),
			(3, '2024-01-03T00:00:00Z', '2024-01-03T00:01:00Z', 9, 3, 1, '{"timeout":1}', 'finished'),
			(4, '2024-01-04T00:00:00Z', NULL, 0, 0, 0, '{}', 'killed');
		PRAGMA user_version = 2`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	if _, err := OpenReadOnly(path); err == nil || !strings.Contains(err.Error(), "older") {
		t.Errorf("OpenReadOnly of a v2 database = %v, want an error asking to migrate", err)
	}
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if v := count(t, d, "PRAGMA user_version"); v != SchemaVersion() || v != 3 {
		t.Errorf("user_version after migration = %d, want %d", v, SchemaVersion())
	}
	if n := count(t, d, "SELECT count(*) FROM articles WHERE title = 'Bài cũ'"); n != 1 {
		t.Error("old article lost in migration")
	}
	rows, err := d.SQL().Query(`SELECT id, pages, new_articles, errors, errors_by_kind, skipped, skipped_by_reason, status
		FROM crawl_runs ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var id, pages, newArticles, errs, skipped int
		var byKind, byReason, status string
		if err := rows.Scan(&id, &pages, &newArticles, &errs, &byKind, &skipped, &byReason, &status); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %d %d %d %s %d %s %s", id, pages, newArticles, errs, byKind, skipped, byReason, status))
	}
	rows.Close()
	want := []string{
		`1 41 21 1 {"http_4xx":1} 5 {"robots":5} finished`,
		`2 20 0 0 {} 2 {"robots":2} finished`,
		`3 9 3 1 {"timeout":1} 0 {} finished`,
		`4 0 0 0 {} 0 {} killed`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("crawl_runs after migration:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The migrated database takes new runs with their skips.
	ctx := context.Background()
	id, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stats := RunStats{Pages: 3, Errors: 0, ErrorsByKind: map[string]int{}, Skipped: 4,
		SkippedByReason: map[string]int{"robots": 1, "stored": 3}, Status: RunFinished}
	if err := d.FinishRun(ctx, id, stats); err != nil {
		t.Fatal(err)
	}
	runs, err := d.Runs(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || !reflect.DeepEqual(runs[0].Stats, stats) {
		t.Errorf("run after migration = %+v, want %+v", runs, stats)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.SQL().Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	d.Close()
	for name, open := range map[string]func(string) (*DB, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		_, err := open(path)
		if !errors.Is(err, ErrNewerSchema) {
			t.Errorf("%s of a version 99 database = %v, want ErrNewerSchema", name, err)
		} else if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "99") {
			t.Errorf("%s error %q does not name the file and version", name, err)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	os.WriteFile(notDB, []byte("Khen thưởng 10 tập thể, 30 cá nhân\n"), 0o644)
	short := filepath.Join(dir, "short.db")
	os.WriteFile(short, []byte("SQL"), 0o644)
	other := filepath.Join(dir, "other.db")
	if raw, err := sql.Open("sqlite3", other); err == nil {
		raw.Exec("CREATE TABLE t(x)")
		raw.Close()
	}
	tests := []struct {
		name, path string
		readOnly   bool
		want       string
	}{
		{"missing directory", filepath.Join(dir, "no", "such", "dir", "vnnews.db"), false, "directory " + filepath.Join(dir, "no", "such", "dir") + " does not exist"},
		{"missing directory ro", filepath.Join(dir, "nodir", "vnnews.db"), true, "does not exist"},
		{"missing file ro", filepath.Join(dir, "absent.db"), true, "no such file"},
		{"text file", notDB, false, "not a vnnews SQLite database"},
		{"text file ro", notDB, true, "not a vnnews SQLite database"},
		{"short file", short, false, "not a vnnews SQLite database"},
		{"other app's SQLite", other, false, "not a vnnews SQLite database"},
		{"directory", dir, false, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			open := Open
			if tt.readOnly {
				open = OpenReadOnly
			}
			d, err := open(tt.path)
			if err == nil {
				d.Close()
				t.Fatalf("opened %s", tt.path)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not say %q and name %s", err, tt.want, tt.path)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "absent.db")); err == nil {
		t.Error("OpenReadOnly created a file")
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "vnnews.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.SaveArticle(ctx, nil, sampleArticle("https://a.vn/1")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, _, err = r.SaveArticle(ctx, nil, sampleArticle("https://a.vn/2"))
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "https://a.vn/2") {
		t.Errorf("SaveArticle on read-only = %v, want ErrReadOnly naming the URL", err)
	}
	if _, err := r.SQL().Exec("DELETE FROM articles"); err == nil {
		t.Error("raw DELETE through a read-only handle succeeded")
	}
	if c, err := r.Counts(ctx); err != nil || c.Articles != 1 {
		t.Errorf("Counts on read-only = %+v, %v", c, err)
	}
}

func TestReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write any file")
	}
	path := filepath.Join(t.TempDir(), "vnnews.db")
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	os.Chmod(path, 0o444)
	if _, err := Open(path); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Errorf("Open of a read-only file = %v", err)
	}
	if d, err := OpenReadOnly(path); err != nil {
		t.Errorf("OpenReadOnly of a read-only file = %v", err)
	} else {
		d.Close()
	}
}

func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	// Cap the file at its current size: the next big write finds no room.
	pages := count(t, d, "PRAGMA page_count")
	if _, err := d.SQL().Exec("PRAGMA max_page_count = " + itoa(int64(pages+2))); err != nil {
		t.Fatal(err)
	}
	const u = "https://a.vn/lon"
	a := sampleArticle(u)
	a.Body = strings.Repeat("Khen thưởng 10 tập thể, 30 cá nhân có thành tích xuất sắc. ", 4000)
	_, _, err := d.SaveArticle(ctx, nil, a)
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), "disk full while storing "+u) {
		t.Errorf("SaveArticle on a full disk = %v", err)
	}
	if n := count(t, d, "SELECT count(*) FROM articles"); n != 0 {
		t.Errorf("%d articles after disk full", n)
	}
}

func TestRuns(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	first, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The process "dies" here; the next run finds the first still running.
	second, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stats := RunStats{Pages: 17, NewArticles: 15, Errors: 2, ErrorsByKind: map[string]int{"http 404": 1, "timeout": 1},
		Skipped: 7, SkippedByReason: map[string]int{"robots": 5, "stored": 2}}
	if err := d.FinishRun(ctx, second, stats); err != nil {
		t.Fatal(err)
	}
	runs, err := d.Runs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || runs[0].ID != second || runs[1].ID != first {
		t.Fatalf("Runs = %+v", runs)
	}
	if runs[1].Stats.Status != RunKilled || !runs[1].FinishedAt.IsZero() {
		t.Errorf("first run = %+v, want killed", runs[1])
	}
	stats.Status = RunFinished
	if !reflect.DeepEqual(runs[0].Stats, stats) || runs[0].FinishedAt.IsZero() || runs[0].StartedAt.IsZero() {
		t.Errorf("second run = %+v, want %+v", runs[0], stats)
	}
	var byKind string
	d.SQL().QueryRow("SELECT errors_by_kind FROM crawl_runs WHERE id = ?", second).Scan(&byKind)
	if byKind != `{"http 404":1,"timeout":1}` {
		t.Errorf("errors_by_kind = %s", byKind)
	}
	var skipped int
	var byReason string
	d.SQL().QueryRow("SELECT skipped, skipped_by_reason FROM crawl_runs WHERE id = ?", second).Scan(&skipped, &byReason)
	if skipped != 7 || byReason != `{"robots":5,"stored":2}` {
		t.Errorf("skipped, skipped_by_reason = %d, %s", skipped, byReason)
	}
	if err := d.FinishRun(ctx, 999, RunStats{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("FinishRun of unknown run = %v", err)
	}
}

// TestContractColumns checks the columns CONTRACT.md promises analysts.
func TestContractColumns(t *testing.T) {
	d := openTemp(t)
	contract := map[string][]string{
		"articles":   {"id", "url", "site", "province", "title", "published", "event_date", "body", "fetched_at"},
		"directives": {"article_id", "code", "kind", "issued_on", "mention"},
		"officials":  {"article_id", "name", "titles"},
		"awards":     {"article_id", "collectives", "individuals", "total", "form", "conferred_by", "evidence"},
		"units":      {"article_id", "name", "role", "evidence"},
		"crawl_runs": {"id", "started_at", "finished_at", "pages", "new_articles", "errors"},
	}
	for table, cols := range contract {
		have := map[string]bool{}
		rows, err := d.SQL().Query("SELECT name FROM pragma_table_info(?)", table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			rows.Scan(&c)
			have[c] = true
		}
		rows.Close()
		for _, c := range cols {
			if !have[c] {
				t.Errorf("%s.%s missing", table, c)
			}
		}
	}
	// url is UNIQUE: a second row with the same URL is refused.
	d.SQL().Exec(`INSERT INTO articles(url, fetched_at) VALUES ('https://a.vn/1', '2024-01-01T00:00:00Z')`)
	if _, err := d.SQL().Exec(`INSERT INTO articles(url, fetched_at) VALUES ('https://a.vn/1', '2024-01-01T00:00:00Z')`); err == nil {
		t.Error("articles.url is not UNIQUE")
	}
}
