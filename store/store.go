// Package store keeps vnnews's articles and the facts taken from them in
// SQLite (github.com/mattn/go-sqlite3): one transaction per article, the
// raw page kept for reextraction, a full-text index for search, and the
// crawl frontier so a killed crawl resumes.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// DB is an open vnnews database.
type DB struct {
	db       *sql.DB
	path     string
	readOnly bool
}

// ErrNewerSchema is returned by Open for a database written by a newer
// vnnews than this one.
var ErrNewerSchema = errors.New("database schema is newer than this vnnews understands")

// Open opens the database at path, creating it if needed, and applies any
// pending migrations. The directory must exist.
func Open(path string) (*DB, error) {
	return open(context.Background(), path, false)
}

// OpenReadOnly opens an existing database for queries only: SQLite refuses
// every write through it (mode=ro and query_only).
func OpenReadOnly(path string) (*DB, error) {
	return open(context.Background(), path, true)
}

func open(ctx context.Context, path string, readOnly bool) (*DB, error) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("open database %s: directory %s does not exist", path, dir)
	}
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open database %s: no such file (run 'vnnews crawl' or 'vnnews demo' first)", path)
		}
	}
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	if readOnly {
		q.Set("mode", "ro")
		q.Set("_query_only", "true")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	sdb, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if !readOnly {
		// One writer at a time keeps SQLite's locking simple and fast.
		sdb.SetMaxOpenConns(1)
	}
	d := &DB{db: sdb, path: path, readOnly: readOnly}
	if err := d.migrate(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return d, nil
}

// migrate brings the schema up to date, or refuses a newer one.
func (d *DB) migrate(ctx context.Context) error {
	var version int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return notSQLite(err)
	}
	// A file that is not SQLite fails on its first real read.
	if _, err := d.db.ExecContext(ctx, "SELECT count(*) FROM sqlite_master"); err != nil {
		return notSQLite(err)
	}
	if version > len(migrations) {
		return fmt.Errorf("%w (schema version %d, this vnnews knows up to %d)", ErrNewerSchema, version, len(migrations))
	}
	if version == len(migrations) {
		return nil
	}
	if d.readOnly {
		return fmt.Errorf("schema version %d is older than %d; open it once with a writing command to migrate", version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		tx, err := d.db.BeginTx(ctx, nil)
		if err != nil {
			return notSQLite(err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to schema version %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to schema version %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to schema version %d: %w", v+1, err)
		}
	}
	return nil
}

func notSQLite(err error) error {
	return fmt.Errorf("not a vnnews SQLite database: %w", err)
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// SQL returns the underlying handle for queries the store does not wrap.
func (d *DB) SQL() *sql.DB { return d.db }

// Path returns the file the database was opened from.
func (d *DB) Path() string { return d.path }

// SchemaVersion is the schema version this vnnews writes.
func SchemaVersion() int { return len(migrations) }
