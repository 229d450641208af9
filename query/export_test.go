package query

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func exportCSV(t *testing.T, table string, bom bool) ([]byte, [][]string) {
	t.Helper()
	db, _ := fixtureDB(t)
	var b bytes.Buffer
	if err := Export(context.Background(), db.SQL(), table, &b, ExportOptions{BOM: bom}); err != nil {
		t.Fatal(err)
	}
	raw := b.Bytes()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte(utf8BOM))))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("export %s is not valid CSV: %v\n%s", table, err, raw)
	}
	return raw, recs
}

func TestExportTables(t *testing.T) {
	wantRows := map[string]int{"units": 11, "awards": 6, "officials": 2, "directives": 3, "articles": 5}
	for _, table := range ExportTables() {
		raw, recs := exportCSV(t, table, false)
		if !slices.Equal(recs[0], ExportColumns(table)) {
			t.Errorf("%s header = %v", table, recs[0])
		}
		if len(recs)-1 != wantRows[table] {
			t.Errorf("%s: %d rows, want %d", table, len(recs)-1, wantRows[table])
		}
		if !bytes.HasSuffix(raw, []byte("\r\n")) || bytes.Count(raw, []byte("\n")) != bytes.Count(raw, []byte("\r\n")) {
			t.Errorf("%s: lines must end in CRLF", table)
		}
		for _, h := range []string{"province", "title", "url"} {
			if !slices.Contains(recs[0], h) {
				t.Errorf("%s lacks column %s", table, h)
			}
		}
	}
}

func TestExportJoinsArticle(t *testing.T) {
	_, recs := exportCSV(t, "directives", false)
	col := func(name string) int { return slices.Index(recs[0], name) }
	first := recs[1]
	if first[col("code")] != "01-KL/TW" || first[col("province")] != "Long An" || first[col("date")] != "2024-05-16" ||
		first[col("issued_on")] != "2021-05-18" || !strings.HasPrefix(first[col("url")], "https://baolongan.vn/") ||
		first[col("title")] != "Khen thưởng 10 tập thể, 30 cá nhân thực hiện Kết luận 01-KL/TW" {
		t.Errorf("first directive row = %v", first)
	}
}

func TestExportNeutralizesFormulas(t *testing.T) {
	_, recs := exportCSV(t, "units", false)
	names := map[string]bool{}
	for _, r := range recs[1:] {
		names[r[0]] = true
		if strings.HasPrefix(r[0], "CR") {
			t.Errorf("CR cell lost its quote: %q", r[0])
		}
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts with a formula character", cell)
			}
		}
	}
	// encoding/csv writing CRLF lines drops a lone carriage return inside
	// a cell; the cell still starts with the quote.
	if raw, _ := exportCSV(t, "units", false); !bytes.Contains(raw, []byte("\"'CR đầu dòng\"")) {
		t.Errorf("CR cell not neutralized:\n%q", raw)
	}
	for _, want := range []string{"'=cmd|' /C calc'!A0", "'+1", "'-1", "'@SUM(A1:A9)", "'\tTab đầu dòng", "Có \"ngoặc kép\"\nvà xuống dòng, dấu phẩy"} {
		if !names[want] {
			t.Errorf("units lack %q; have %v", want, names)
		}
	}
	// the article title is neutralized too
	_, recs = exportCSV(t, "articles", false)
	found := false
	for _, r := range recs[1:] {
		found = found || slices.Contains(r, "'=cmd|' /C calc'!A0")
	}
	if !found {
		t.Error("hostile title not neutralized in articles")
	}
}

func TestExportVietnameseOrder(t *testing.T) {
	_, recs := exportCSV(t, "units", false)
	var got []string
	for _, r := range recs[1:] {
		got = append(got, r[0])
	}
	want := []string{
		"Chi bộ Ấp Bắc",
		"Dân quân xã An Phú",
		"Đảng bộ cơ sở Cục Thuế tỉnh",
		"Ủy ban nhân dân phường Thanh Xuân Bắc",
	}
	var viet []string
	for _, g := range got {
		if slices.Contains(want, g) {
			viet = append(viet, g)
		}
	}
	if !slices.Equal(viet, want) {
		t.Errorf("order = %q, want %q", viet, want)
	}
}

func TestSortRecordsCollation(t *testing.T) {
	rows := [][]string{{"Ủy ban"}, {"Đoàn Thanh niên"}, {"Dân quân"}, {"Chi bộ"}, {"Ấp Bắc"}, {"An Phú"}, {"Ăn uống"}, {"Ô Môn"}, {"Ơ Loan"}, {"Oanh"}}
	sortRecords(rows, []string{"name"}, []string{"name"})
	var got []string
	for _, r := range rows {
		got = append(got, r[0])
	}
	want := []string{"An Phú", "Ăn uống", "Ấp Bắc", "Chi bộ", "Dân quân", "Đoàn Thanh niên", "Oanh", "Ô Môn", "Ơ Loan", "Ủy ban"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestExportBOM(t *testing.T) {
	raw, _ := exportCSV(t, "officials", true)
	if !bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) {
		t.Errorf("no BOM: % x", raw[:8])
	}
	raw, _ = exportCSV(t, "officials", false)
	if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) {
		t.Error("BOM without --bom")
	}
}

func TestExportEmptyDatabase(t *testing.T) {
	db := emptyDB(t)
	for _, table := range ExportTables() {
		var b bytes.Buffer
		if err := Export(context.Background(), db.SQL(), table, &b, ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		if want := strings.Join(ExportColumns(table), ",") + "\r\n"; b.String() != want {
			t.Errorf("%s: %q, want only the header %q", table, b.String(), want)
		}
	}
}

func TestExportUnknownTable(t *testing.T) {
	db := emptyDB(t)
	err := Export(context.Background(), db.SQL(), "secrets", io.Discard, ExportOptions{})
	var oe *OptionError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "secrets") {
		t.Errorf("err = %v", err)
	}
	if ExportColumns("secrets") != nil {
		t.Error("columns for an unknown table")
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "units.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half a fi")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("failed write changed the file: %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("temporary file left behind: %v", ents)
	}
	if err := WriteFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file = %q", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
	if err := WriteFileAtomic(filepath.Join(dir, "no", "such", "dir.csv"), func(io.Writer) error { return nil }); err == nil {
		t.Error("write into a missing directory succeeded")
	}
}

func TestNeutralize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"Đảng bộ", "Đảng bộ"},
		{"", ""},
		{"a=b", "a=b"},
		{"01-KL/TW", "01-KL/TW"},
	}
	for _, tc := range tests {
		if got := Neutralize(tc.in); got != tc.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
