package main

import (
	"errors"
	"strings"

	"github.com/vnnews/vnnews/query"
	"github.com/vnnews/vnnews/store"
)

const awardsSynopsis = "[--by province|year|month|site|directive|form[,...]] [--province NAME] [--from DATE] [--to DATE] [--directive CODE] [--all] [--evidence] [--format table|csv|json] [--db PATH]"

// runAwards prints award counts summed over articles, grouped and
// filtered; one ceremony reported by several sites counts once unless
// --all.
func runAwards(e *env, args []string) error {
	fs := newFlags(e, "awards", awardsSynopsis)
	dbPath := dbFlag(fs)
	by := fs.String("by", "province", "group by these `DIMS`, comma-separated: "+strings.Join(query.Dimensions(), ", "))
	province := fs.String("province", "", "only articles about this province `NAME` (case and diacritics optional; comma-separated for several)")
	from := fs.String("from", "", "only events on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD; the publication date where the event date is unknown)")
	to := fs.String("to", "", "only events on or before `DATE`")
	directive := fs.String("directive", "", "only articles citing this directive `CODE`, e.g. 01-KL/TW")
	all := fs.Bool("all", false, "count every report: do not merge one ceremony reported by several articles")
	evidence := fs.Bool("evidence", false, "list the sentence and URL behind each row")
	format := fs.String("format", "table", "output `FORMAT`: table, csv or json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	db, f, err := openForQuery(*dbPath, *format)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := query.Awards(e.ctx, db.SQL(), query.AwardsOptions{
		By:        strings.Split(*by, ","),
		Province:  *province,
		From:      *from,
		To:        *to,
		Directive: *directive,
		All:       *all,
		Evidence:  *evidence,
	})
	if err != nil {
		return queryErr(err)
	}
	return res.Write(e.stdout, f)
}

// queryErr turns the query package's complaints about its input into
// usage errors (exit 2); other errors stay runtime failures.
// openForQuery parses an output format and opens the database read-only,
// as every query command does.
func openForQuery(dbPath, format string) (*store.DB, query.Format, error) {
	f, err := query.ParseFormat(format)
	if err != nil {
		return nil, "", usageError{err.Error()}
	}
	db, err := store.OpenReadOnly(dbPath)
	if err != nil {
		return nil, "", err
	}
	return db, f, nil
}

// queryErr turns the query package's option and syntax errors into usage
// errors (exit 2); other errors stay runtime failures.
func queryErr(err error) error {
	var oe *query.OptionError
	var qe *query.QueryError
	if errors.As(err, &oe) || errors.As(err, &qe) {
		return usageError{err.Error()}
	}
	return err
}
