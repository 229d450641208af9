package main

import (
	"fmt"
	"io"
	"log/slog"
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
func demo(e *env, dbPath string, quiet bool) (crawler.Stats, error) {
	start := time.Now()
	db, err := store.Open(dbPath)
	if err != nil {
		return crawler.Stats{}, err
	}
	defer db.Close()

	sites, err := sitesrv.Serve(vnnews.SampleSite())
	if err != nil {
		return crawler.Stats{}, err
	}
	defer sitesrv.Close(sites)
	var urls []string
	for _, s := range sites {
		urls = append(urls, s.URL+"/")
		if !quiet {
			fmt.Fprintf(e.stderr, "serving sample site %-8s at %s\n", s.Name, s.URL)
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

	w := e.stdout
	fmt.Fprintf(w, "vnnews demo: %d sample sites crawled into %s\n", len(sites), dbPath)
	fmt.Fprintf(w, "  pages fetched:   %d\n", stats.Pages)
	fmt.Fprintf(w, "  articles stored: %d new, %d updated, %d unchanged (%d in the database)\n",
		stats.New, stats.Updated, stats.Unchanged, counts.Articles)
	fmt.Fprintf(w, "  facts found:     %d awards, %d officials, %d directives, %d units\n",
		counts.Awards, counts.Officials, counts.Directives, counts.Units)
	fmt.Fprintf(w, "  errors:          %d", stats.ErrorCount())
	if len(stats.Errors) > 0 {
		fmt.Fprintf(w, " %v (the sample site holds a 404 and a PDF on purpose)", stats.Errors)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  time taken:      %s\n\n", time.Since(start).Round(time.Millisecond))

	res, err := query.Awards(e.ctx, db.SQL(), query.AwardsOptions{By: []string{"province"}})
	if err != nil {
		return stats, fmt.Errorf("award table: %w", err)
	}
	fmt.Fprintln(w, "Awards by province (one ceremony reported twice is counted once):")
	if err := res.Write(w, query.FormatTable); err != nil {
		return stats, err
	}
	fmt.Fprintln(w, "\nNext: vnnews awards --by province,year | vnnews export units --out units.csv | vnnews search \"khen thuong\"")
	return stats, nil
}
