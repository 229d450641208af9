package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/vnnews/vnnews"
	"github.com/vnnews/vnnews/crawler"
	"github.com/vnnews/vnnews/internal/sitesrv"
	"github.com/vnnews/vnnews/query"
	"github.com/vnnews/vnnews/store"
)

// runDemo serves the embedded sample site on loopback, crawls it with the
// real crawler into --db, and prints a summary and the award table.
func runDemo(e *env, args []string) error {
	fs := newFlags(e, "demo", "[--db PATH] [--quiet]")
	dbPath := dbFlag(fs)
	quiet := fs.Bool("quiet", false, "print only the summary and the table")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("demo takes no arguments (got %q)", pos[0])
	}
	stats, err := demo(e, *dbPath, *quiet)
	if err != nil {
		return err
	}
	if stats.New+stats.Unchanged+stats.Updated == 0 {
		return fmt.Errorf("the demo crawl stored no article (%s)", stats)
	}
	return nil
}

// demo runs the pipeline on the sample site and prints what it found.
// Each site is served on its fixed port (sitesrv.SamplePorts) when it is
// free, so that a second run on the same database finds its articles
// stored under the same URLs and does not fetch them again.
func demo(e *env, dbPath string, quiet bool) (crawler.Stats, error) {
	start := time.Now()
	db, err := store.Open(dbPath)
	if err != nil {
		return crawler.Stats{}, err
	}
	defer db.Close()

	sites, err := sitesrv.Serve(vnnews.SampleSite(), sitesrv.SamplePorts())
	if err != nil {
		return crawler.Stats{}, err
	}
	defer sitesrv.Close(sites)
	var urls []string
	for _, s := range sites {
		urls = append(urls, s.URL+"/")
		if !quiet {
			fmt.Fprintf(e.stderr, "serving sample site %-11s at %s\n", s.Name, s.URL)
		}
		if s.Fallback {
			// Said even with --quiet: the URLs differ from other runs'.
			fmt.Fprintf(e.stderr, "vnnews demo: port %d for %s is taken; serving it at %s instead, so its articles are fetched again under new URLs\n",
				s.Port, s.Name, s.URL)
		}
	}

	cfg, err := crawler.ConfigForURLs(nil, urls)
	if err != nil {
		return crawler.Stats{}, err
	}
	// Loopback and our own site: no need to wait between requests, but
	// robots.txt's Crawl-delay is still obeyed, as on a real portal.
	cfg.Delay = 0
	logOut := io.Discard
	if !quiet {
		logOut = e.stderr
	}
	opts := crawler.Options{
		Logger: slog.New(slog.NewTextHandler(logOut, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
	if !quiet && isTerminal(e.stderr) {
		opts.Progress, opts.ProgressTTY = e.stderr, true
	}
	c, err := crawler.New(db, cfg, opts)
	if err != nil {
		return crawler.Stats{}, err
	}
	stats, err := c.Run(e.ctx)
	if err != nil {
		return stats, err
	}
	counts, err := db.Counts(e.ctx)
	if err != nil {
		return stats, err
	}
	repeats, merged, err := repeatsLine(e.ctx, db.SQL(), siteNamer(sites))
	if err != nil {
		return stats, err
	}
	dbArg := "" // the --db the next commands need, as one shell word
	switch {
	case dbPath == "vnnews.db":
	case strings.ContainsAny(dbPath, " \t\n'\"\\$`*?[]{}()<>|&;#~"):
		dbArg = " --db '" + strings.ReplaceAll(dbPath, "'", `'\''`) + "'"
	default:
		dbArg = " --db " + dbPath
	}

	w := e.stdout
	fmt.Fprintf(w, "vnnews demo: %d sample sites crawled into %s\n", len(sites), dbPath)
	fmt.Fprintf(w, "  served at:       %s\n", servedLine(sites))
	fmt.Fprintf(w, "  pages fetched:   %d\n", stats.Pages)
	fmt.Fprintf(w, "  articles stored: %d new, %d updated, %d unchanged (%d in the database)\n",
		stats.New, stats.Updated, stats.Unchanged, counts.Articles)
	if n := stats.Unchanged - stats.Duplicates; n > 0 {
		fmt.Fprintf(w, "  incremental:     %s already stored, not downloaded again\n", plural(n, "article"))
	}
	if stats.Duplicates > 0 {
		fmt.Fprintf(w, "  duplicates:      %s with a stored article's text under another URL, not stored again\n",
			plural(stats.Duplicates, "page"))
	}
	fmt.Fprintf(w, "  facts found:     %d awards, %d officials, %d directives, %d units\n",
		counts.Awards, counts.Officials, counts.Directives, counts.Units)
	fmt.Fprintf(w, "  same ceremony:   %s", repeats)
	if merged {
		fmt.Fprintf(w, "; see vnnews awards%s --evidence", dbArg)
	}
	fmt.Fprintln(w)
	// Failures and skips apart: obeying robots.txt is no error.
	fmt.Fprintf(w, "  errors:          %d", stats.ErrorCount())
	if stats.ErrorCount() > 0 {
		fmt.Fprintf(w, " (%s", crawler.ByKind(stats.Errors))
		if stats.Errors[crawler.ErrHTTP4xx] > 0 {
			fmt.Fprint(w, "; on purpose: the sample site links a missing page")
		}
		fmt.Fprint(w, ")")
	}
	fmt.Fprintln(w)
	if stats.SkipCount() > 0 {
		fmt.Fprintf(w, "  skipped:         %s", crawler.ByKind(stats.Skips))
		if stats.Skips[crawler.SkipRobots] > 0 {
			fmt.Fprint(w, " (not fetched on purpose, no failure; the sample site's robots.txt forbids some pages)")
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "  time taken:      %s\n\n", time.Since(start).Round(time.Millisecond))

	res, err := query.Awards(e.ctx, db.SQL(), query.AwardsOptions{By: []string{"province"}})
	if err != nil {
		return stats, fmt.Errorf("award table: %w", err)
	}
	fmt.Fprintln(w, "Awards by province (one ceremony reported twice is counted once):")
	if err := res.Write(w, query.FormatTable); err != nil {
		return stats, err
	}
	fmt.Fprintf(w, "\nNext: vnnews awards%s --by province,year | vnnews export units%s --out units.csv | vnnews search%s \"khen thuong\"\n",
		dbArg, dbArg, dbArg)
	return stats, nil
}

// servedLine says where the sites were served: on their fixed ports, or
// which of them fell back to a random port.
func servedLine(sites []*sitesrv.Site) string {
	var fixed []int
	var fallback []string
	for _, s := range sites {
		switch {
		case s.Fallback:
			u, _ := url.Parse(s.URL)
			fallback = append(fallback, fmt.Sprintf("%s on random port %s (%d was taken)", s.Name, u.Port(), s.Port))
		case s.Port != 0:
			fixed = append(fixed, s.Port)
		}
	}
	slices.Sort(fixed)
	var parts []string
	switch {
	case len(fixed) == 1:
		parts = append(parts, fmt.Sprintf("127.0.0.1, fixed port %d", fixed[0]))
	case len(fixed) > 1 && fixed[len(fixed)-1]-fixed[0] == len(fixed)-1:
		parts = append(parts, fmt.Sprintf("127.0.0.1, fixed ports %d-%d", fixed[0], fixed[len(fixed)-1]))
	case len(fixed) > 1:
		var ps []string
		for _, p := range fixed {
			ps = append(ps, fmt.Sprint(p))
		}
		parts = append(parts, "127.0.0.1, fixed ports "+strings.Join(ps, ", "))
	}
	if len(fallback) == 0 {
		return strings.Join(parts, "") + " (the same each run: a second run fetches only what is new)"
	}
	parts = append(parts, fallback...)
	return strings.Join(parts, "; ") + " (articles served on a new port are fetched again)"
}

// siteNamer returns a function naming the sample site a URL belongs to,
// or its host where it is none of them (articles of an earlier run).
func siteNamer(sites []*sitesrv.Site) func(string) string {
	byHost := map[string]string{}
	for _, s := range sites {
		if u, err := url.Parse(s.URL); err == nil {
			byHost[u.Host] = s.Name
		}
	}
	return func(raw string) string {
		u, err := url.Parse(raw)
		if err != nil {
			return raw
		}
		if n, ok := byHost[u.Host]; ok {
			return n
		}
		return u.Host
	}
}

// repeatsLine says what the award table's merging of repeats did, read
// from the database through the query package: how many counted awards
// were also reported elsewhere (same province, event date and counts),
// how often, and on which sites. merged is false when no report was
// merged.
func repeatsLine(ctx context.Context, db *sql.DB, site func(string) string) (line string, merged bool, err error) {
	res, err := query.Awards(ctx, db, query.AwardsOptions{Evidence: true})
	if err != nil {
		return "", false, fmt.Errorf("repeated awards: %w", err)
	}
	if res.Merged == 0 {
		return "none (no award was reported by two articles)", false, nil
	}
	counted := 0
	onSite := map[string]bool{}
	for _, row := range res.Rows {
		for _, ev := range row.Evidence {
			if len(ev.Merged) == 0 {
				continue
			}
			counted++
			onSite[site(ev.URL)] = true
			for _, m := range ev.Merged {
				onSite[site(m.URL)] = true
			}
		}
	}
	var names []string
	for n := range onSite {
		names = append(names, n)
	}
	slices.Sort(names)
	if counted == 0 {
		return fmt.Sprintf("%s merged into awards counted once", plural(int(res.Merged), "repeat report")), true, nil
	}
	twice := int64(counted) == res.Merged
	switch {
	case twice && len(names) == 1:
		return fmt.Sprintf("%s reported twice on %s, counted once", plural(counted, "award"), names[0]), true, nil
	case twice && len(names) == 2:
		return fmt.Sprintf("%s reported by two sites (%s and %s), counted once",
			plural(counted, "award"), names[0], names[1]), true, nil
	}
	return fmt.Sprintf("%s reported %d times in all, on %s, each counted once",
		plural(counted, "award"), int64(counted)+res.Merged, strings.Join(names, ", ")), true, nil
}

// plural is "1 award" or "2 awards".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
