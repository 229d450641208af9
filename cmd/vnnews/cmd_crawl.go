package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/vnnews/vnnews/crawler"
	"github.com/vnnews/vnnews/store"
)

const crawlSynopsis = "[--config FILE] [--delay DUR] [--db PATH] [--refresh] [--since DATE] [--quiet] [--max-pages N] [URL...]"

// runCrawl crawls the configured sources (or the sites of the URLs given)
// into the database. It succeeds when any article was stored or confirmed,
// even if some pages failed.
func runCrawl(e *env, args []string) error {
	fs := newFlags(e, "crawl", crawlSynopsis)
	dbPath := dbFlag(fs)
	configPath := fs.String("config", "", "YAML config `FILE` naming the sources (default: the built-in list)")
	delay := fs.String("delay", "", "pause between requests to one host, e.g. 1s, 500ms (default 1s, longer where robots.txt asks)")
	refresh := fs.Bool("refresh", false, "fetch articles already stored again (conditional GET)")
	since := fs.String("since", "", "stop paginating listings at articles older than `DATE` (YYYY-MM-DD)")
	quiet := fs.Bool("quiet", false, "print only errors and the summary")
	verbose := fs.Bool("v", false, "log every page")
	maxPages := fs.Int("max-pages", 0, "stop after `N` fetches; the rest stays queued for the next run (0: no limit)")
	urls, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	var d time.Duration
	if *delay != "" {
		d, err = time.ParseDuration(*delay)
		if err != nil || d < 0 {
			return usagef("--delay: bad duration %q (want e.g. 1s, 500ms)", *delay)
		}
	}
	var sinceT time.Time
	if *since != "" {
		sinceT, err = time.ParseInLocation("2006-01-02", *since, time.FixedZone("ICT", 7*3600))
		if err != nil {
			return usagef("--since: bad date %q (want YYYY-MM-DD)", *since)
		}
	}
	if *maxPages < 0 {
		return usagef("--max-pages: must not be negative")
	}

	var cfg *crawler.Config
	if *configPath != "" {
		if cfg, err = crawler.LoadConfig(*configPath); err != nil {
			return err
		}
	} else {
		cfg = crawler.DefaultConfig()
	}
	if len(urls) > 0 {
		if cfg, err = crawler.ConfigForURLs(cfg, urls); err != nil {
			return usageError{err.Error()}
		}
	}
	if *delay != "" {
		cfg.Delay = crawler.Duration(d)
		for i := range cfg.Sources {
			cfg.Sources[i].Delay = 0
		}
	}

	db, err := store.Open(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	tty := isTerminal(e.stderr)
	level := slog.LevelInfo
	switch {
	case *verbose:
		level = slog.LevelDebug
	case *quiet || tty:
		level = slog.LevelWarn
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	opts := crawler.Options{Refresh: *refresh, Since: sinceT, MaxPages: *maxPages, Logger: logger}
	if !*quiet {
		opts.Progress = e.stderr
		opts.ProgressTTY = tty
	}
	c, err := crawler.New(db, cfg, opts)
	if err != nil {
		return err
	}
	st, err := c.Run(e.ctx)
	fmt.Fprintf(e.stdout, "crawl: %s\n", st)
	if err != nil {
		return err
	}
	if st.Confirmed() == 0 {
		if st.Interrupted {
			return errors.New("interrupted before any article was stored; run again to resume")
		}
		return fmt.Errorf("nothing could be crawled (%s)", summarizeErrors(st))
	}
	return nil
}

// summarizeErrors says why a run confirmed no article: its failures by
// kind, and what it skipped on purpose by reason ("0 pages fetched, no
// article found; skipped: robots 3").
func summarizeErrors(st crawler.Stats) string {
	msg := fmt.Sprintf("%d pages fetched, no article found", st.Pages)
	if st.ErrorCount() > 0 {
		msg = fmt.Sprintf("%d pages fetched; errors: %s", st.Pages, crawler.ByKind(st.Errors))
	}
	if st.SkipCount() > 0 {
		msg += "; skipped: " + crawler.ByKind(st.Skips)
	}
	return msg
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
