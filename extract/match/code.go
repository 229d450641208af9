package match

import (
	"strings"
	"unicode/utf8"
)

// Document codes are read by hand from each slash rather than by regular
// expression: a sentence has few slashes, and most are in dates.
//
// Party form "01-KL/TW", "23 – NQ/TƯ", "03-CT/T.Ư", "102HD/BTGTW",
// "36-KH/ĐUK"; state form "368/QĐ-TTg", "91/2006/NĐ-CP", "202/HD-CT",
// "34/2007/PL-UBTVQH11".
var (
	// partyKinds are the kind abbreviations of the party form, longest
	// first.
	partyKinds = []string{"CTr", "TTr", "QyĐ", "QĐi", "QĐI", "CT", "KL", "NQ", "KH", "QĐ", "HD", "TB", "CV", "QC", "ĐA", "BC", "TT", "CĐ"}
	// stateKinds are the kind abbreviations of the state form, longest
	// first.
	stateKinds = []string{"TTLT", "TTr", "QĐ", "NĐ", "CT", "TT", "NQ", "KH", "HD", "TB", "CV", "BC", "QC", "KL", "ĐA", "PL", "CĐ"}
)

// codeMatch is a code found in a sentence, as byte offsets: the whole
// code [start, end), its number, year ("/2006" or empty), kind and issuer.
type codeMatch struct {
	start, end       int
	numS, numE       int
	yearS, yearE     int
	kindS, kindE     int
	issuerS, issuerE int
	state            bool
}

// scanCodes finds the codes written in s, state form first then party
// form, each once, in the order of their slashes.
func scanCodes(s string) (state, party []codeMatch) {
	stateEnd, partyEnd := 0, 0 // codes of one form do not overlap
	for p := strings.IndexByte(s, '/'); p >= 0; {
		if m, ok := stateCodeAt(s, p); ok && m.start >= stateEnd {
			state = append(state, m)
			stateEnd = m.end
		} else if m.end > 0 && !ok {
			// a code with a bad number ("1234567/QĐ-TTg") still takes
			// its text
			stateEnd = m.end
		} else if m, ok := partyCodeAt(s, p); ok && m.start >= partyEnd {
			party = append(party, m)
			partyEnd = m.end
		}
		j := strings.IndexByte(s[p+1:], '/')
		if j < 0 {
			break
		}
		p += 1 + j
	}
	return state, party
}

// stateCodeAt reads a state-form code whose kind follows the slash at p:
// NUMBER[/YEAR]/KIND-ISSUER.
func stateCodeAt(s string, p int) (codeMatch, bool) {
	var m codeMatch
	rest := s[p+1:]
	kind := ""
	for _, k := range stateKinds {
		if strings.HasPrefix(rest, k) && len(rest) > len(k) && rest[len(k)] == '-' {
			kind = k
			break
		}
	}
	if kind == "" {
		return lawCodeAt(s, p)
	}
	m.kindS, m.kindE = p+1, p+1+len(kind)
	// the issuer: a letter, then letters and digits, and one more part
	// after a hyphen ("UBND-VX" stays whole).
	i := m.kindE + 1
	e, ok := issuerPart(s, i)
	if !ok {
		return m, false
	}
	if e < len(s) && s[e] == '-' {
		if e2, ok := issuerPart(s, e+1); ok {
			e = e2
		}
	}
	m.issuerS, m.issuerE, m.end = i, e, e
	// the number, with a year before the slash: "91/2006".
	a := digitsBefore(s, p)
	if p-a == 4 && a > 0 && s[a-1] == '/' {
		b := digitsBefore(s, a-1)
		if n := a - 1 - b; n >= 1 && n <= 5 && (b == 0 || s[b-1] != '/') {
			m.start, m.numS, m.numE = b, b, a-1
			m.yearS, m.yearE = a-1, p
			return m, true
		}
	}
	if n := p - a; n < 1 || n > 5 || a > 0 && s[a-1] == '/' {
		if n < 1 {
			m.end = 0
		}
		return m, false
	}
	m.start, m.numS, m.numE = a, a, p
	m.yearS, m.yearE = p, p
	return m, true
}

// issuerPart reads a letter and then up to ten letters or digits at i
// ("TTg", "UBTVQH11"), returning the end.
func issuerPart(s string, i int) (int, bool) {
	r, size := utf8.DecodeRuneInString(s[i:])
	if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == 'Đ') {
		return i, false
	}
	i += size
	for n := 0; n < 10 && i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == 'Đ' || r == 'đ') {
			break
		}
		i += size
	}
	return i, true
}

// digitsBefore returns the start of the run of digits that ends at p.
func digitsBefore(s string, p int) int {
	a := p
	for a > 0 && isDigitByte(s[a-1]) {
		a--
	}
	return a
}

// partyCodeAt reads a party-form code around the slash at p:
// NUMBER-KIND/ISSUER with optional spaces and dash.
func partyCodeAt(s string, p int) (codeMatch, bool) {
	var m codeMatch
	q := p
	for q > 0 && s[q-1] == ' ' {
		q--
	}
	kind := ""
	for _, k := range partyKinds {
		if strings.HasSuffix(s[:q], k) {
			kind = k
			break
		}
	}
	if kind == "" {
		return m, false
	}
	m.kindS, m.kindE = q-len(kind), q
	k := m.kindS
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	for _, d := range []string{"-", "–", "—"} {
		if strings.HasSuffix(s[:k], d) {
			k -= len(d)
			break
		}
	}
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	a := digitsBefore(s, k)
	if a == k || k-a > 4 {
		return m, false
	}
	m.numS, m.numE = a, k
	m.start = a
	// the issuer after the slash: a letter, up to nine letters or dots,
	// and a part after a hyphen ("ĐUK-BTG").
	i := p + 1
	for i < len(s) && s[i] == ' ' {
		i++
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if !issuerRune(r) {
		return m, false
	}
	e := i + size
	for n := 0; n < 9 && e < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[e:])
		if !issuerRune(r) && r != '.' {
			break
		}
		e += size
	}
	if e < len(s) && s[e] == '-' {
		f := e + 1
		n := 0
		for f < len(s) && n < 6 {
			r, size := utf8.DecodeRuneInString(s[f:])
			if !(r >= 'A' && r <= 'Z' || r == 'Đ') {
				break
			}
			f += size
			n++
		}
		if n >= 2 {
			e = f
		}
	}
	m.issuerS, m.issuerE, m.end = i, e, e
	return m, true
}

func issuerRune(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == 'Đ' || r == 'Ư' || r == 'đ' || r == 'ư'
}

// lawCodeAt reads a code of the National Assembly, which has a year and no
// kind: "202/2025/QH15" (NUMBER/YEAR/QH<term>), with the slash at p before
// "QH".
func lawCodeAt(s string, p int) (codeMatch, bool) {
	var m codeMatch
	rest := s[p+1:]
	if !strings.HasPrefix(rest, "QH") || len(rest) < 4 || !isDigitByte(rest[2]) || !isDigitByte(rest[3]) || len(rest) > 4 && isWordByte(rest[4]) {
		return m, false
	}
	a := digitsBefore(s, p)
	if p-a != 4 || a == 0 || s[a-1] != '/' {
		return m, false
	}
	b := digitsBefore(s, a-1)
	if n := a - 1 - b; n < 1 || n > 5 || b > 0 && (s[b-1] == '/' || isWordByte(s[b-1])) {
		return m, false
	}
	m.start, m.numS, m.numE = b, b, a-1
	m.yearS, m.yearE = a-1, p
	m.kindS, m.kindE = p+1, p+1 // no kind
	m.issuerS, m.issuerE, m.end = p+1, p+5, p+5
	m.state = true
	return m, true
}
