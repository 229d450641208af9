package query

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// unknownKey shows a group value that is not known (no province, no
// directive) in the table.
const unknownKey = "(unknown)"

// Write prints the award table in the given format. In table form the
// evidence lines sit under their row and a total closes the table; in
// CSV form with evidence there is one line per counted award, with its
// own counts, sentence, URL and the URLs of the reports merged into it.
func (r *AwardsResult) Write(w io.Writer, f Format) error {
	switch f {
	case FormatCSV:
		return r.writeCSV(w)
	case FormatJSON:
		return r.writeJSON(w)
	default:
		return r.writeTable(w)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func ptoa(n *int64) string {
	if n == nil {
		return ""
	}
	return itoa(*n)
}

// countOrQ shows an unknown count as "?".
func countOrQ(n *int64) string {
	if n == nil {
		return "?"
	}
	return itoa(*n)
}

func (r *AwardsResult) hasEvidence() bool {
	if r.withEvidence {
		return true
	}
	for _, row := range r.Rows {
		if row.Evidence != nil {
			return true
		}
	}
	return false
}

func (r *AwardsResult) writeTable(w io.Writer) error {
	t := &textTable{notes: map[int][]string{}}
	t.header = append(append([]string{}, r.By...), "collectives", "individuals", "total", "articles")
	t.right = make([]bool, len(t.header))
	for i := len(r.By); i < len(t.header); i++ {
		t.right[i] = true
	}
	var sum AwardRow
	for i, row := range r.Rows {
		var cells []string
		for _, k := range row.Keys {
			if k == "" {
				k = unknownKey
			}
			cells = append(cells, cellText(k, 50))
		}
		cells = append(cells, itoa(row.Collectives), itoa(row.Individuals), itoa(row.Total), itoa(row.Articles))
		t.rows = append(t.rows, cells)
		sum.Collectives += row.Collectives
		sum.Individuals += row.Individuals
		sum.Total += row.Total
		sum.Articles += row.Articles
		for _, ev := range row.Evidence {
			t.notes[i] = append(t.notes[i], fmt.Sprintf("• %s [%s/%s/%s] %s", cellText(ev.Sentence, 160), countOrQ(ev.Collectives), countOrQ(ev.Individuals), countOrQ(ev.Total), ev.URL))
			for _, m := range ev.Merged {
				t.notes[i] = append(t.notes[i], "    also reported: "+m.URL)
			}
		}
	}
	// An award counts under each directive of its article, so directive
	// rows do not add up; an article counts under each of its forms.
	addsUp, articlesAddUp := true, true
	for _, b := range r.By {
		switch b {
		case "directive":
			addsUp = false
		case "form":
			articlesAddUp = false
		}
	}
	if len(r.Rows) > 1 && addsUp {
		foot := make([]string, len(r.By))
		foot[0] = "total"
		arts := ""
		if articlesAddUp {
			arts = itoa(sum.Articles)
		}
		foot = append(foot, itoa(sum.Collectives), itoa(sum.Individuals), itoa(sum.Total), arts)
		t.footer = append(t.footer, foot)
	}
	if len(r.Rows) == 0 {
		if _, err := io.WriteString(w, "no awards match\n"); err != nil {
			return err
		}
		return nil
	}
	if err := t.write(w); err != nil {
		return err
	}
	if r.Merged > 0 {
		_, err := fmt.Fprintf(w, "(merged %d repeat report(s) of a ceremony already counted: same province, event date and counts; --all counts every report)\n", r.Merged)
		return err
	}
	return nil
}

func (r *AwardsResult) writeCSV(w io.Writer) error {
	cw, err := newCSVWriter(w, false)
	if err != nil {
		return err
	}
	ev := r.hasEvidence()
	header := append([]string{}, r.By...)
	if ev {
		header = append(header, "collectives", "individuals", "total", "url", "evidence", "merged_urls")
	} else {
		header = append(header, "collectives", "individuals", "total", "articles")
	}
	if err := cw.write(header); err != nil {
		return err
	}
	for _, row := range r.Rows {
		if !ev {
			cells := append(append([]string{}, row.Keys...), itoa(row.Collectives), itoa(row.Individuals), itoa(row.Total), itoa(row.Articles))
			if err := cw.write(cells); err != nil {
				return err
			}
			continue
		}
		for _, e := range row.Evidence {
			var merged []string
			for _, m := range e.Merged {
				merged = append(merged, m.URL)
			}
			cells := append(append([]string{}, row.Keys...), ptoa(e.Collectives), ptoa(e.Individuals), ptoa(e.Total), e.URL, e.Sentence, strings.Join(merged, " "))
			if err := cw.write(cells); err != nil {
				return err
			}
		}
	}
	return cw.flush()
}

// writeJSON prints {"by": [...], "merged": N, "rows": [{"province": ...,
// "collectives": ...}]}, each row naming its dimensions as keys (null
// where unknown).
func (r *AwardsResult) writeJSON(w io.Writer) error {
	type body struct {
		Collectives int64      `json:"collectives"`
		Individuals int64      `json:"individuals"`
		Total       int64      `json:"total"`
		Articles    int64      `json:"articles"`
		Evidence    []Evidence `json:"evidence,omitempty"`
	}
	rows := make([]json.RawMessage, 0, len(r.Rows))
	for _, row := range r.Rows {
		var b bytes.Buffer
		b.WriteByte('{')
		for i, name := range r.By {
			k, _ := json.Marshal(name)
			b.Write(k)
			b.WriteByte(':')
			if row.Keys[i] == "" {
				b.WriteString("null")
			} else {
				v, _ := marshalNoEscape(row.Keys[i])
				b.Write(v)
			}
			b.WriteByte(',')
		}
		rest, err := marshalNoEscape(body{row.Collectives, row.Individuals, row.Total, row.Articles, row.Evidence})
		if err != nil {
			return err
		}
		b.Write(rest[1:])
		rows = append(rows, b.Bytes())
	}
	return jsonIndent(w, struct {
		By     []string          `json:"by"`
		Merged int64             `json:"merged"`
		Rows   []json.RawMessage `json:"rows"`
	}{r.By, r.Merged, rows})
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
