package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/vnnews/vnnews/extract"
	"github.com/vnnews/vnnews/extract/facts"
)

// maxPageBytes bounds what extract reads from a file, URL or stdin.
const maxPageBytes = 32 << 20

func runExtract(e *env, args []string) error {
	fs := newFlags(e, "extract", "[--json] FILE|URL|-...")
	asJSON := fs.Bool("json", false, "print one JSON object per page (gold format plus url, author, body)")
	province := fs.String("province", "", "province to assume when the text names none")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("name at least one FILE, URL or - for standard input")
	}
	jsonl := *asJSON || len(pos) > 1
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, arg := range pos {
		raw, ctype, pageURL, err := readPage(e, arg)
		if err == nil {
			var a *facts.Article
			a, err = extract.Page(raw, ctype, pageURL, extract.Options{Province: *province})
			if err == nil {
				if jsonl {
					err = enc.Encode(a)
				} else {
					printArticle(e.stdout, a)
				}
			}
		}
		if err != nil {
			if len(pos) == 1 {
				return err
			}
			failed++
			fmt.Fprintf(e.stderr, "vnnews extract: %v\n", err)
			// Keep argument order in JSON Lines: a failed page is a line too.
			enc.Encode(map[string]string{"source": arg, "error": err.Error()})
		}
	}
	if failed == len(pos) {
		return fmt.Errorf("no page could be extracted")
	}
	return nil
}

// readPage reads a page from a file, an http(s) URL, or "-" (stdin).
func readPage(e *env, arg string) (raw []byte, contentType, pageURL string, err error) {
	switch {
	case arg == "-":
		raw, err = io.ReadAll(io.LimitReader(e.stdin, maxPageBytes))
		if err != nil {
			return nil, "", "", fmt.Errorf("read standard input: %w", err)
		}
		return raw, "", "", nil
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		req, err := http.NewRequestWithContext(e.ctx, http.MethodGet, arg, nil)
		if err != nil {
			return nil, "", "", fmt.Errorf("fetch %s: %w", arg, err)
		}
		req.Header.Set("User-Agent", "vnnews/0.1 (extract)")
		client := &http.Client{Timeout: 30 * time.Second}
		resp, err := client.Do(req)
		if err != nil {
			return nil, "", "", fmt.Errorf("fetch %s: %w", arg, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, "", "", fmt.Errorf("fetch %s: %s", arg, resp.Status)
		}
		raw, err = io.ReadAll(io.LimitReader(resp.Body, maxPageBytes))
		if err != nil {
			return nil, "", "", fmt.Errorf("fetch %s: %w", arg, err)
		}
		return raw, resp.Header.Get("Content-Type"), resp.Request.URL.String(), nil
	default:
		f, err := os.Open(arg)
		if err != nil {
			return nil, "", "", fmt.Errorf("read %s: %w", arg, unwrapPath(err))
		}
		defer f.Close()
		raw, err = io.ReadAll(io.LimitReader(f, maxPageBytes))
		if err != nil {
			return nil, "", "", fmt.Errorf("read %s: %w", arg, unwrapPath(err))
		}
		return raw, "", "", nil
	}
}

// unwrapPath drops the path an *os.PathError repeats.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func printArticle(w io.Writer, a *facts.Article) {
	str := func(p *string) string {
		if p == nil {
			return "—"
		}
		return *p
	}
	num := func(p *int) string {
		if p == nil {
			return "—"
		}
		return fmt.Sprint(*p)
	}
	fmt.Fprintf(w, "title:      %s\n", str(a.Title))
	fmt.Fprintf(w, "published:  %s\n", str(a.Published))
	fmt.Fprintf(w, "event date: %s\n", str(a.EventDate))
	fmt.Fprintf(w, "province:   %s\n", str(a.Province))
	if a.URL != "" {
		fmt.Fprintf(w, "url:        %s\n", a.URL)
	}
	if a.Author != "" {
		fmt.Fprintf(w, "author:     %s\n", a.Author)
	}
	fmt.Fprintf(w, "directives: %d\n", len(a.Directives))
	for _, d := range a.Directives {
		fmt.Fprintf(w, "  %s (%s, %s)\n", d.Code, d.Kind, str(d.Date))
	}
	fmt.Fprintf(w, "officials:  %d\n", len(a.Officials))
	for _, o := range a.Officials {
		fmt.Fprintf(w, "  %s: %s\n", o.Name, strings.Join(o.Titles, "; "))
	}
	fmt.Fprintf(w, "awards:     %d\n", len(a.Awards))
	for _, aw := range a.Awards {
		fmt.Fprintf(w, "  %s tập thể, %s cá nhân, total %s: %s by %s\n", num(aw.Collectives), num(aw.Individuals), num(aw.Total), aw.Form, aw.ConferredBy)
		if aw.Evidence != "" {
			fmt.Fprintf(w, "    « %s »\n", aw.Evidence)
		}
	}
	fmt.Fprintf(w, "units:      %d\n", len(a.Units))
	for _, u := range a.Units {
		fmt.Fprintf(w, "  %s (%s)\n", u.Name, u.Role)
	}
	for _, warn := range a.Warnings {
		fmt.Fprintf(w, "warning:    %s\n", warn)
	}
}
