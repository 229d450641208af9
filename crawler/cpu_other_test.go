//go:build !unix

package crawler

import "time"

// processCPU is not measured here: the benchmarks report 0 CPU per page.
func processCPU() time.Duration { return 0 }
