package store

import (
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// ErrDiskFull is returned (wrapped) when SQLite runs out of space.
var ErrDiskFull = errors.New("disk full")

// ErrReadOnly is returned (wrapped) when a write reaches a database that
// was opened read-only or whose file cannot be written.
var ErrReadOnly = errors.New("database is read-only")

// sqliteCode returns the primary SQLite result code behind err, or 0.
func sqliteCode(err error) sqlite3.ErrNo {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code
	}
	return 0
}

// wrapWrite turns a failed write into an error that names what was being
// written ("storing https://...") and, for the failures a user can act on,
// the cause in plain words.
func (d *DB) wrapWrite(what string, err error) error {
	switch sqliteCode(err) {
	case sqlite3.ErrFull:
		return fmt.Errorf("%w while %s (database %s): %w", ErrDiskFull, what, d.path, err)
	case sqlite3.ErrReadonly:
		return fmt.Errorf("%s: %w (%s): %w", what, ErrReadOnly, d.path, err)
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		return fmt.Errorf("%s: %s is not a vnnews SQLite database (or is damaged): %w", what, d.path, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}
