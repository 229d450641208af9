// Command vnnews crawls Vietnamese party and provincial news portals and
// turns their articles into a queryable record of who commended whom,
// under which directive, and when.
//
// Run "vnnews help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// env is what a command runs with: no globals, so tests call run directly.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one vnnews subcommand.
type command struct {
	name    string
	args    string // argument synopsis for the usage line
	summary string
	run     func(e *env, args []string) error
}

func commands() []command {
	return []command{
		{"demo", "[--db PATH]", "serve the built-in sample site on loopback, crawl it, store and summarise", runDemo},
		{"crawl", "[--config FILE] [--delay DUR] [URL...]", "crawl the configured sources or the given sites into the database", runCrawl},
		{"extract", "[--json] FILE|URL|-...", "extract facts from pages (HTML or text) and print them", runExtract},
		{"reextract", "[--db PATH]", "run today's extraction again over every stored page", runReextract},
		{"eval", "[-v] DIR", "score extraction against a gold directory", runEval},
		{"awards", "[--by ...] [--format table|csv|json]", "award counts summed over articles", runAwards},
		{"search", "QUERY", "full-text search over stored articles, diacritics optional", runSearch},
		{"export", "units|awards|officials|directives|articles [--out FILE] [--bom]", "CSV export of a table joined with its article", runExport},
		{"sql", "QUERY", "read-only SQL over the database", runSQL},
	}
}

// usageError marks a bad invocation: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// errHelp is returned when -h was asked for and usage has been printed.
var errHelp = flag.ErrHelp

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		printUsage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return run(ctx, []string{args[1], "--help"}, stdin, stdout, stderr)
		}
		printUsage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		err := c.run(e, args[1:])
		return exitCode(stderr, name, err)
	}
	fmt.Fprintf(stderr, "vnnews: unknown command %q (run 'vnnews help')\n", name)
	return 2
}

func exitCode(stderr io.Writer, name string, err error) int {
	if err == nil || errors.Is(err, errHelp) {
		return 0
	}
	msg := strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", " ")
	fmt.Fprintf(stderr, "vnnews %s: %s\n", name, msg)
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: vnnews COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'vnnews COMMAND --help' for a command's flags.")
}

// newFlags returns a flag set for a command that reports errors as values
// and prints its help to stderr.
func newFlags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: vnnews %s %s\n\nflags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// dbFlag adds the --db flag every database command takes.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "vnnews.db", "SQLite database `PATH`")
}

// parseFlags parses args allowing flags before and after positional
// arguments ("search 'khen thuong' --limit 5"); "--" ends flag parsing.
// It returns the positional arguments. Errors are usage errors.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
