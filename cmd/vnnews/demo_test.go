package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnnews/vnnews/extract/eval"
	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/store"
)

// TestDemoEndToEnd runs the demo pipeline (embedded site on loopback, the
// real crawler, the real store) and checks the stored rows against the
// sample site's hand-written gold.
func TestDemoEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the sample site (about 20 s, robots.txt asks for a delay)")
	}
	dbPath := filepath.Join(t.TempDir(), "demo.db")
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"demo", "--db", dbPath}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("demo exit %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"pages fetched", "articles stored", "facts found", "time taken", "province", "Quảng Trị"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}

	db, err := store.OpenReadOnly(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()

	// Stored articles by site directory and path.
	stored := map[string]*facts.Article{}
	rows, err := db.SQL().QueryContext(ctx, "SELECT id, url FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int64]string{}
	for rows.Next() {
		var id int64
		var u string
		if err := rows.Scan(&id, &u); err != nil {
			t.Fatal(err)
		}
		ids[id] = u
	}
	rows.Close()
	// The demo printed which port serves which site.
	siteOfHost := map[string]string{}
	for _, line := range strings.Split(errb.String(), "\n") {
		if f := strings.Fields(line); len(f) == 6 && f[0] == "serving" {
			u, _ := url.Parse(f[5])
			siteOfHost[u.Host] = f[3]
		}
	}
	if len(siteOfHost) != 3 {
		t.Fatalf("demo did not say where it serves the three sites:\n%s", errb.String())
	}
	for id, raw := range ids {
		u, _ := url.Parse(raw)
		if u.RawQuery != "" {
			t.Errorf("stored %s under a URL with a query string: canonical not honoured", raw)
		}
		a, err := db.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		stored[siteOfHost[u.Host]+u.Path] = a
	}

	// Gold, keyed the same way.
	goldDir := filepath.Join("..", "..", "testdata", "sitegold")
	var cases []eval.Case
	var preds []*facts.Article
	err = filepath.WalkDir(goldDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		rel, _ := filepath.Rel(goldDir, p)
		key := strings.TrimSuffix(filepath.ToSlash(rel), ".json") + ".html"
		key = strings.Replace(key, "/", "/", 1)
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var g facts.Article
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("gold %s: %v", p, err)
		}
		site, path, _ := strings.Cut(key, "/")
		a := stored[site+"/"+path]
		if a == nil {
			t.Errorf("article %s/%s is not stored", site, path)
		}
		cases = append(cases, eval.Case{Name: key, Gold: g})
		preds = append(preds, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 15 {
		t.Fatalf("only %d gold articles in %s", len(cases), goldDir)
	}
	if extra := len(stored) - len(cases); extra != 0 {
		for k := range stored {
			found := false
			for _, c := range cases {
				if c.Name == k {
					found = true
				}
			}
			if !found {
				t.Errorf("stored a page that is not an article of the sample site: %s", k)
			}
		}
	}

	rep := eval.Score(cases, preds, nil)
	var table bytes.Buffer
	rep.WriteTable(&table, len(cases))
	rep.WriteCases(&table)
	t.Logf("stored facts against the sample site's gold:\n%s", table.String())

	// Floors: they stop regressions; raise them as the matchers improve.
	if acc := rep.Field("published").Accuracy(); acc < 1 {
		t.Errorf("published date accuracy %.3f, want every sample page right", acc)
	}
	floors := map[string]float64{
		"directives": 0.95, "awards": 0.95, "officials": 0.95, "units": 0.90,
	}
	for name, floor := range floors {
		if f1 := rep.Field(name).F1(); f1 < floor {
			t.Errorf("%s F1 %.3f below floor %.2f", name, f1, floor)
		}
	}
	for _, name := range []string{"title", "province", "event_date"} {
		if acc := rep.Field(name).Accuracy(); acc < 0.95 {
			t.Errorf("%s accuracy %.3f below floor 0.95", name, acc)
		}
	}

	// Search without diacritics finds stored articles.
	out.Reset()
	errb.Reset()
	if code := run(ctx, []string{"search", "--db", dbPath, "khen thuong"}, strings.NewReader(""), &out, &errb); code != 0 || !strings.Contains(out.String(), "Khen thưởng") && !strings.Contains(out.String(), "khen thưởng") {
		t.Errorf("search 'khen thuong': exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	// A second demo on the same database stores nothing twice.
	out.Reset()
	errb.Reset()
	if code := run(ctx, []string{"demo", "--db", dbPath, "--quiet"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("second demo exit %d: %s", code, errb.String())
	}
	var n int
	db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n)
	if n != len(ids) {
		t.Errorf("second demo changed the article count from %d to %d", len(ids), n)
	}
}
