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

// RunStats is what a crawl run reports when it ends.
type RunStats struct {
	Pages        int            // pages fetched
	NewArticles  int            // articles stored for the first time
	Errors       int            // pages that failed
	ErrorsByKind map[string]int // failures by kind ("http 404", "timeout", ...)
	Status       string         // RunFinished, RunFailed, ...; "" means RunFinished
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
	kinds := map[string]int{}
	for k, v := range s.ErrorsByKind {
		kinds[k] = v
	}
	byKind, err := json.Marshal(kinds) // map keys come out sorted
	if err != nil {
		return fmt.Errorf("finish crawl run %d: %w", id, err)
	}
	res, err := d.db.ExecContext(ctx, `UPDATE crawl_runs SET finished_at = ?, pages = ?, new_articles = ?,
		errors = ?, errors_by_kind = ?, status = ? WHERE id = ?`,
		isoUTC(time.Time{}), s.Pages, s.NewArticles, s.Errors, string(byKind), status, id)
	if err != nil {
		return d.wrapWrite(fmt.Sprintf("finishing crawl run %d", id), err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("finish crawl run %d: %w", id, ErrNotFound)
	}
	return nil
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
	rows, err := d.db.QueryContext(ctx, `SELECT id, started_at, finished_at, pages, new_articles, errors, errors_by_kind, status
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
		var byKind string
		if err := rows.Scan(&r.ID, &started, &finished, &r.Stats.Pages, &r.Stats.NewArticles,
			&r.Stats.Errors, &byKind, &r.Stats.Status); err != nil {
			return nil, fmt.Errorf("read crawl runs: %w", err)
		}
		r.StartedAt, _ = time.Parse(time.RFC3339, started)
		if finished.Valid {
			r.FinishedAt, _ = time.Parse(time.RFC3339, finished.String)
		}
		if err := json.Unmarshal([]byte(byKind), &r.Stats.ErrorsByKind); err != nil {
			r.Stats.ErrorsByKind = nil
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read crawl runs: %w", err)
	}
	return out, nil
}
