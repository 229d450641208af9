package query

import (
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator orders Vietnamese text the way a Vietnamese reader expects
// (a ă â b c d đ e ê ..., tones after the base letter).
type collator struct{ c *collate.Collator }

func newCollator() collator {
	return collator{collate.New(language.Vietnamese, collate.Numeric)}
}

// compareKey compares two key values, with the empty (unknown) value
// last.
func (c collator) compareKey(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return c.c.CompareString(a, b)
}
