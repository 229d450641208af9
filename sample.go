// Package vnnews is the root of the vnnews module. It carries the sample
// site the demo and the end-to-end tests crawl: four small Vietnamese
// news sites written by the project in the genre's style, with the traps
// real portals have (see testdata/site/README.md).
package vnnews

import (
	"embed"
	"io/fs"
)

//go:embed testdata/site
var sampleSite embed.FS

// SampleSite returns the sample site tree: one directory per site.
func SampleSite() fs.FS {
	sub, err := fs.Sub(sampleSite, "testdata/site")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	return sub
}
