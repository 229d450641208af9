package main

import "errors"

// runReextract is being written; this placeholder is replaced by its owner.
func runReextract(e *env, args []string) error { return errors.New("reextract: not built yet") }
