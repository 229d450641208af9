package main

import "errors"

// runCrawl is being written; this placeholder is replaced by its owner.
func runCrawl(e *env, args []string) error { return errors.New("crawl: not built yet") }
