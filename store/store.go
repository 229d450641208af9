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
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// DB is an open vnnews database.
type DB struct {
	db *sql.DB
	// rd reads beside the one writer connection, for the look-ups the
	// crawler makes for every page; nil when the database is read-only
	// or not in WAL mode (where readers would wait on the writer).
	rd       *sql.DB
	path     string
	readOnly bool
	gzips    sync.Pool // of *gzip.Writer, for raw pages
}

// ErrNewerSchema is returned by Open for a database written by a newer
// vnnews than this one.
var ErrNewerSchema = errors.New("database schema is newer than this vnnews understands")

// Open opens the database at path, creating it if needed, and applies any
// pending migrations. The directory must exist.
func Open(path string) (*DB, error) {
	return open(context.Background(), path, false)
}

// OpenExisting is Open for commands that work on stored data (reextract):
// it refuses to create a database that is not there.
func OpenExisting(path string) (*DB, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := checkDir(path); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
		return nil, fmt.Errorf("open database %s: no such file (run 'vnnews demo' or 'vnnews crawl' first)", path)
	}
	return Open(path)
}

// OpenReadOnly opens an existing database for queries only: SQLite refuses
// every write through it (mode=ro and query_only).
func OpenReadOnly(path string) (*DB, error) {
	return open(context.Background(), path, true)
}

func open(ctx context.Context, path string, readOnly bool) (*DB, error) {
	if err := checkDir(path); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := checkFile(path, readOnly); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	// Keep prepared statements per connection: the crawler runs the same
	// few statements for every page.
	q.Set("_stmt_cache_size", "64")
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
	if !readOnly {
		if err := d.openReader(ctx); err != nil {
			sdb.Close()
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	}
	return d, nil
}

// openReader opens d.rd, the connections that read while the writer
// writes, when the database is in WAL mode.
func (d *DB) openReader(ctx context.Context) error {
	var mode string
	if err := d.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if !strings.EqualFold(mode, "wal") {
		return nil
	}
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_query_only", "true")
	q.Set("_stmt_cache_size", "64")
	dsn := "file:" + (&url.URL{Path: d.path}).EscapedPath() + "?" + q.Encode()
	rd, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return err
	}
	rd.SetMaxOpenConns(4)
	rd.SetMaxIdleConns(4)
	d.rd = rd
	return nil
}

// reader is the handle for look-ups that need no write: d.rd when there
// is one. Each look-up sees what was committed before it started.
func (d *DB) reader() *sql.DB {
	if d.rd != nil {
		return d.rd
	}
	return d.db
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
	var appID int64
	if err := d.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return notSQLite(err)
	}
	if appID != 0 && appID != applicationID {
		return fmt.Errorf("not a vnnews SQLite database (application id %#x belongs to another program)", appID)
	}
	if version > len(migrations) {
		return fmt.Errorf("%w (schema version %d, this vnnews knows up to %d)", ErrNewerSchema, version, len(migrations))
	}
	if version == len(migrations) {
		return nil
	}
	if d.readOnly && version == 0 {
		return errors.New("empty database: nothing stored yet (run 'vnnews demo' or 'vnnews crawl' first)")
	}
	if d.readOnly {
		return fmt.Errorf("schema version %d is older than %d; open it once with a writing command to migrate", version, len(migrations))
	}
	for {
		done, err := d.migrateStep(ctx)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

// applicationID marks a database file as vnnews's (PRAGMA application_id,
// "vnnw").
const applicationID = 0x766e6e77

// migrateStep applies the next migration in its own transaction, reading
// the version inside it so two processes opening a new file at once do
// not both migrate. done is true when the schema is current.
func (d *DB) migrateStep(ctx context.Context) (done bool, err error) {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, notSQLite(err)
	}
	if v >= len(migrations) {
		return true, tx.Commit()
	}
	if v == 0 {
		var other string
		err := tx.QueryRowContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1`).Scan(&other)
		if err == nil {
			return false, fmt.Errorf("not a vnnews SQLite database (it holds table %q and no vnnews schema)", other)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return false, notSQLite(err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return false, fmt.Errorf("migrate to schema version 1: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return false, fmt.Errorf("migrate to schema version %d: %w", v+1, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("migrate to schema version %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate to schema version %d: %w", v+1, err)
	}
	return false, nil
}

// checkDir refuses a path whose directory does not exist.
func checkDir(path string) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("directory %s does not exist", dir)
	}
	return nil
}

// sqliteMagic starts every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// checkFile refuses, before SQLite sees it, a file that is missing (when
// reading), not SQLite, or not writable (when writing).
func checkFile(path string, readOnly bool) error {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if readOnly {
			return errors.New("no such file (run 'vnnews demo' or 'vnnews crawl' first)")
		}
		return nil
	}
	if err != nil {
		return err
	}
	if st.IsDir() {
		return errors.New("is a directory, not a vnnews SQLite database")
	}
	flag := os.O_RDONLY
	if !readOnly {
		flag = os.O_RDWR
	}
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			if readOnly {
				return errors.New("file is not readable")
			}
			return fmt.Errorf("%w: the file is not writable", ErrReadOnly)
		}
		return err
	}
	defer f.Close()
	if st.Size() == 0 {
		return nil // SQLite treats an empty file as a new database
	}
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != sqliteMagic {
		return errors.New("not a vnnews SQLite database (the file is not SQLite)")
	}
	return nil
}

func notSQLite(err error) error {
	return fmt.Errorf("not a vnnews SQLite database: %w", err)
}

// Close closes the database.
func (d *DB) Close() error {
	if d.rd != nil {
		d.rd.Close()
	}
	return d.db.Close()
}

// SQL returns the underlying handle for queries the store does not wrap.
func (d *DB) SQL() *sql.DB { return d.db }

// Path returns the file the database was opened from.
func (d *DB) Path() string { return d.path }

// SchemaVersion is the schema version this vnnews writes.
func SchemaVersion() int { return len(migrations) }
