package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnnews/vnnews/extract/facts"
)

func TestScore(t *testing.T) {
	s := facts.Str
	i := facts.Int
	gold := facts.Article{
		Title:     s("Khen thưởng 10 tập thể,  30 cá nhân"),
		Published: s("2024-05-16"),
		EventDate: s("2024-05-16"),
		Province:  s("Long An"),
		Directives: []facts.Directive{
			{Code: "01-KL/TW"}, {Code: "05-CT/TW"},
		},
		Officials: []facts.Official{
			{Name: "Hoàng Đình Cán", Titles: []string{"Ủy viên Ban Thường vụ", "Trưởng ban Tuyên giáo Tỉnh ủy"}},
			{Name: "Phạm Huy Sơn", Titles: []string{"Bí thư Đảng ủy khối"}},
		},
		Awards: []facts.Award{
			{Collectives: i(10), Individuals: i(30), Total: i(40)},
			{Collectives: i(7), Individuals: i(0), Total: i(7)},
		},
		Units: []facts.Unit{{Name: "Đảng bộ cơ sở Cục Thuế tỉnh"}},
	}
	pred := facts.Article{
		Title:     s("Khen thưởng 10 tập thể, 30 cá nhân"),
		Published: s("2024-05-16"),
		EventDate: nil,
		Province:  s("long an"),
		Directives: []facts.Directive{
			{Code: "01 - kl/tw"}, {Code: "36-KH/ĐUK"},
		},
		Officials: []facts.Official{
			{Name: "Hoàng  Đình Cán", Titles: []string{"Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy"}},
			{Name: "Phạm Huy Sơn", Titles: []string{"Bí thư"}},
		},
		Awards: []facts.Award{
			{Collectives: i(10), Individuals: i(30), Total: i(40)},
			{Collectives: i(7), Individuals: nil, Total: i(7)}, // null is not 0
		},
		Units: []facts.Unit{{Name: "Cục Thuế tỉnh"}},
	}
	rep := Score([]Case{{Name: "a", Gold: gold}}, []*facts.Article{&pred}, nil)
	check := func(name string, want float64, got float64) {
		t.Helper()
		if got < want-1e-9 || got > want+1e-9 {
			t.Errorf("%s = %.3f, want %.3f", name, got, want)
		}
	}
	check("title", 1, rep.Field("title").Accuracy())
	check("published", 1, rep.Field("published").Accuracy())
	check("event_date", 0, rep.Field("event_date").Accuracy())
	check("province", 1, rep.Field("province").Accuracy())
	check("directives P", 0.5, rep.Field("directives").Precision())
	check("directives R", 0.5, rep.Field("directives").Recall())
	check("officials F1", 1, rep.Field("officials").F1())
	check("official titles", 0.5, rep.Field("official titles").Accuracy())
	check("awards F1", 0.5, rep.Field("awards").F1())
	check("units F1", 1, rep.Field("units").F1())

	var b strings.Builder
	rep.WriteTable(&b, 1)
	rep.WriteCases(&b)
	for _, want := range []string{"directives", "0.500", "event_date: want \"2024-05-16\", got null", "award false: (7, null, 7)", "directive missed: 05-CT/TW"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Tiêu đề")
	write("a.json", `{"title":"Tiêu đề","awards":[]}`)
	write("b.json", `{"title":"no page beside me"}`)
	cases, err := Load(dir)
	if err != nil || len(cases) != 1 || cases[0].Name != "a" {
		t.Fatalf("Load = %v, %v", cases, err)
	}
	write("c.html", "<p>x</p>")
	write("c.json", `{"title": 5}`)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "c.json") {
		t.Fatalf("bad gold not named: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing")); err == nil {
		t.Fatal("missing dir accepted")
	}
}
