package crawler

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// sessionParams are query parameters that carry a session or tracking id:
// they make one page look like endless different URLs, so they are cut.
var sessionParams = map[string]bool{
	"jsessionid": true, "phpsessid": true, "sid": true, "sessionid": true, "session_id": true,
	"sessid": true, "aspsessionid": true, "cfid": true, "cftoken": true,
	"fbclid": true, "gclid": true, "zarsrc": true, "_ga": true,
}

// trackingPrefixes are query parameter prefixes dropped like sessionParams.
var trackingPrefixes = []string{"utm_"}

// binaryExts are file extensions that are never pages: links to them are
// not followed, so their bodies are never fetched.
var binaryExts = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".odt": true, ".ods": true, ".rtf": true, ".zip": true, ".rar": true, ".7z": true, ".gz": true, ".tar": true,
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".bmp": true,
	".tif": true, ".tiff": true, ".ico": true, ".mp3": true, ".mp4": true, ".avi": true, ".mov": true,
	".wmv": true, ".flv": true, ".webm": true, ".m4a": true, ".wav": true, ".exe": true, ".apk": true,
	".iso": true, ".dmg": true, ".css": true, ".js": true, ".woff": true, ".woff2": true, ".ttf": true,
	".eot": true, ".json": true,
}

// NormalizeURL resolves ref against base and returns the URL the crawler
// keys pages by: http(s) only, host in lower case without its default
// port, no fragment, no session or tracking parameters (also
// ";jsessionid=" path parameters), query parameters in sorted order.
// ok is false for links that are not crawlable (mailto:, javascript:,
// other schemes, unparsable).
func NormalizeURL(base *url.URL, ref string) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", false
	}
	u.User = nil
	u.Fragment = ""
	u.RawFragment = ""
	host := strings.ToLower(u.Host)
	if h, p, ok := strings.Cut(host, ":"); ok && !strings.HasPrefix(host, "[") {
		if (u.Scheme == "http" && p == "80") || (u.Scheme == "https" && p == "443") {
			host = h
		}
	}
	if host == "" || strings.HasPrefix(host, ":") {
		return "", false
	}
	u.Host = host
	// ;jsessionid=... and the like in the path.
	if i := strings.IndexByte(u.Path, ';'); i >= 0 {
		seg := strings.ToLower(u.Path[i+1:])
		if k, _, _ := strings.Cut(seg, "="); sessionParams[k] {
			u.Path = u.Path[:i]
			u.RawPath = ""
		}
	}
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		if err == nil {
			for k := range q {
				lk := strings.ToLower(k)
				drop := sessionParams[lk]
				for _, p := range trackingPrefixes {
					drop = drop || strings.HasPrefix(lk, p)
				}
				if drop {
					q.Del(k)
				}
			}
			u.RawQuery = q.Encode()
		}
	}
	u.ForceQuery = false
	return u.String(), true
}

// urlCache remembers what NormalizeURL made of the links that resolve
// alike on every page of a site, absolute URLs and absolute paths: menus,
// footers and related boxes repeat them on every page. It is safe for
// concurrent use, and stops growing at maxCachedURLs. A nil cache only
// calls NormalizeURL.
type urlCache struct {
	mu sync.RWMutex
	n  int
	m  map[string]map[string]string // origin (scheme://host of the base) → href → URL, "" when refused
}

// maxCachedURLs bounds a urlCache.
const maxCachedURLs = 1 << 16

// normalize is NormalizeURL(base, href); origin is base's
// scheme://host.
func (c *urlCache) normalize(base *url.URL, origin, href string) (string, bool) {
	if c == nil || !originOnly(href) {
		return NormalizeURL(base, href)
	}
	c.mu.RLock()
	u, ok := c.m[origin][href]
	c.mu.RUnlock()
	if ok {
		return u, u != ""
	}
	u, ok = NormalizeURL(base, href)
	c.mu.Lock()
	if c.n < maxCachedURLs {
		if c.m == nil {
			c.m = map[string]map[string]string{}
		}
		hrefs := c.m[origin]
		if hrefs == nil {
			hrefs = map[string]string{}
			c.m[origin] = hrefs
		}
		if _, dup := hrefs[href]; !dup {
			hrefs[href] = u
			c.n++
		}
	}
	c.mu.Unlock()
	return u, ok
}

// originOnly reports whether href resolves against a base URL by the
// base's scheme and host alone: an absolute path ("/a", "//host/a") or
// an absolute http(s) URL.
func originOnly(href string) bool {
	h := strings.TrimSpace(href)
	if strings.HasPrefix(h, "/") {
		return true
	}
	if len(h) >= 5 && strings.EqualFold(h[:5], "http:") || len(h) >= 6 && strings.EqualFold(h[:6], "https:") {
		return true
	}
	return false
}

// isBinaryURL reports whether the URL's path names a file that is not a
// page (a PDF, an image, an archive ...).
func isBinaryURL(u *url.URL) bool {
	return binaryExts[strings.ToLower(path.Ext(u.Path))]
}

// hostKey is the host a site is known by: lower case, without "www.".
func hostKey(h string) string {
	h = strings.ToLower(h)
	return strings.TrimPrefix(h, "www.")
}

// calendarKeys are query parameters that page through dates: a calendar
// widget links to the next month forever.
var calendarKeys = map[string]bool{
	"month": true, "year": true, "day": true, "date": true, "week": true, "thang": true, "nam": true,
	"ngay": true, "tuan": true, "cal": true, "calendar": true, "d": true, "m": true, "y": true,
	"fromdate": true, "todate": true, "tungay": true, "denngay": true, "from": true, "to": true,
	"start": true, "end": true, "time": true,
}

var (
	calendarPath = regexp.MustCompile(`(?i)(calendar|lich|lịch|event|su-kien|archive|luu-tru)`)
	datePath     = regexp.MustCompile(`(19|20)\d\d[-/_.]?(0?[1-9]|1[0-2])\b`)
	digitRun     = regexp.MustCompile(`\d+`)
)

// calendarKey returns a key shared by all the pages of one calendar-like
// URL family (dates in the query, or a calendar path with a date in it),
// or "" when u does not look like a calendar.
func calendarKey(u *url.URL) string {
	dated := false
	var keys []string
	for k, vs := range u.Query() {
		keys = append(keys, strings.ToLower(k))
		if calendarKeys[strings.ToLower(k)] {
			for _, v := range vs {
				if strings.ContainsAny(v, "0123456789") {
					dated = true
				}
			}
		}
	}
	if !dated && !(calendarPath.MatchString(u.Path) && datePath.MatchString(u.Path+"?"+u.RawQuery)) {
		return ""
	}
	slices.Sort(keys)
	return strings.ToLower(u.Host) + digitRun.ReplaceAllString(u.Path, "#") + "?" + strings.Join(keys, "&")
}

// paginationQuery are query keys that number listing pages.
var paginationQuery = map[string]bool{
	"page": true, "p": true, "trang": true, "pageindex": true, "pagenum": true, "paged": true,
	"pg": true, "currentpage": true, "start": true, "offset": true,
}

var paginationPath = regexp.MustCompile(`(?i)(/page/\d+|/trang[-/]?\d+|/p\d+(\.html?)?$|[-_]p\d+\.html?$|/\d+\.htm(l)?\?page)`)

// isPaginationURL reports whether u looks like page N of a listing.
func isPaginationURL(u *url.URL) bool {
	for k := range u.Query() {
		if paginationQuery[strings.ToLower(k)] {
			return true
		}
	}
	return paginationPath.MatchString(u.Path)
}
