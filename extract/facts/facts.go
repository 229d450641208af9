// Package facts holds the facts vnnews takes from one article, in the shape
// of the gold format (shared/gold/FORMAT.md) plus the evidence behind each.
//
// It is a leaf package: the page parser, the matchers, the store and the
// evaluator all speak these types.
package facts

// Article is everything extracted from one page. Its JSON form is the gold
// format plus url, author, body and the evidence fields.
type Article struct {
	URL        string      `json:"url"`
	Title      *string     `json:"title"`
	Published  *string     `json:"published"`  // YYYY-MM-DD, Vietnam time
	EventDate  *string     `json:"event_date"` // YYYY-MM-DD
	Province   *string     `json:"province"`
	Directives []Directive `json:"directives"`
	Officials  []Official  `json:"officials"`
	Awards     []Award     `json:"awards"`
	Units      []Unit      `json:"units"`
	Author     string      `json:"author"`
	Body       string      `json:"body"`
	// Site is the host the page came from, when known.
	Site string `json:"site,omitempty"`
	// Warnings records what went wrong but was worked around (a charset
	// that lied, a body that was cut).
	Warnings []string `json:"warnings,omitempty"`
}

// Directive is a party or state document referred to by number.
type Directive struct {
	Code    string  `json:"code"` // normalized: 01-KL/TW, 368/QĐ-TTg
	Kind    string  `json:"kind"` // Kết luận, Chỉ thị, ...
	Date    *string `json:"date"` // the document's own date, YYYY-MM-DD
	Mention string  `json:"mention,omitempty"`
}

// Official is a named person given an office, rank or religious title.
type Official struct {
	Name     string   `json:"name"`
	Titles   []string `json:"titles"`
	Evidence string   `json:"evidence,omitempty"`
}

// Award is one act of commendation with a count.
type Award struct {
	Collectives *int   `json:"collectives"`
	Individuals *int   `json:"individuals"`
	Total       *int   `json:"total"`
	Form        string `json:"form"`
	ConferredBy string `json:"conferred_by"`
	Period      string `json:"period,omitempty"`
	Evidence    string `json:"evidence,omitempty"`
}

// Unit is an organisation named as awarded or exemplary.
type Unit struct {
	Name     string `json:"name"`
	Role     string `json:"role"` // "awarded" or "exemplary"
	Evidence string `json:"evidence,omitempty"`
}

// Unit roles.
const (
	RoleAwarded   = "awarded"
	RoleExemplary = "exemplary"
)

// Normalize replaces nil lists with empty ones so JSON shows [] rather
// than null, as the gold format wants.
func (a *Article) Normalize() {
	if a.Directives == nil {
		a.Directives = []Directive{}
	}
	if a.Officials == nil {
		a.Officials = []Official{}
	}
	if a.Awards == nil {
		a.Awards = []Award{}
	}
	if a.Units == nil {
		a.Units = []Unit{}
	}
	for i := range a.Officials {
		if a.Officials[i].Titles == nil {
			a.Officials[i].Titles = []string{}
		}
	}
}

// Str returns a pointer to s, or nil when s is empty.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Int returns a pointer to n.
func Int(n int) *int { return &n }
