package store

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// killChildEnv names the database a child test process writes into until
// it is killed.
const killChildEnv = "VNNEWS_STORE_KILL_CHILD_DB"

// TestKillChild is the child of TestKillLeavesWholeArticles: it stores
// and re-stores articles as fast as it can until killed.
func TestKillChild(t *testing.T) {
	path := os.Getenv(killChildEnv)
	if path == "" {
		t.Skip("run by TestKillLeavesWholeArticles")
	}
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; ; i++ {
		// New URLs, and updates of the first ten (alternating fact sets).
		u := "https://longan.dcs.vn/bai-" + strconv.Itoa(i)
		if i%3 == 0 {
			u = "https://longan.dcs.vn/bai-" + strconv.Itoa(i%10)
		}
		p := samplePage(u)
		p.Raw = benchRaw
		if _, _, err := d.SaveArticle(ctx, p, sampleArticle(u)); err != nil {
			t.Fatal(err)
		}
		if i == 20 {
			os.Stdout.WriteString("saving\n")
		}
	}
}

// TestKillLeavesWholeArticles kills a process in the middle of storing
// articles, several times, and checks that every stored article is whole:
// its page, index entry and every fact row are there.
func TestKillLeavesWholeArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	if os.Getenv(killChildEnv) != "" {
		t.Skip("in the child")
	}
	path := filepath.Join(t.TempDir(), "vnnews.db")
	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), killChildEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if line != "saving\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child said %q", line)
		}
		time.Sleep(time.Duration(20+round*17) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
	}

	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var check string
	d.SQL().QueryRow("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check: %s", check)
	}
	n := count(t, d, "SELECT count(*) FROM articles")
	if n < 20 {
		t.Fatalf("only %d articles stored before the kills", n)
	}
	want := sampleArticle("")
	for q, per := range map[string]int{
		"pages":        1,
		"articles_fts": 1,
		"directives":   len(want.Directives),
		"officials":    len(want.Officials),
		"awards":       len(want.Awards),
		"units":        len(want.Units),
	} {
		col := "article_id"
		if q == "articles_fts" {
			col = "rowid"
		}
		if bad := count(t, d, `SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM `+q+` WHERE `+col+` = a.id) != ?`, per); bad != 0 {
			t.Errorf("%d of %d articles do not have %d %s rows", bad, n, per, q)
		}
	}
	if dup := count(t, d, "SELECT count(*) - count(DISTINCT url) FROM articles"); dup != 0 {
		t.Errorf("%d duplicate URLs", dup)
	}
	t.Logf("%d articles whole after 3 kills", n)
}
