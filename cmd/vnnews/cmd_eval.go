package main

import (
	"github.com/vnnews/vnnews/extract"
	"github.com/vnnews/vnnews/extract/eval"
	"github.com/vnnews/vnnews/extract/facts"
)

func runEval(e *env, args []string) error {
	fs := newFlags(e, "eval", "[-v] DIR")
	verbose := fs.Bool("v", false, "list each case's misses (-) and false hits (+)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("name one gold directory")
	}
	cases, err := eval.Load(pos[0])
	if err != nil {
		return err
	}
	rep := eval.Run(cases, func(raw []byte) (*facts.Article, error) {
		return extract.Page(raw, "", "", extract.Options{})
	})
	rep.WriteTable(e.stdout, len(cases))
	if *verbose {
		rep.WriteCases(e.stdout)
	}
	return nil
}
