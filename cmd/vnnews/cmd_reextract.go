package main

import (
	"fmt"
	"log/slog"
	"reflect"

	"github.com/vnnews/vnnews/extract"
	"github.com/vnnews/vnnews/extract/facts"
	"github.com/vnnews/vnnews/store"
)

// runReextract runs today's extraction again over every stored page, from
// the raw bytes kept in the database (no network), and replaces each
// article's facts in its own transaction.
func runReextract(e *env, args []string) error {
	fs := newFlags(e, "reextract", "[--db PATH]")
	dbPath := dbFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("reextract takes no arguments, got %q", pos[0])
	}
	d, err := store.OpenExisting(*dbPath)
	if err != nil {
		return err
	}
	defer d.Close()
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	var done, changed, failed int
	err = d.EachPage(e.ctx, func(id int64, p *store.Page) error {
		if err := e.ctx.Err(); err != nil {
			return err
		}
		pageURL := p.FetchedURL
		if pageURL == "" {
			pageURL = p.URL
		}
		a, err := extract.Page(p.Raw, p.ContentType, pageURL, extract.Options{Province: p.Province})
		if err != nil {
			failed++
			log.Warn("reextract: page kept as it was", "url", p.URL, "err", err)
			return nil
		}
		before, err := d.Article(e.ctx, id)
		if err != nil {
			return err
		}
		if err := d.ReplaceFacts(e.ctx, id, a); err != nil {
			return err
		}
		after, err := d.Article(e.ctx, id)
		if err != nil {
			return err
		}
		done++
		if !sameFacts(before, after) {
			changed++
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("after %d articles: %w", done, err)
	}
	msg := fmt.Sprintf("re-extracted %d articles (%d changed)", done, changed)
	if failed > 0 {
		msg += fmt.Sprintf(", %d pages failed and were kept as they were", failed)
	}
	fmt.Fprintln(e.stdout, msg)
	if failed > 0 && done == 0 {
		return fmt.Errorf("no stored page could be extracted (%d failed)", failed)
	}
	return nil
}

// sameFacts reports whether two stored versions of an article carry the
// same extraction: everything but the warnings, which note how the page
// was read rather than what it says.
func sameFacts(a, b *facts.Article) bool {
	x, y := *a, *b
	x.Warnings, y.Warnings = nil, nil
	return reflect.DeepEqual(x, y)
}
