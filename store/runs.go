package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Run statuses in crawl_runs.status.
const (
	RunRunning  = "running"  // in progress, or its process died
	RunFinished = "finished" // ended normally
	RunFailed   = "failed"   // ended on an error
	RunKilled   = "killed"   // found still 'running' by a later StartRun
)

// runsSkippedV3 records a run's skips apart from its errors: URLs not
// fetched on purpose (robots.txt forbids them, already stored, past
// --since, over budget) are no failures. Runs recorded before it counted
// the URLs robots.txt forbids among their errors (kind "robots"); those
// are moved to the skips, so errors means failures in every row. Older
// runs recorded no other skips: their skipped holds the robots ones only.
const runsSkippedV3 = `
ALTER TABLE crawl_runs ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE crawl_runs ADD COLUMN skipped_by_reason TEXT NOT NULL DEFAULT '{}';
UPDATE crawl_runs SET
	errors = max(errors - json_extract(errors_by_kind, '$.robots'), 0),
	errors_by_kind = json_remove(errors_by_kind, '$.robots'),
	skipped = json_extract(errors_by_kind, '$.robots'),
	skipped_by_reason = json_object('robots', json_extract(errors_by_kind, '$.robots'))
WHERE json_valid(errors_by_kind) AND json_type(errors_by_kind, '$.robots') = 'integer';
`

// RunStats is what a crawl run reports when it ends.
type RunStats struct {
	Pages        int            // pages fetched
	NewArticles  int            // articles stored for the first time
	Errors       int            // pages that failed
	ErrorsByKind map[string]int // failures by kind ("http 404", "timeout", ...)
	// Skipped is the number of URLs not fetched on purpose (robots.txt
	// forbids them, already stored, ...): no failures.
	Skipped         int
	SkippedByReason map[string]int // skips by reason ("robots", "stored", ...)
	Status          string         // RunFinished, RunFailed, ...; "" means RunFinished
}

// StartRun records the start of a crawl run and returns its id. Runs left
// 'running' by a process that was killed are marked 'killed' first; vnnews
// runs one writer per database, so no other run can be live.
func (d *DB) StartRun(ctx context.Context) (int64, error) {
	var id int64
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE crawl_runs SET status = ? WHERE status = ?`, RunKilled, RunRunning); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO crawl_runs(started_at, status) VALUES (?, ?)`, isoUTC(time.Time{}), RunRunning)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return 0, d.wrapWrite("starting a crawl run", err)
	}
	return id, nil
}

// FinishRun records the end of crawl run id with its figures.
func (d *DB) FinishRun(ctx context.Context, id int64, s RunStats) error {
	status := s.Status
	if status == "" {
		status = RunFinished
	}
	byKind, err := countsJSON(s.ErrorsByKind)
	if err != nil {
		return fmt.Errorf("finish crawl run %d: %w", id, err)
	}
	byReason, err := countsJSON(s.SkippedByReason)
	if err != nil {
		return fmt.Errorf("finish crawl run %d: %w", id, err)
	}
	res, err := d.db.ExecContext(ctx, `UPDATE crawl_runs SET finished_at = ?, pages = ?, new_articles = ?,
		errors = ?, errors_by_kind = ?, skipped = ?, skipped_by_reason = ?, status = ? WHERE id = ?`,
		isoUTC(time.Time{}), s.Pages, s.NewArticles, s.Errors, byKind, s.Skipped, byReason, status, id)
	if err != nil {
		return d.wrapWrite(fmt.Sprintf("finishing crawl run %d", id), err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("finish crawl run %d: %w", id, ErrNotFound)
	}
	return nil
}

// countsJSON is a count map as a JSON object, keys sorted; nil is {}.
func countsJSON(m map[string]int) (string, error) {
	if m == nil {
		m = map[string]int{}
	}
	b, err := json.Marshal(m) // map keys come out sorted
	return string(b), err
}

// Run is one row of crawl_runs.
type Run struct {
	ID         int64
	StartedAt  time.Time
	FinishedAt time.Time // zero while running or when killed
	Stats      RunStats
}

// Runs returns the crawl runs, newest first, at most limit (all when
// limit <= 0).
func (d *DB) Runs(ctx context.Context, limit int) ([]Run, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, started_at, finished_at, pages, new_articles, errors, errors_by_kind, skipped, skipped_by_reason, status
		FROM crawl_runs ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("read crawl runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		var r Run
		var started string
		var finished sql.NullString
		var byKind, byReason string
		if err := rows.Scan(&r.ID, &started, &finished, &r.Stats.Pages, &r.Stats.NewArticles,
			&r.Stats.Errors, &byKind, &r.Stats.Skipped, &byReason, &r.Stats.Status); err != nil {
			return nil, fmt.Errorf("read crawl runs: %w", err)
		}
		r.StartedAt, _ = time.Parse(time.RFC3339, started)
		if finished.Valid {
			r.FinishedAt, _ = time.Parse(time.RFC3339, finished.String)
		}
		if err := json.Unmarshal([]byte(byKind), &r.Stats.ErrorsByKind); err != nil {
			r.Stats.ErrorsByKind = nil
		}
		if err := json.Unmarshal([]byte(byReason), &r.Stats.SkippedByReason); err != nil {
			r.Stats.SkippedByReason = nil
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read crawl runs: %w", err)
	}
	return out, nil
}
