// Package sitesrv serves a tree of static sites on loopback, one port per
// top-level directory, the way the sample site's portals would be served:
// HTML without a charset in the header (the page's own meta tag decides,
// as on many real portals), feeds and sitemaps as XML, and 404 for
// anything missing.
//
// A site can be given a fixed port (SamplePorts lists the sample site's),
// so that its URLs are the same from one run to the next and a crawler
// that stored them before finds them stored; when that port is taken the
// site is served on a random port instead, and Site.Fallback says so.
package sitesrv

import (
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
)

// SamplePorts returns the fixed loopback ports the sample site's portals
// are served on (`vnnews demo`), one per top-level directory of
// testdata/site: 18401-18404, a range no common service uses. A new site
// takes the next free number; an existing site keeps its port, so a
// database filled by an earlier run still names the same URLs.
func SamplePorts() map[string]int {
	return map[string]int{
		"dangbo":      18401,
		"baotinh":     18402,
		"huyen":       18403,
		"baoquangtri": 18404,
	}
}

// Site is one served site.
type Site struct {
	Name string // the directory name
	URL  string // http://127.0.0.1:PORT
	// Port is the fixed port asked for the site, 0 if none.
	Port int
	// Fallback is set when Port was taken (or could not be bound) and the
	// site is served on a random port instead.
	Fallback bool
	srv      *http.Server
}

// Serve starts one HTTP server on 127.0.0.1 for each directory at the top
// of fsys. A directory named in ports is served on that port when it is
// free, on a random port otherwise (Site.Fallback); the others on random
// ports. The sites come back sorted by name; close them when done.
func Serve(fsys fs.FS, ports map[string]int) ([]*Site, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read sample site: %w", err)
	}
	var sites []*Site
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		sub, err := fs.Sub(fsys, e.Name())
		if err != nil {
			Close(sites)
			return nil, fmt.Errorf("site %s: %w", e.Name(), err)
		}
		s := &Site{Name: e.Name(), Port: ports[e.Name()]}
		ln, err := listen(s.Port)
		if err != nil && s.Port != 0 {
			s.Fallback = true
			ln, err = listen(0)
		}
		if err != nil {
			Close(sites)
			return nil, fmt.Errorf("serve site %s on loopback: %w", e.Name(), err)
		}
		s.URL = "http://" + ln.Addr().String()
		s.srv = &http.Server{Handler: Handler(sub)}
		go s.srv.Serve(ln)
		sites = append(sites, s)
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i].Name < sites[j].Name })
	return sites, nil
}

// listen opens a TCP listener on 127.0.0.1:port (port 0: a random one).
func listen(port int) (net.Listener, error) {
	return net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
}

// Close stops the servers.
func Close(sites []*Site) {
	for _, s := range sites {
		s.srv.Close()
	}
}

// Handler serves one site's files.
func Handler(site fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name == "" || strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if st, err := fs.Stat(site, name); err == nil && st.IsDir() {
			name = path.Join(name, "index.html")
		}
		data, err := fs.ReadFile(site, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", contentType(name))
		if r.Method == http.MethodHead {
			return
		}
		w.Write(data)
	})
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".html", ".htm":
		return "text/html"
	case ".xml":
		if strings.Contains(name, "rss") || strings.Contains(name, "feed") {
			return "application/rss+xml"
		}
		return "application/xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".pdf":
		return "application/pdf"
	}
	return "application/octet-stream"
}
