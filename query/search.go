package query

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/vnnews/vnnews/extract/vntext"
)

// SearchOptions tunes Search.
type SearchOptions struct {
	// Limit caps the number of hits; 0 means 20.
	Limit int
}

// Hit is one article found by Search.
type Hit struct {
	ArticleID int64   `json:"article_id"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Date      string  `json:"date"` // published, or the event date where that is unknown
	Province  string  `json:"province"`
	Site      string  `json:"site"`
	Snippet   string  `json:"snippet"` // the hit marked [like this]
	Score     float64 `json:"score"`
}

// QueryError is a search query that is not valid full-text syntax.
type QueryError struct {
	Query  string
	Reason string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("invalid search query %q: %s (use words, \"exact phrases\", OR, AND, NOT, parentheses and prefix*)", e.Query, e.Reason)
}

// Snippet markers around each hit.
const (
	markOpen  = "["
	markClose = "]"
)

// columnWeights weigh hits per articles_fts column for ranking: title,
// body, and the folded copy of both (which repeats their hits, so it
// counts little).
var columnWeights = []float64{3, 1, 0.25}

// snippetColumns are tried in order for the snippet: body, title, then
// any column.
var snippetColumns = []int{1, 0, -1}

// Search finds stored articles matching q, best first. q is SQLite FTS4
// syntax (words, "phrases", OR, AND, NOT, parentheses, prefix*); case and
// diacritics are optional: "khen thuong" finds "khen thưởng", and "dang"
// finds "Đảng" (the index keeps đ apart from d, so the query asks for
// both).
func Search(ctx context.Context, db *sql.DB, q string, opt SearchOptions) ([]Hit, error) {
	q = strings.TrimSpace(vntext.NFC(q))
	if q == "" {
		return nil, &OptionError{"empty search query"}
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = 20
	}
	match := ExpandQuery(q)
	rows, err := db.QueryContext(ctx, `SELECT f.rowid, matchinfo(articles_fts, 'pcnalx'), a.url, coalesce(a.title, ''),
		coalesce(a.published, a.event_date, ''), coalesce(a.province, ''), a.site
		FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?`, match)
	if err != nil {
		return nil, searchError(q, err)
	}
	var hits []Hit
	for rows.Next() {
		var h Hit
		var mi []byte
		if err := rows.Scan(&h.ArticleID, &mi, &h.URL, &h.Title, &h.Date, &h.Province, &h.Site); err != nil {
			rows.Close()
			return nil, searchError(q, err)
		}
		h.Score = bm25(mi)
		if len(h.Date) > 10 {
			h.Date = h.Date[:10]
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, searchError(q, err)
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		case a.Date != b.Date:
			return strings.Compare(b.Date, a.Date) // newer first
		}
		return int(a.ArticleID - b.ArticleID)
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	for i := range hits {
		if hits[i].Snippet, err = snippet(ctx, db, match, hits[i].ArticleID); err != nil {
			return nil, searchError(q, err)
		}
	}
	if hits == nil {
		hits = []Hit{}
	}
	return hits, nil
}

// snippet returns the best marked fragment of an article: from the
// column with the most marked hits, the body on a tie, falling back to
// the folded copy where only it matched.
func snippet(ctx context.Context, db *sql.DB, match string, id int64) (string, error) {
	best, bestMarks := "", -1
	for _, col := range snippetColumns {
		var s string
		err := db.QueryRowContext(ctx, `SELECT snippet(articles_fts, ?, ?, '…', ?, 24) FROM articles_fts
			WHERE articles_fts MATCH ? AND rowid = ?`, markOpen, markClose, col, match, id).Scan(&s)
		if err != nil {
			return "", err
		}
		s = cellText(s, 0)
		if n := strings.Count(s, markOpen); n > bestMarks {
			best, bestMarks = s, n
		}
		if col == 0 && bestMarks > 0 {
			break // the folded copy is a last resort
		}
	}
	return best, nil
}

func searchError(q string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "malformed MATCH") || strings.Contains(msg, "unable to use function MATCH") {
		return &QueryError{Query: q, Reason: "malformed full-text expression"}
	}
	if strings.Contains(msg, "no such table") {
		return fmt.Errorf("search: database has no full-text index: %w", err)
	}
	return fmt.Errorf("search %q: %w", q, err)
}

// bm25 scores a row from FTS4 matchinfo 'pcnalx' (Okapi BM25, k1 1.2,
// b 0.75, columns weighted by columnWeights).
func bm25(mi []byte) float64 {
	const k1, b = 1.2, 0.75
	if len(mi)%4 != 0 || len(mi) < 12 {
		return 0
	}
	v := make([]uint32, len(mi)/4)
	for i := range v {
		v[i] = binary.NativeEndian.Uint32(mi[4*i:])
	}
	p, c := int(v[0]), int(v[1])
	if len(v) < 3+2*c+3*p*c {
		return 0
	}
	n := float64(v[2])
	avg := v[3 : 3+c]
	lens := v[3+c : 3+2*c]
	x := v[3+2*c:]
	score := 0.0
	for i := 0; i < p; i++ {
		for j := 0; j < c; j++ {
			base := 3 * (i*c + j)
			tf, df := float64(x[base]), float64(x[base+2])
			if tf == 0 {
				continue
			}
			idf := math.Log((n-df+0.5)/(df+0.5) + 1)
			norm := 1 - b
			if avg[j] > 0 {
				norm += b * float64(lens[j]) / float64(avg[j])
			}
			w := 1.0
			if j < len(columnWeights) {
				w = columnWeights[j]
			}
			score += w * idf * tf * (k1 + 1) / (tf + k1*norm)
		}
	}
	return score
}

// maxVariants caps how many đ/d spellings one term or phrase expands to.
const maxVariants = 8

// ExpandQuery rewrites an FTS4 query so that a plain d also finds đ:
// the unicode61 tokenizer strips tone marks and hats but keeps đ apart
// from d, so "dang uy" becomes ("dang uy" OR "đang uy" OR ...). Operators,
// parentheses and prefix stars pass through; a query with NEAR or an
// unbalanced quote is left as it is.
func ExpandQuery(q string) string {
	toks, ok := lexQuery(q)
	if !ok {
		return q
	}
	for _, t := range toks {
		if t.kind == tokOp && strings.HasPrefix(t.text, "NEAR") {
			return q
		}
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.spaceBefore {
			b.WriteByte(' ')
		}
		switch t.kind {
		case tokTerm:
			b.WriteString(expandTerm(t.text))
		case tokPhrase:
			b.WriteString(expandPhrase(t.text))
		default:
			b.WriteString(t.text)
		}
	}
	return b.String()
}

type tokKind int

const (
	tokTerm tokKind = iota
	tokPhrase
	tokOp // AND, OR, NOT, NEAR, NEAR/n
	tokParen
)

type qtoken struct {
	kind        tokKind
	text        string
	spaceBefore bool
}

func lexQuery(q string) ([]qtoken, bool) {
	var toks []qtoken
	rs := []rune(q)
	space := false
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			space = true
			i++
			continue
		case r == '(' || r == ')':
			toks = append(toks, qtoken{tokParen, string(r), space})
			i++
		case r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			if j >= len(rs) {
				return nil, false
			}
			text := string(rs[i : j+1])
			j++
			if j < len(rs) && rs[j] == '*' { // "phrase"* is not FTS4, keep as is
				return nil, false
			}
			toks = append(toks, qtoken{tokPhrase, text, space})
			i = j
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '(' && rs[j] != ')' && rs[j] != '"' {
				j++
			}
			text := string(rs[i:j])
			kind := tokTerm
			if text == "AND" || text == "OR" || text == "NOT" || text == "NEAR" || strings.HasPrefix(text, "NEAR/") {
				kind = tokOp
			}
			toks = append(toks, qtoken{kind, text, space})
			i = j
		}
		space = false
	}
	return toks, true
}

// dVariants spells s with every choice of d or đ for its plain d's (in
// either case), up to maxVariants; s itself comes first.
func dVariants(s string) []string {
	out := []string{s}
	rs := []rune(s)
	for i, r := range rs {
		if r != 'd' && r != 'D' {
			continue
		}
		n := len(out)
		if 2*n > maxVariants {
			break
		}
		for k := 0; k < n; k++ {
			v := []rune(out[k])
			v[i] = 'đ'
			out = append(out, string(v))
		}
	}
	return out
}

func expandTerm(t string) string {
	col := ""
	body := t
	if k := strings.IndexByte(t, ':'); k > 0 {
		col, body = t[:k+1], t[k+1:]
	}
	if !plainWord(strings.TrimSuffix(body, "*")) {
		return t // leave odd tokens to FTS as the user wrote them
	}
	vs := dVariants(body)
	if len(vs) == 1 {
		return t
	}
	for i := range vs {
		vs[i] = col + vs[i]
	}
	return "(" + strings.Join(vs, " OR ") + ")"
}

// plainWord reports whether s is one word of letters, digits and marks.
func plainWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

func expandPhrase(p string) string {
	vs := dVariants(p)
	if len(vs) == 1 {
		return p
	}
	return "(" + strings.Join(vs, " OR ") + ")"
}

// WriteHits prints search hits: numbered blocks (title, date, province,
// URL, snippet) for table, or CSV or JSON.
func WriteHits(w io.Writer, hits []Hit, f Format) error {
	switch f {
	case FormatJSON:
		return jsonIndent(w, hits)
	case FormatCSV:
		cw, err := newCSVWriter(w, false)
		if err != nil {
			return err
		}
		if err := cw.write([]string{"rank", "score", "date", "province", "title", "url", "snippet"}); err != nil {
			return err
		}
		for i, h := range hits {
			if err := cw.write([]string{itoa(int64(i + 1)), fmt.Sprintf("%.3f", h.Score), h.Date, h.Province, h.Title, h.URL, h.Snippet}); err != nil {
				return err
			}
		}
		return cw.flush()
	}
	if len(hits) == 0 {
		_, err := io.WriteString(w, "no articles match\n")
		return err
	}
	var b strings.Builder
	for i, h := range hits {
		title := h.Title
		if title == "" {
			title = "(no title)"
		}
		var meta []string
		if h.Date != "" {
			meta = append(meta, h.Date)
		}
		if h.Province != "" {
			meta = append(meta, h.Province)
		}
		fmt.Fprintf(&b, "%d. %s", i+1, cellText(title, 0))
		if len(meta) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(meta, ", "))
		}
		fmt.Fprintf(&b, "\n   %s\n   %s\n", h.URL, h.Snippet)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
