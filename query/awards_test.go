package query

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestAwards(t *testing.T) {
	db, _ := fixtureDB(t)
	ctx := context.Background()
	type row struct {
		keys                 string
		coll, ind, tot, nArt int64
	}
	tests := []struct {
		name string
		opt  AwardsOptions
		want []row
	}{
		{"by province, merged", AwardsOptions{}, []row{
			{"Hà Nội", 5, 0, 32, 1}, {"Long An", 10, 30, 40, 1}, {"Thừa Thiên Huế", 3, 7, 10, 1}, {"", 1, 1, 2, 1}}},
		{"by province, all reports", AwardsOptions{All: true}, []row{
			{"Hà Nội", 5, 0, 32, 1}, {"Long An", 20, 60, 80, 2}, {"Thừa Thiên Huế", 3, 7, 10, 1}, {"", 1, 1, 2, 1}}},
		{"province without accents", AwardsOptions{Province: "long an"}, []row{{"Long An", 10, 30, 40, 1}}},
		{"province upper case with tỉnh", AwardsOptions{Province: "TỈNH LONG AN"}, []row{{"Long An", 10, 30, 40, 1}}},
		{"two provinces", AwardsOptions{Province: "thua thien hue, Ha Noi"}, []row{{"Hà Nội", 5, 0, 32, 1}, {"Thừa Thiên Huế", 3, 7, 10, 1}}},
		{"unknown province", AwardsOptions{Province: "Atlantis"}, nil},
		{"directive spelled loosely", AwardsOptions{Directive: "01 – kl/tư", All: true}, []row{{"Long An", 20, 60, 80, 2}}},
		{"by year", AwardsOptions{By: []string{"year"}}, []row{{"2023", 5, 0, 32, 1}, {"2024", 10, 30, 40, 1}, {"2025", 3, 7, 10, 1}, {"", 1, 1, 2, 1}}},
		{"from 2024", AwardsOptions{By: []string{"year"}, From: "2024"}, []row{{"2024", 10, 30, 40, 1}, {"2025", 3, 7, 10, 1}}},
		{"to 2024-05", AwardsOptions{By: []string{"month"}, To: "2024-05"}, []row{{"2023-12", 5, 0, 32, 1}, {"2024-05", 10, 30, 40, 1}}},
		{"one day", AwardsOptions{From: "2024-05-16", To: "2024-05-16", All: true}, []row{{"Long An", 20, 60, 80, 2}}},
		{"by form", AwardsOptions{By: []string{"form"}, Province: "ha noi"}, []row{{"bằng khen", 5, 0, 5, 1}, {"biểu dương", 0, 0, 27, 1}}},
		{"by directive", AwardsOptions{By: []string{"directive"}}, []row{{"01-KL/TW", 10, 30, 40, 1}, {"05-CT/TW", 5, 0, 32, 1}, {"", 4, 8, 12, 2}}},
		{"by site and province", AwardsOptions{By: []string{"site", "province"}, All: true, Province: "Long An"}, []row{
			{"baolongan.vn|Long An", 10, 30, 40, 1}, {"longan.dcs.vn|Long An", 10, 30, 40, 1}}},
	}
	for _, tc := range tests {
		for _, evidence := range []bool{false, true} {
			opt := tc.opt
			opt.Evidence = evidence
			res, err := Awards(ctx, db.SQL(), opt)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			var got []row
			for _, r := range res.Rows {
				got = append(got, row{strings.Join(r.Keys, "|"), r.Collectives, r.Individuals, r.Total, r.Articles})
			}
			if len(got) != len(tc.want) {
				t.Errorf("%s (evidence %v): got %v, want %v", tc.name, evidence, got, tc.want)
				continue
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("%s (evidence %v): row %d = %v, want %v", tc.name, evidence, i, got[i], tc.want[i])
				}
			}
		}
	}
}

func TestAwardsEvidenceListsMergedReports(t *testing.T) {
	db, _ := fixtureDB(t)
	res, err := Awards(context.Background(), db.SQL(), AwardsOptions{Province: "Long An", Evidence: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || len(res.Rows[0].Evidence) != 1 {
		t.Fatalf("want one row with one counted award, got %+v", res.Rows)
	}
	ev := res.Rows[0].Evidence[0]
	if !strings.HasPrefix(ev.Sentence, "Dịp này, Đảng ủy khối tặng giấy khen") || !strings.Contains(ev.URL, "baolongan.vn") {
		t.Errorf("evidence = %+v", ev)
	}
	if len(ev.Merged) != 1 || !strings.Contains(ev.Merged[0].URL, "longan.dcs.vn") {
		t.Errorf("merged = %+v, want the longan.dcs.vn report", ev.Merged)
	}
	if res.Merged != 1 {
		t.Errorf("Merged = %d, want 1", res.Merged)
	}
	var b bytes.Buffer
	if err := res.Write(&b, FormatTable); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"• Dịp này", "baolongan.vn", "also reported: https://longan.dcs.vn"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

func TestAwardsBadOptions(t *testing.T) {
	db, _ := fixtureDB(t)
	for _, opt := range []AwardsOptions{
		{By: []string{"galaxy"}},
		{By: []string{"province", "Year "}, From: "2024-1-1"},
		{From: "16/5/2024"},
		{To: "2024-13"},
		{From: "2024-02-30"},
	} {
		_, err := Awards(context.Background(), db.SQL(), opt)
		var oe *OptionError
		if !errors.As(err, &oe) {
			t.Errorf("%+v: err = %v, want an OptionError", opt, err)
		}
	}
}

func TestAwardsEmptyDatabase(t *testing.T) {
	db := emptyDB(t)
	for _, f := range []Format{FormatTable, FormatCSV, FormatJSON} {
		for _, ev := range []bool{false, true} {
			res, err := Awards(context.Background(), db.SQL(), AwardsOptions{By: []string{"province", "year"}, Evidence: ev})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := res.Write(&b, f); err != nil {
				t.Fatal(err)
			}
			want := map[Format]string{
				FormatTable: "no awards match\n",
				FormatCSV:   "province,year,collectives,individuals,total,articles\r\n",
				FormatJSON:  "{\n  \"by\": [\n    \"province\",\n    \"year\"\n  ],\n  \"merged\": 0,\n  \"rows\": []\n}\n",
			}[f]
			if ev && f == FormatCSV {
				want = "province,year,collectives,individuals,total,url,evidence,merged_urls\r\n"
			}
			if b.String() != want {
				t.Errorf("%s (evidence %v): got %q, want %q", f, ev, b.String(), want)
			}
		}
	}
}

func TestAwardsJSON(t *testing.T) {
	db, _ := fixtureDB(t)
	res, err := Awards(context.Background(), db.SQL(), AwardsOptions{By: []string{"province", "year"}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.Write(&b, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var got struct {
		By   []string         `json:"by"`
		Rows []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if got.Rows[1]["province"] != "Long An" || got.Rows[1]["year"] != "2024" || got.Rows[1]["total"] != 40.0 {
		t.Errorf("row 1 = %v", got.Rows[1])
	}
	if got.Rows[3]["province"] != nil {
		t.Errorf("unknown province should be null: %v", got.Rows[3])
	}
}

// TestAwardsGolden pins the three output formats.
func TestAwardsGolden(t *testing.T) {
	db, _ := fixtureDB(t)
	ctx := context.Background()
	for _, tc := range []struct {
		file string
		opt  AwardsOptions
		f    Format
	}{
		{"awards_province.txt", AwardsOptions{}, FormatTable},
		{"awards_province_year.csv", AwardsOptions{By: []string{"province", "year"}}, FormatCSV},
		{"awards_evidence.txt", AwardsOptions{Evidence: true, By: []string{"province", "form"}}, FormatTable},
		{"awards_evidence.csv", AwardsOptions{Evidence: true}, FormatCSV},
		{"awards_evidence.json", AwardsOptions{Evidence: true, Province: "long an"}, FormatJSON},
	} {
		res, err := Awards(ctx, db.SQL(), tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := res.Write(&b, tc.f); err != nil {
			t.Fatal(err)
		}
		golden(t, tc.file, b.Bytes())
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestTableAlignsVietnamese(t *testing.T) {
	tt := &textTable{header: []string{"tỉnh", "tổng"}, right: []bool{false, true}}
	tt.rows = [][]string{{"Thừa Thiên Huế", "10"}, {"Hà Nội", "1234"}}
	var b bytes.Buffer
	if err := tt.write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	w := DisplayWidth(lines[0])
	for _, l := range lines {
		if DisplayWidth(l) != w {
			t.Errorf("line %q is %d columns, header %d:\n%s", l, DisplayWidth(l), w, b.String())
		}
	}
}
