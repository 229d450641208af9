package query

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// DisplayWidth is the number of terminal columns s takes: one per rune,
// none for combining marks and other zero-width runes, two for East
// Asian wide runes. Vietnamese in NFC is one column per letter.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case r < ' ':
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

// cellText prepares a value for one table cell: line breaks and tabs
// become spaces and text longer than max columns is cut with "…".
func cellText(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' {
			return ' '
		}
		if r < ' ' {
			return -1
		}
		return r
	}, s)
	if max > 0 && DisplayWidth(s) > max {
		var b strings.Builder
		w := 0
		for _, r := range s {
			rw := DisplayWidth(string(r))
			if w+rw > max-1 {
				break
			}
			b.WriteRune(r)
			w += rw
		}
		return b.String() + "…"
	}
	return s
}

// textTable writes rows under header in columns aligned by display
// width; right marks the columns aligned right (numbers).
type textTable struct {
	header []string
	right  []bool
	rows   [][]string
	// notes[i] are lines printed under row i, indented.
	notes map[int][]string
	// footer rows are printed after a rule.
	footer [][]string
}

func (t *textTable) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	widths := make([]int, len(t.header))
	measure := func(row []string) {
		for i, c := range row {
			if i < len(widths) {
				widths[i] = max(widths[i], DisplayWidth(c))
			}
		}
	}
	measure(t.header)
	for _, r := range t.rows {
		measure(r)
	}
	for _, r := range t.footer {
		measure(r)
	}
	line := func(row []string) {
		var b strings.Builder
		for i, c := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", max(0, widths[i]-DisplayWidth(c)))
			if i < len(t.right) && t.right[i] {
				b.WriteString(pad + c)
			} else if i == len(row)-1 {
				b.WriteString(c)
			} else {
				b.WriteString(c + pad)
			}
		}
		bw.WriteString(strings.TrimRight(b.String(), " "))
		bw.WriteByte('\n')
	}
	rule := func() {
		var parts []string
		for _, n := range widths {
			parts = append(parts, strings.Repeat("─", n))
		}
		bw.WriteString(strings.Join(parts, "  ") + "\n")
	}
	line(t.header)
	rule()
	for i, r := range t.rows {
		line(r)
		for _, n := range t.notes[i] {
			bw.WriteString("    " + n + "\n")
		}
	}
	if len(t.footer) > 0 {
		rule()
		for _, r := range t.footer {
			line(r)
		}
	}
	return bw.Flush()
}

// Neutralize defends a CSV cell against formula injection: a cell that
// begins with = + - @, a tab or a carriage return is prefixed with a
// single quote, so a spreadsheet shows it as text instead of running it.
func Neutralize(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}

// csvWriter writes RFC 4180 CSV (CRLF line ends) with every cell
// neutralized.
type csvWriter struct {
	w   *csv.Writer
	rec []string
}

// utf8BOM makes Excel read a CSV file as UTF-8.
const utf8BOM = "\uFEFF"

func newCSVWriter(w io.Writer, bom bool) (*csvWriter, error) {
	if bom {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvWriter{w: cw}, nil
}

func (c *csvWriter) write(cells []string) error {
	c.rec = c.rec[:0]
	for _, s := range cells {
		c.rec = append(c.rec, Neutralize(s))
	}
	return c.w.Write(c.rec)
}

func (c *csvWriter) flush() error {
	c.w.Flush()
	return c.w.Error()
}

// jsonIndent writes v as indented JSON followed by a newline, keeping
// <, > and & as they are.
func jsonIndent(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
