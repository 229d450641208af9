package query

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// dimension is one way award sums can be grouped.
type dimension struct {
	name string
	expr string // SQL over ar (articles), aw (awards), d (directives)
	// perArticle is set when the value is the same for every award of an
	// article, so sums can be taken per article first.
	perArticle bool
}

// dimensions lists the --by values, in the order help shows them.
var dimensions = []dimension{
	{"province", "ar.province", true},
	{"year", "substr(coalesce(ar.event_date, ar.published), 1, 4)", true},
	{"month", "substr(coalesce(ar.event_date, ar.published), 1, 7)", true},
	{"site", "ar.site", true},
	{"directive", "d.code", false},
	{"form", "nullif(aw.form, '')", false},
}

// Dimensions returns the names awards can be grouped by.
func Dimensions() []string {
	var n []string
	for _, d := range dimensions {
		n = append(n, d.name)
	}
	return n
}

func lookupDimension(name string) (dimension, bool) {
	for _, d := range dimensions {
		if d.name == name {
			return d, true
		}
	}
	return dimension{}, false
}

// AwardsOptions selects and groups award counts.
type AwardsOptions struct {
	// By names the grouping dimensions (see Dimensions); empty means
	// province.
	By []string
	// Province keeps articles about these provinces (comma-separated),
	// matched without regard to case, diacritics or a "tỉnh" prefix.
	Province string
	// From and To bound the event date (the publication date where the
	// event date is unknown), inclusive; each is YYYY, YYYY-MM or
	// YYYY-MM-DD.
	From, To string
	// Directive keeps articles that cite this directive code, matched
	// after NormalizeDirective.
	Directive string
	// All counts every report; by default one ceremony reported by several
	// articles (same province, event date and counts) is counted once.
	All bool
	// Evidence attaches to each row the sentences and URLs behind it.
	Evidence bool
}

// AwardsResult is the award table.
type AwardsResult struct {
	By   []string   `json:"by"`
	Rows []AwardRow `json:"rows"`
	// Merged is how many award reports were left out as repeats of a
	// ceremony already counted.
	Merged int64 `json:"merged"`

	withEvidence bool // Evidence was asked for: CSV has a line per award
}

// AwardRow is one group's sums.
type AwardRow struct {
	// Keys holds the group's value for each dimension in By; "" where
	// unknown.
	Keys        []string `json:"keys"`
	Collectives int64    `json:"collectives"`
	Individuals int64    `json:"individuals"`
	Total       int64    `json:"total"`
	// Articles is the number of articles whose awards were counted.
	Articles int64      `json:"articles"`
	Evidence []Evidence `json:"evidence,omitempty"`

	key string // groupKey of Keys, with unknown values told apart
}

// Evidence is one counted award and where it was read.
type Evidence struct {
	ArticleID   int64    `json:"article_id"`
	URL         string   `json:"url"`
	Sentence    string   `json:"sentence"`
	Collectives *int64   `json:"collectives"`
	Individuals *int64   `json:"individuals"`
	Total       *int64   `json:"total"`
	Form        string   `json:"form"`
	Merged      []Report `json:"merged,omitempty"`
}

// Report is a repeat of a counted award in another article, merged into
// it rather than counted again.
type Report struct {
	ArticleID int64  `json:"article_id"`
	URL       string `json:"url"`
	Sentence  string `json:"sentence"`
}

// filter is the WHERE clause the options give, for one alias of articles.
type filter struct {
	provinces []string // nil: any
	codes     []string // nil: any
	from, to  string
	none      bool // a filter matched nothing: the result is empty
}

var (
	reYear  = regexp.MustCompile(`^\d{4}$`)
	reMonth = regexp.MustCompile(`^\d{4}-\d{2}$`)
	reDay   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// parseBound turns a --from/--to value into a YYYY-MM-DD bound; end
// selects the last day of a year or month.
func parseBound(s string, end bool) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", nil
	case reYear.MatchString(s):
		if end {
			return s + "-12-31", nil
		}
		return s + "-01-01", nil
	case reMonth.MatchString(s):
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return "", fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		if end {
			t = t.AddDate(0, 1, -1)
		}
		return t.Format(time.DateOnly), nil
	case reDay.MatchString(s):
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return "", fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		return s, nil
	}
	return "", fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// OptionError is a bad option value: the caller's mistake, not the
// database's.
type OptionError struct{ Msg string }

func (e *OptionError) Error() string { return e.Msg }

func optionErrorf(format string, a ...any) error {
	return &OptionError{fmt.Sprintf(format, a...)}
}

func buildFilter(ctx context.Context, db *sql.DB, opt AwardsOptions) (filter, error) {
	var f filter
	var err error
	if f.from, err = parseBound(opt.From, false); err != nil {
		return f, &OptionError{"--from: " + err.Error()}
	}
	if f.to, err = parseBound(opt.To, true); err != nil {
		return f, &OptionError{"--to: " + err.Error()}
	}
	if strings.TrimSpace(opt.Province) != "" {
		want := map[string]bool{}
		for _, p := range strings.Split(opt.Province, ",") {
			if k := provinceKey(p); k != "" {
				want[k] = true
			}
		}
		names, err := distinct(ctx, db, `SELECT DISTINCT province FROM articles WHERE province IS NOT NULL`)
		if err != nil {
			return f, fmt.Errorf("list provinces: %w", err)
		}
		f.provinces = []string{}
		for _, n := range names {
			if want[provinceKey(n)] {
				f.provinces = append(f.provinces, n)
			}
		}
		f.none = f.none || len(f.provinces) == 0
	}
	if strings.TrimSpace(opt.Directive) != "" {
		want := map[string]bool{}
		for _, c := range strings.Split(opt.Directive, ",") {
			if k := NormalizeDirective(c); k != "" {
				want[k] = true
			}
		}
		codes, err := distinct(ctx, db, `SELECT DISTINCT code FROM directives`)
		if err != nil {
			return f, fmt.Errorf("list directives: %w", err)
		}
		f.codes = []string{}
		for _, c := range codes {
			if want[NormalizeDirective(c)] {
				f.codes = append(f.codes, c)
			}
		}
		f.none = f.none || len(f.codes) == 0
	}
	return f, nil
}

func distinct(ctx context.Context, db *sql.DB, q string) ([]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// unfiltered reports whether every award is selected.
func (f filter) unfiltered() bool {
	return f.provinces == nil && f.codes == nil && f.from == "" && f.to == ""
}

// where returns the conditions on article alias a, and their arguments.
// withDirective adds the directive condition (left out where a join on
// directives already applies it).
func (f filter) where(a string, withDirective bool) ([]string, []any) {
	var conds []string
	var args []any
	if f.provinces != nil {
		conds = append(conds, fmt.Sprintf("%s.province IN (%s)", a, placeholders(len(f.provinces))))
		for _, p := range f.provinces {
			args = append(args, p)
		}
	}
	date := fmt.Sprintf("substr(coalesce(%s.event_date, %s.published), 1, 10)", a, a)
	if f.from != "" {
		conds = append(conds, date+" >= ?")
		args = append(args, f.from)
	}
	if f.to != "" {
		conds = append(conds, date+" <= ?")
		args = append(args, f.to)
	}
	if withDirective && f.codes != nil {
		conds = append(conds, fmt.Sprintf("EXISTS (SELECT 1 FROM directives fd WHERE fd.article_id = %s.id AND fd.code IN (%s))", a, placeholders(len(f.codes))))
		for _, c := range f.codes {
			args = append(args, c)
		}
	}
	return conds, args
}

// directiveJoin is the join on directives a directive dimension needs.
func (f filter) directiveJoin() (string, []any) {
	if f.codes == nil {
		return " LEFT JOIN directives d ON d.article_id = ar.id", nil
	}
	var args []any
	for _, c := range f.codes {
		args = append(args, c)
	}
	return fmt.Sprintf(" JOIN directives d ON d.article_id = ar.id AND d.code IN (%s)", placeholders(len(f.codes))), args
}

func whereSQL(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// plan is the parsed grouping.
type plan struct {
	dims     []dimension
	byDir    bool // a directive dimension joins directives
	perAward bool // a dimension varies within an article
}

func makePlan(by []string) (plan, error) {
	var p plan
	if len(by) == 0 {
		by = []string{"province"}
	}
	seen := map[string]bool{}
	for _, b := range by {
		b = strings.ToLower(strings.TrimSpace(b))
		if b == "" || seen[b] {
			continue
		}
		seen[b] = true
		d, ok := lookupDimension(b)
		if !ok {
			return p, optionErrorf("--by: unknown dimension %q (want %s)", b, strings.Join(Dimensions(), ", "))
		}
		p.dims = append(p.dims, d)
		p.byDir = p.byDir || d.name == "directive"
		p.perAward = p.perAward || !d.perArticle
	}
	if len(p.dims) == 0 {
		return makePlan([]string{"province"})
	}
	return p, nil
}

func (p plan) names() []string {
	var n []string
	for _, d := range p.dims {
		n = append(n, d.name)
	}
	return n
}

// keyCols is "expr AS k0, expr AS k1, ...".
func (p plan) keyCols() string {
	var c []string
	for i, d := range p.dims {
		c = append(c, fmt.Sprintf("%s AS k%d", d.expr, i))
	}
	return strings.Join(c, ", ")
}

func (p plan) keyNames() string {
	var c []string
	for i := range p.dims {
		c = append(c, fmt.Sprintf("k%d", i))
	}
	return strings.Join(c, ", ")
}

// innerGroup groups rows per article, plus any per-award dimension.
func (p plan) innerGroup() string {
	g := []string{"aw.article_id"}
	for i, d := range p.dims {
		if !d.perArticle {
			g = append(g, fmt.Sprintf("k%d", i))
		}
	}
	return strings.Join(g, ", ")
}

// totalExpr is an award's total: as stored, or the sum of its parts.
const totalExpr = "coalesce(aw.total, coalesce(aw.collectives, 0) + coalesce(aw.individuals, 0))"

// Awards sums award counts per group.
func Awards(ctx context.Context, db *sql.DB, opt AwardsOptions) (*AwardsResult, error) {
	p, err := makePlan(opt.By)
	if err != nil {
		return nil, err
	}
	f, err := buildFilter(ctx, db, opt)
	if err != nil {
		return nil, err
	}
	res := &AwardsResult{By: p.names(), Rows: []AwardRow{}, withEvidence: opt.Evidence}
	if f.none {
		return res, nil
	}
	if opt.Evidence {
		err = awardsByRow(ctx, db, p, f, opt.All, res)
	} else {
		err = awardsFast(ctx, db, p, f, opt.All, res)
	}
	if err != nil {
		return nil, err
	}
	sortRows(res.Rows)
	return res, nil
}

// fromSQL is the FROM clause over awards aw, articles ar and, for a
// directive dimension, directives d, with the filter applied.
func (p plan) fromSQL(f filter) (string, []any) {
	from := " FROM awards aw JOIN articles ar ON ar.id = aw.article_id"
	var args []any
	if p.byDir {
		j, ja := f.directiveJoin()
		from += j
		args = append(args, ja...)
	}
	conds, ca := f.where("ar", !p.byDir)
	return from + whereSQL(conds), append(args, ca...)
}

// groupKey identifies a group by its nullable key values.
func groupKey(keys []sql.NullString) string {
	var b strings.Builder
	for _, k := range keys {
		if k.Valid {
			b.WriteString("v")
			b.WriteString(k.String)
		} else {
			b.WriteString("n")
		}
		b.WriteByte(0)
	}
	return b.String()
}

func keyStrings(keys []sql.NullString) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.String
	}
	return out
}

// awardsFast sums in SQL: per article first, then per group. Repeats of
// a ceremony are found meanwhile, on a second connection, by a join over
// articles of the same province and event date, and subtracted.
func awardsFast(ctx context.Context, db *sql.DB, p plan, f filter, all bool, res *AwardsResult) error {
	var (
		wg      sync.WaitGroup
		reps    []repeat
		repsErr error
	)
	if !all {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reps, repsErr = findRepeats(ctx, db, p, f)
		}()
	}
	err := sumAwards(ctx, db, p, f, res)
	wg.Wait()
	if err != nil {
		return err
	}
	if repsErr != nil {
		return repsErr
	}
	if len(reps) == 0 {
		return nil
	}
	index := make(map[string]int, len(res.Rows))
	for i, r := range res.Rows {
		index[r.key] = i
	}
	for _, rp := range reps {
		i, ok := index[rp.key]
		if !ok {
			continue
		}
		r := &res.Rows[i]
		r.Collectives -= rp.c
		r.Individuals -= rp.i
		r.Total -= rp.t
		if rp.n >= rp.all {
			r.Articles--
		}
		res.Merged += rp.n
	}
	kept := res.Rows[:0]
	for _, r := range res.Rows {
		if r.Articles > 0 {
			kept = append(kept, r)
		}
	}
	res.Rows = kept
	return nil
}

func sumAwards(ctx context.Context, db *sql.DB, p plan, f filter, res *AwardsResult) error {
	from, args := p.fromSQL(f)
	q := fmt.Sprintf(`SELECT %s, coalesce(sum(c), 0), coalesce(sum(i), 0), coalesce(sum(t), 0), count(*) FROM (
		SELECT %s, aw.article_id AS aid, sum(aw.collectives) AS c, sum(aw.individuals) AS i, sum(%s) AS t%s
		GROUP BY %s) GROUP BY %s`,
		p.keyNames(), p.keyCols(), totalExpr, from, p.innerGroup(), p.keyNames())
	if !p.perAward && f.unfiltered() {
		// Every award counts: sum each article's awards straight off the
		// covering index, then look up the 1-in-4 fewer articles.
		q = fmt.Sprintf(`SELECT %s, coalesce(sum(s.c), 0), coalesce(sum(s.i), 0), coalesce(sum(s.t), 0), count(*) FROM (
			SELECT aw.article_id AS aid, sum(aw.collectives) AS c, sum(aw.individuals) AS i, sum(%s) AS t
			FROM awards aw GROUP BY aw.article_id) s JOIN articles ar ON ar.id = s.aid GROUP BY %s`,
			p.keyCols(), totalExpr, p.keyNames())
		args = nil
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("sum awards: %w", err)
	}
	defer rows.Close()
	keys := make([]sql.NullString, len(p.dims))
	dest := make([]any, 0, len(p.dims)+4)
	for i := range keys {
		dest = append(dest, &keys[i])
	}
	var r AwardRow
	dest = append(dest, &r.Collectives, &r.Individuals, &r.Total, &r.Articles)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("sum awards: %w", err)
		}
		row := r
		row.Keys = keyStrings(keys)
		row.key = groupKey(keys)
		res.Rows = append(res.Rows, row)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sum awards: %w", err)
	}
	return nil
}

// repeat is what the repeated awards of one article take out of a group.
type repeat struct {
	key     string
	n, all  int64 // repeated awards, and all the article's awards there
	c, i, t int64
}

// findRepeats finds the awards that repeat, in a later article, an award
// of an earlier article with the same province, event date and counts,
// summed per article and group.
func findRepeats(ctx context.Context, db *sql.DB, p plan, f filter) ([]repeat, error) {
	xConds, xArgs := f.where("x", true)
	yConds, yArgs := f.where("y", true)
	var conds []string
	conds = append(conds, xConds...)
	conds = append(conds, yConds...)
	var args []any
	args = append(args, xArgs...)
	args = append(args, yArgs...)
	repeats := `SELECT DISTINCT aw.rowid AS rid FROM articles x
		CROSS JOIN articles y ON y.province = x.province AND y.event_date = x.event_date AND y.id < x.id
		CROSS JOIN awards aw ON aw.article_id = x.id
		CROSS JOIN awards ay ON ay.article_id = y.id AND ay.collectives IS aw.collectives
			AND ay.individuals IS aw.individuals AND ay.total IS aw.total` + whereSQL(conds)
	from := " FROM (" + repeats + ") rep CROSS JOIN awards aw ON aw.rowid = rep.rid JOIN articles ar ON ar.id = aw.article_id"
	if p.byDir {
		j, ja := f.directiveJoin()
		from += j
		args = append(args, ja...)
	}
	// The article drops out of a group when every award it has there is
	// a repeat.
	sameGroup := ""
	for _, d := range p.dims {
		if d.name == "form" {
			sameGroup = " AND aw2.form = aw.form"
		}
	}
	q := fmt.Sprintf(`SELECT %s, count(*), coalesce(sum(aw.collectives), 0), coalesce(sum(aw.individuals), 0), coalesce(sum(%s), 0),
		(SELECT count(*) FROM awards aw2 WHERE aw2.article_id = aw.article_id%s)
		%s GROUP BY %s`, p.keyCols(), totalExpr, sameGroup, from, p.innerGroup())
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("find repeated awards: %w", err)
	}
	defer rows.Close()
	keys := make([]sql.NullString, len(p.dims))
	dest := make([]any, 0, len(p.dims)+5)
	for i := range keys {
		dest = append(dest, &keys[i])
	}
	var rp repeat
	dest = append(dest, &rp.n, &rp.c, &rp.i, &rp.t, &rp.all)
	var out []repeat
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("find repeated awards: %w", err)
		}
		r := rp
		r.key = groupKey(keys)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find repeated awards: %w", err)
	}
	return out, nil
}

// awardsByRow reads every award and sums in Go, keeping the evidence.
func awardsByRow(ctx context.Context, db *sql.DB, p plan, f filter, all bool, res *AwardsResult) error {
	from, args := p.fromSQL(f)
	q := fmt.Sprintf(`SELECT %s, aw.rowid, ar.id, ar.url, ar.province, ar.event_date,
		aw.collectives, aw.individuals, aw.total, %s, aw.form, aw.evidence%s ORDER BY ar.id, aw.rowid`,
		p.keyCols(), totalExpr, from)
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("read awards: %w", err)
	}
	defer rows.Close()
	type rec struct {
		keys       []sql.NullString
		rowid, aid int64
		url        string
		prov, ev   sql.NullString
		c, i, t    sql.NullInt64
		sum        int64
		form, sent string
	}
	var recs []rec
	for rows.Next() {
		r := rec{keys: make([]sql.NullString, len(p.dims))}
		dest := make([]any, 0, len(p.dims)+11)
		for i := range r.keys {
			dest = append(dest, &r.keys[i])
		}
		dest = append(dest, &r.rowid, &r.aid, &r.url, &r.prov, &r.ev, &r.c, &r.i, &r.t, &r.sum, &r.form, &r.sent)
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("read awards: %w", err)
		}
		recs = append(recs, r)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read awards: %w", err)
	}
	// The ceremony key and the first article that reported it.
	ceremony := func(r rec) (string, bool) {
		if all || !r.prov.Valid || !r.ev.Valid {
			return "", false
		}
		return strings.Join([]string{r.prov.String, r.ev.String, ptoa(nullInt(r.c)), ptoa(nullInt(r.i)), ptoa(nullInt(r.t))}, "\x00"), true
	}
	first := map[string]int64{}
	for _, r := range recs {
		if k, ok := ceremony(r); ok {
			if a, seen := first[k]; !seen || r.aid < a {
				first[k] = r.aid
			}
		}
	}
	type evRef struct{ row, ev int }
	index := map[string]int{}
	articles := map[int]map[int64]bool{}
	counted := map[string]evRef{}   // ceremony → its counted evidence
	merged := map[string][]Report{} // ceremony → repeats not yet attached
	seenRow := map[int64]bool{}
	for _, r := range recs {
		k, isCeremony := ceremony(r)
		if isCeremony && first[k] != r.aid {
			if !seenRow[r.rowid] {
				seenRow[r.rowid] = true
				res.Merged++
				merged[k] = append(merged[k], Report{ArticleID: r.aid, URL: r.url, Sentence: r.sent})
			}
			continue
		}
		gk := groupKey(r.keys)
		gi, ok := index[gk]
		if !ok {
			gi = len(res.Rows)
			index[gk] = gi
			res.Rows = append(res.Rows, AwardRow{Keys: keyStrings(r.keys), key: gk})
			articles[gi] = map[int64]bool{}
		}
		row := &res.Rows[gi]
		row.Collectives += r.c.Int64
		row.Individuals += r.i.Int64
		row.Total += r.sum
		articles[gi][r.aid] = true
		row.Evidence = append(row.Evidence, Evidence{
			ArticleID: r.aid, URL: r.url, Sentence: r.sent, Form: r.form,
			Collectives: nullInt(r.c), Individuals: nullInt(r.i), Total: nullInt(r.t),
		})
		if isCeremony {
			if _, ok := counted[k]; !ok {
				counted[k] = evRef{gi, len(row.Evidence) - 1}
			}
		}
	}
	for k, reps := range merged {
		ref, ok := counted[k]
		if !ok {
			continue
		}
		ev := &res.Rows[ref.row].Evidence[ref.ev]
		ev.Merged = append(ev.Merged, reps...)
	}
	for gi := range res.Rows {
		res.Rows[gi].Articles = int64(len(articles[gi]))
	}
	return nil
}

func nullInt(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	v := n.Int64
	return &v
}

// sortRows orders rows by their keys in Vietnamese collation, unknown
// values last.
func sortRows(rows []AwardRow) {
	c := newCollator()
	slices.SortStableFunc(rows, func(a, b AwardRow) int {
		for i := range a.Keys {
			if x := c.compareKey(a.Keys[i], b.Keys[i]); x != 0 {
				return x
			}
		}
		return 0
	})
}
