// Package eval scores extraction against a gold directory in the format of
// shared/gold/FORMAT.md: NAME.txt or NAME.html beside NAME.json, micro-
// averaged over all cases.
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/extract/vntext"
)

// Case is one gold page with its answer.
type Case struct {
	Name string        // file name without extension
	Page string        // path of the .txt or .html file
	Gold facts.Article // the answer
}

// Load reads every NAME.json in dir that has a NAME.txt or NAME.html
// beside it, in name order.
func Load(dir string) ([]Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read gold directory: %w", err)
	}
	var cases []Case
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || e.IsDir() {
			continue
		}
		pagePath := ""
		for _, ext := range []string{".txt", ".html", ".htm"} {
			if _, err := os.Stat(filepath.Join(dir, name+ext)); err == nil {
				pagePath = filepath.Join(dir, name+ext)
				break
			}
		}
		if pagePath == "" {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read gold %s: %w", e.Name(), err)
		}
		var g facts.Article
		if err := json.Unmarshal(raw, &g); err != nil {
			return nil, fmt.Errorf("gold %s: %w", filepath.Join(dir, e.Name()), err)
		}
		cases = append(cases, Case{Name: name, Page: pagePath, Gold: g})
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("gold directory %s holds no NAME.json with a NAME.txt or NAME.html beside it", dir)
	}
	return cases, nil
}

// Field is the score of one field over all cases.
type Field struct {
	Name string
	// For set fields: true positives, false positives, false negatives.
	TP, FP, FN int
	// For single-valued fields: right and total.
	Right, Total int
	IsSet        bool
}

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (f Field) Precision() float64 { return ratio(f.TP, f.TP+f.FP) }

// Recall is TP/(TP+FN), 1 when gold holds nothing.
func (f Field) Recall() float64 { return ratio(f.TP, f.TP+f.FN) }

// F1 is the harmonic mean of precision and recall.
func (f Field) F1() float64 {
	p, r := f.Precision(), f.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Accuracy is Right/Total.
func (f Field) Accuracy() float64 { return ratio(f.Right, f.Total) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Report is the score of a run, with each case's misses.
type Report struct {
	Fields []Field // title, published, event_date, province, directives, officials, official titles, awards, units
	Cases  []CaseReport
}

// CaseReport lists what one case got wrong.
type CaseReport struct {
	Name   string
	Misses []string // in gold, not predicted (or predicted wrong)
	False  []string // predicted, not in gold
	Err    string
}

// Field returns the named field's score.
func (r *Report) Field(name string) Field {
	for _, f := range r.Fields {
		if f.Name == name {
			return f
		}
	}
	return Field{Name: name}
}

// Score compares predictions with gold; pred[i] answers cases[i] (nil
// when extraction failed, with errs[i] saying why).
func Score(cases []Case, pred []*facts.Article, errs []error) *Report {
	names := []string{"title", "published", "event_date", "province", "directives", "officials", "official titles", "awards", "units"}
	fields := make(map[string]*Field, len(names))
	for _, n := range names {
		fields[n] = &Field{Name: n, IsSet: n == "directives" || n == "officials" || n == "awards" || n == "units"}
	}
	rep := &Report{}
	for i, c := range cases {
		cr := CaseReport{Name: c.Name}
		p := pred[i]
		if p == nil {
			p = &facts.Article{}
			if errs != nil && errs[i] != nil {
				cr.Err = errs[i].Error()
			}
		}
		g := &c.Gold
		single := func(name string, gold, got *string, eq func(a, b string) bool) {
			f := fields[name]
			f.Total++
			ok := (gold == nil && got == nil) || (gold != nil && got != nil && eq(*gold, *got))
			if ok {
				f.Right++
				return
			}
			cr.Misses = append(cr.Misses, fmt.Sprintf("%s: want %s, got %s", name, show(gold), show(got)))
		}
		single("title", g.Title, p.Title, func(a, b string) bool { return spaces(a) == spaces(b) })
		single("published", g.Published, p.Published, sameDay)
		single("event_date", g.EventDate, p.EventDate, sameDay)
		single("province", g.Province, p.Province, func(a, b string) bool {
			return strings.EqualFold(vntext.NFC(a), vntext.NFC(b))
		})

		setScore(fields["directives"], &cr, "directive",
			keys(g.Directives, func(d facts.Directive) string { return dirKey(d.Code) }),
			keys(p.Directives, func(d facts.Directive) string { return dirKey(d.Code) }),
			func(a, b string) bool { return a == b })
		setScore(fields["awards"], &cr, "award",
			keys(g.Awards, awardKey), keys(p.Awards, awardKey),
			func(a, b string) bool { return a == b })
		setScore(fields["units"], &cr, "unit",
			keys(g.Units, func(u facts.Unit) string { return u.Name }),
			keys(p.Units, func(u facts.Unit) string { return u.Name }),
			unitMatch)
		setScore(fields["officials"], &cr, "official",
			keys(g.Officials, func(o facts.Official) string { return spaces(o.Name) }),
			keys(p.Officials, func(o facts.Official) string { return spaces(o.Name) }),
			func(a, b string) bool { return a == b })

		// Titles: for each matched name, every gold title inside the
		// predicted titles joined, case-folded.
		byName := map[string]facts.Official{}
		for _, o := range p.Officials {
			byName[spaces(o.Name)] = o
		}
		for _, o := range g.Officials {
			po, ok := byName[spaces(o.Name)]
			if !ok {
				continue
			}
			f := fields["official titles"]
			f.Total++
			joined := strings.ToLower(spaces(strings.Join(po.Titles, "; ")))
			ok = true
			for _, t := range o.Titles {
				if !strings.Contains(joined, strings.ToLower(spaces(t))) {
					ok = false
					cr.Misses = append(cr.Misses, fmt.Sprintf("title of %s: want %q in %q", o.Name, t, strings.Join(po.Titles, "; ")))
				}
			}
			if ok {
				f.Right++
			}
		}
		rep.Cases = append(rep.Cases, cr)
	}
	for _, n := range names {
		rep.Fields = append(rep.Fields, *fields[n])
	}
	return rep
}

func keys[T any](xs []T, key func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = key(x)
	}
	return out
}

// setScore matches predicted keys to gold keys one to one (a multiset).
func setScore(f *Field, cr *CaseReport, what string, gold, got []string, eq func(a, b string) bool) {
	used := make([]bool, len(got))
	for _, g := range gold {
		found := false
		for j, p := range got {
			if !used[j] && eq(g, p) {
				used[j], found = true, true
				break
			}
		}
		if found {
			f.TP++
		} else {
			f.FN++
			cr.Misses = append(cr.Misses, fmt.Sprintf("%s missed: %s", what, g))
		}
	}
	for j, p := range got {
		if !used[j] {
			f.FP++
			cr.False = append(cr.False, fmt.Sprintf("%s false: %s", what, p))
		}
	}
}

func show(s *string) string {
	if s == nil {
		return "null"
	}
	return fmt.Sprintf("%q", *s)
}

func spaces(s string) string { return strings.Join(strings.Fields(vntext.NFC(s)), " ") }

func sameDay(a, b string) bool {
	if len(a) >= 10 && len(b) >= 10 {
		return a[:10] == b[:10]
	}
	return a == b
}

func dirKey(code string) string {
	return strings.ToUpper(strings.Join(strings.Fields(vntext.NFC(code)), ""))
}

func awardKey(a facts.Award) string {
	n := func(p *int) string {
		if p == nil {
			return "null"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("(%s, %s, %s)", n(a.Collectives), n(a.Individuals), n(a.Total))
}

func unitMatch(a, b string) bool {
	a, b = unitNorm(a), unitNorm(b)
	if a == "" || b == "" {
		return a == b
	}
	return a == b || strings.Contains(a, b) || strings.Contains(b, a)
}

func unitNorm(s string) string {
	s = strings.ToLower(vntext.NFC(s))
	s = strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// WriteTable prints the FORMAT.md table: each field's precision, recall
// and F1 with counts, or its accuracy.
func (r *Report) WriteTable(w io.Writer, cases int) {
	fmt.Fprintf(w, "%d cases\n", cases)
	fmt.Fprintf(w, "%-16s %9s %9s %9s %9s  %s\n", "field", "precision", "recall", "F1", "accuracy", "counts")
	for _, f := range r.Fields {
		if f.IsSet {
			fmt.Fprintf(w, "%-16s %9.3f %9.3f %9.3f %9s  tp=%d fp=%d fn=%d\n", f.Name, f.Precision(), f.Recall(), f.F1(), "", f.TP, f.FP, f.FN)
		} else {
			fmt.Fprintf(w, "%-16s %9s %9s %9s %9.3f  %d/%d\n", f.Name, "", "", "", f.Accuracy(), f.Right, f.Total)
		}
	}
}

// WriteCases prints each case's misses and false hits.
func (r *Report) WriteCases(w io.Writer) {
	cs := append([]CaseReport(nil), r.Cases...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
	for _, c := range cs {
		if len(c.Misses) == 0 && len(c.False) == 0 && c.Err == "" {
			fmt.Fprintf(w, "%s: all right\n", c.Name)
			continue
		}
		fmt.Fprintf(w, "%s:\n", c.Name)
		if c.Err != "" {
			fmt.Fprintf(w, "  error: %s\n", c.Err)
		}
		for _, m := range c.Misses {
			fmt.Fprintf(w, "  - %s\n", m)
		}
		for _, m := range c.False {
			fmt.Fprintf(w, "  + %s\n", m)
		}
	}
}

// Run reads each case's page, extracts it with fn and scores the result.
// A page that cannot be read or extracted counts as an empty prediction,
// with its error in the case report.
func Run(cases []Case, fn func(raw []byte) (*facts.Article, error)) *Report {
	pred := make([]*facts.Article, len(cases))
	errs := make([]error, len(cases))
	for i, c := range cases {
		raw, err := os.ReadFile(c.Page)
		if err != nil {
			errs[i] = err
			continue
		}
		pred[i], errs[i] = fn(raw)
	}
	return Score(cases, pred, errs)
}
