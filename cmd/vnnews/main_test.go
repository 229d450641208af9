package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs vnnews in-process and returns its exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestBadUsage(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(notDB, []byte("this is a text file, not SQLite, padded to be longer than a header..........................................."), 0o644); err != nil {
		t.Fatal(err)
	}
	unreadable := filepath.Join(dir, "secret.html")
	if err := os.WriteFile(unreadable, []byte("<p>x</p>"), 0o000); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stderrIs []string // substrings the one-line error must hold
	}{
		{"no command", nil, 2, []string{"usage: vnnews"}},
		{"unknown command", []string{"frobnicate"}, 2, []string{`unknown command "frobnicate"`}},
		{"missing flag value", []string{"awards", "--db"}, 2, []string{"vnnews awards:", "flag needs an argument", "-db"}},
		{"unknown flag", []string{"search", "--colour", "x"}, 2, []string{"vnnews search:", "colour"}},
		{"db directory missing", []string{"reextract", "--db", filepath.Join(dir, "nope", "v.db")}, 1, []string{"vnnews reextract:", filepath.Join(dir, "nope"), "does not exist"}},
		{"db not sqlite", []string{"reextract", "--db", notDB}, 1, []string{"vnnews reextract:", notDB, "not a vnnews SQLite database"}},
		{"db missing for a query", []string{"awards", "--db", filepath.Join(dir, "absent.db")}, 1, []string{"vnnews awards:", "absent.db"}},
		{"unreadable file", []string{"extract", unreadable}, 1, []string{"vnnews extract:", unreadable, "permission denied"}},
		{"missing file", []string{"extract", filepath.Join(dir, "gone.txt")}, 1, []string{"vnnews extract:", "gone.txt", "no such file"}},
		{"extract without pages", []string{"extract"}, 2, []string{"vnnews extract:", "FILE"}},
		{"eval without dir", []string{"eval"}, 2, []string{"vnnews eval:"}},
		{"eval of empty dir", []string{"eval", dir}, 1, []string{"vnnews eval:", "gold directory"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "unreadable file" && os.Geteuid() == 0 {
				t.Skip("root reads any file")
			}
			code, _, stderr := runCLI(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, stderr)
			}
			for _, want := range tc.stderrIs {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q lacks %q", stderr, want)
				}
			}
			if tc.code != 0 && strings.Count(strings.TrimSpace(lastError(stderr)), "\n") != 0 {
				t.Errorf("error is not one line: %q", stderr)
			}
		})
	}
}

// lastError returns the "vnnews ...:" line of stderr (flag usage text may
// come before it).
func lastError(stderr string) string {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	return lines[len(lines)-1]
}

func TestHelp(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	if code != 0 || !strings.Contains(out, "demo") || !strings.Contains(out, "export") {
		t.Fatalf("help: exit %d, %q", code, out)
	}
	for _, c := range commands() {
		code, _, stderr := runCLI(t, "", c.name, "--help")
		if code != 0 || !strings.Contains(stderr, "usage: vnnews "+c.name) {
			t.Errorf("%s --help: exit %d, %q", c.name, code, stderr)
		}
	}
}
