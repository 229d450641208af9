package crawler

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestNormalizeURL(t *testing.T) {
	base, _ := url.Parse("https://BaoLongAn.vn/tin-tuc/chinh-tri/")
	for _, tc := range []struct{ in, want string }{
		{"khen-thuong-40-tap-the-a123.html#binh-luan", "https://baolongan.vn/tin-tuc/chinh-tri/khen-thuong-40-tap-the-a123.html"},
		{"/bai/1.html;jsessionid=A1B2C3", "https://baolongan.vn/bai/1.html"},
		{"/tim-kiem?q=khen+th%C6%B0%E1%BB%9Fng&PHPSESSID=abc&utm_source=zalo", "https://baolongan.vn/tim-kiem?q=khen+th%C6%B0%E1%BB%9Fng"},
		{"/danh-sach?trang=2&chuyen-muc=5", "https://baolongan.vn/danh-sach?chuyen-muc=5&trang=2"},
		{"http://baolongan.vn:80", "http://baolongan.vn/"},
		{"https://baolongan.vn:443/a", "https://baolongan.vn/a"},
		{"../", "https://baolongan.vn/tin-tuc/"},
	} {
		got, ok := NormalizeURL(base, tc.in)
		if !ok || got != tc.want {
			t.Errorf("NormalizeURL(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "#top", "mailto:toasoan@baolongan.vn", "javascript:void(0)", "tel:0272", "ftp://x.vn/a"} {
		if got, ok := NormalizeURL(base, bad); ok {
			t.Errorf("NormalizeURL(%q) = %q, want refused", bad, got)
		}
	}
}

func TestTraps(t *testing.T) {
	for _, tc := range []struct {
		url      string
		calendar bool
		page     bool
	}{
		{"https://a.vn/lich-cong-tac?thang=5&nam=2024", true, false},
		{"https://a.vn/su-kien/2024/05", true, false},
		{"https://a.vn/events?date=2024-05-16", true, false},
		{"https://a.vn/tin-tuc/2024/05/khen-thuong-40-tap-the.html", false, false},
		{"https://a.vn/chinh-tri?page=3", false, true},
		{"https://a.vn/chinh-tri/trang-4.html", false, true},
		{"https://a.vn/category/thoi-su/page/2", false, true},
		{"https://a.vn/bai/123.html", false, false},
	} {
		u, _ := url.Parse(tc.url)
		if got := calendarKey(u) != ""; got != tc.calendar {
			t.Errorf("calendar(%s) = %v", tc.url, got)
		}
		if got := isPaginationURL(u); got != tc.page {
			t.Errorf("pagination(%s) = %v", tc.url, got)
		}
	}
	u, _ := url.Parse("https://a.vn/van-ban/quyet-dinh-368.PDF")
	if !isBinaryURL(u) {
		t.Error(".PDF not skipped")
	}
}

func TestParseFeed(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		kind      FeedKind
		urls      []string
		date      string
	}{
		{"sitemap", `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc> https://baolongan.vn/khen-thuong-a1.html </loc><lastmod>2024-05-16T08:00:00+07:00</lastmod></url>
<url><loc>https://baolongan.vn/hoi-nghi-a2.html</loc></url></urlset>`, URLSet,
			[]string{"https://baolongan.vn/khen-thuong-a1.html", "https://baolongan.vn/hoi-nghi-a2.html"}, "2024-05-16"},
		{"index", `<sitemapindex><sitemap><loc>https://a.vn/sm-1.xml</loc><lastmod>2024-05-01</lastmod></sitemap></sitemapindex>`,
			SitemapIndex, []string{"https://a.vn/sm-1.xml"}, "2024-05-01"},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>Tin mới - Báo Lạng Sơn</title>
<item><title>Khen thưởng 40 tập thể</title><link>https://baolangson.vn/khen-thuong-5001.html</link>
<pubDate>Thu, 16 May 2024 08:00:00 +0700</pubDate></item></channel></rss>`, RSS,
			[]string{"https://baolangson.vn/khen-thuong-5001.html"}, "2024-05-16"},
		{"rss windows-1258", "<?xml version=\"1.0\" encoding=\"windows-1258\"?><rss><channel><item><link>https://a.vn/b\xE0i-1.html</link></item></channel></rss>",
			RSS, []string{"https://a.vn/bài-1.html"}, ""},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://a.vn/x.html"/>
<updated>2024-05-16T01:00:00Z</updated></entry></feed>`, Atom, []string{"https://a.vn/x.html"}, "2024-05-16"},
		{"html", `<html><body>Không phải sitemap</body></html>`, NotAFeed, nil, ""},
	} {
		f, err := ParseFeed([]byte(tc.doc))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if f.Kind != tc.kind || len(f.Entries) != len(tc.urls) {
			t.Errorf("%s: kind %v, %d entries", tc.name, f.Kind, len(f.Entries))
			continue
		}
		for i, e := range f.Entries {
			if e.URL != tc.urls[i] {
				t.Errorf("%s: entry %d = %q, want %q", tc.name, i, e.URL, tc.urls[i])
			}
		}
		if tc.date != "" && f.Entries[0].Date.Format("2006-01-02") != tc.date {
			t.Errorf("%s: date %v, want %s", tc.name, f.Entries[0].Date, tc.date)
		}
	}
}

func TestFindLinks(t *testing.T) {
	html := `<html><head><link rel="alternate" type="application/rss+xml" href="/rss/tin-moi.rss"></head><body>
<ul><li><a href="/khen-thuong-a1.html">Khen thưởng 40 tập thể</a> <span>16/05/2024</span></li>
<li><a href="/hoi-nghi-a2.html">Hội nghị sơ kết</a> <time datetime="2024-05-15T09:00:00+07:00">hôm qua</time></li></ul>
<div class="phan-trang"><a href="?page=1">1</a><a href="?page=2">2</a></div>
<a href="/chinh-tri?page=2">Trang sau</a> <a href="mailto:x@y.vn">thư</a></body></html>`
	l, err := FindLinks([]byte(html), "https://baolongan.vn/chinh-tri")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Link{}
	for _, x := range l.Links {
		got[x.URL] = x
	}
	if !got["https://baolongan.vn/rss/tin-moi.rss"].Feed {
		t.Error("feed not found")
	}
	if d := got["https://baolongan.vn/khen-thuong-a1.html"].Date; d.Format("2006-01-02") != "2024-05-16" {
		t.Errorf("listing date = %v", d)
	}
	if d := got["https://baolongan.vn/hoi-nghi-a2.html"].Date; d.IsZero() {
		t.Error("<time> date not read")
	}
	if !got["https://baolongan.vn/chinh-tri?page=2"].Pagination || !got["https://baolongan.vn/chinh-tri?page=1"].Pagination {
		t.Errorf("pagination not found: %+v", l.Links)
	}
	if l.Dated != 2 || len(l.Links) != 5 {
		t.Errorf("dated %d, %d links: %+v", l.Dated, len(l.Links), l.Links)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 16, 8, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{"120": 2 * time.Minute, "": 0, "soon": 0,
		now.Add(30 * time.Second).Format(http.TimeFormat): 30 * time.Second} {
		h := http.Header{}
		if v != "" {
			h.Set("Retry-After", v)
		}
		if got := retryAfter(&h, now); got != want {
			t.Errorf("Retry-After %q = %v, want %v", v, got, want)
		}
	}
}

func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{"/bai/1.html;jsessionid=1", "?page=2&sid=3#x", "https://A.vn:443/a/../b", "//x.vn", "\x00", "http://[::1]:80/"} {
		f.Add(s)
	}
	base, _ := url.Parse("https://baolongan.vn/tin-tuc/")
	f.Fuzz(func(t *testing.T, ref string) {
		got, ok := NormalizeURL(base, ref)
		if !ok {
			return
		}
		if strings.Contains(got, "#") {
			t.Fatalf("fragment kept: %q", got)
		}
		again, ok := NormalizeURL(nil, got)
		if !ok || again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", ref, got, again)
		}
	})
}

// FuzzURLCache checks that a link normalized on one page of a site and
// taken from the cache on another gives what NormalizeURL gives there.
func FuzzURLCache(f *testing.F) {
	for _, s := range []string{"/bai/1.html", "//cdn.vn/x", "HTTP://A.vn/b?utm_source=x&b=1", "https:c", "../d", "?page=2", " /e#f", "http:g"} {
		f.Add(s, "/tin-tuc/a/b.html")
	}
	f.Fuzz(func(t *testing.T, href, path string) {
		var c urlCache
		first, _ := url.Parse("https://baolongan.vn/mot/hai.html?x=1")
		other, err := first.Parse(path)
		if err != nil || other.Scheme != first.Scheme || other.Host != first.Host {
			return
		}
		const origin = "https://baolongan.vn"
		c.normalize(first, origin, href)
		got, gok := c.normalize(other, origin, href)
		want, wok := NormalizeURL(other, href)
		if got != want || gok != wok {
			t.Fatalf("cached %q %v, NormalizeURL on %s gives %q %v", got, gok, other, want, wok)
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>https://a.vn/1</loc><lastmod>2024-05-16</lastmod></url></urlset>`))
	f.Add([]byte(`<rss><channel><item><link>https://a.vn/2</link><pubDate>Thu, 16 May 2024 08:00:00 +0700</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed><entry><link href="https://a.vn/3"/></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := ParseFeed(data)
		if err != nil {
			return
		}
		for _, e := range fd.Entries {
			if strings.TrimSpace(e.URL) != e.URL || e.URL == "" {
				t.Fatalf("entry URL %q", e.URL)
			}
		}
	})
}

func FuzzFindLinks(f *testing.F) {
	f.Add(`<a href="/a">Trang sau</a><li><a href="b">x</a> 16/05/2024</li>`)
	f.Add(`<base href="https://b.vn/x/"><a href="../y">y</a><link rel="alternate" type="application/atom+xml" href="f">`)
	f.Fuzz(func(t *testing.T, html string) {
		l, err := FindLinks([]byte(html), "https://baolongan.vn/tin-tuc/")
		if err != nil {
			return
		}
		for _, x := range l.Links {
			if !strings.HasPrefix(x.URL, "http://") && !strings.HasPrefix(x.URL, "https://") {
				t.Fatalf("link %q", x.URL)
			}
		}
	})
}
