// Package sitesrv serves a tree of static sites on loopback, one port per
// top-level directory, the way the sample site's portals would be served:
// HTML without a charset in the header (the page's own meta tag decides,
// as on many real portals), feeds and sitemaps as XML, and 404 for
// anything missing.
package sitesrv

import (
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"path"
	"sort"
	"strings"
)

// Site is one served site.
type Site struct {
	Name string // the directory name
	URL  string // http://127.0.0.1:PORT
	srv  *http.Server
}

// Serve starts one HTTP server on 127.0.0.1 for each directory at the top
// of fsys. Close the returned sites when done.
func Serve(fsys fs.FS) ([]*Site, error) {
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
			return nil, err
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			Close(sites)
			return nil, fmt.Errorf("listen on loopback: %w", err)
		}
		s := &Site{Name: e.Name(), URL: "http://" + ln.Addr().String(), srv: &http.Server{Handler: Handler(sub)}}
		go s.srv.Serve(ln)
		sites = append(sites, s)
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i].Name < sites[j].Name })
	return sites, nil
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
