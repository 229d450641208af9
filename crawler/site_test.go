package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// testSite is a generated Vietnamese news site on a loopback server: a
// home page, a paginated listing, articles, robots.txt, a sitemap (or a
// sitemap index) and an RSS feed. It logs every request.
type testSite struct {
	srv      *httptest.Server
	articles int // articles 1..articles, newest has the highest number
	perPage  int
	robots   string // robots.txt body; "" gives a permissive one naming the sitemap
	index    bool   // serve /sitemap.xml as a sitemap index of two parts
	noDates  bool   // listings show no dates
	etags    bool   // articles carry an ETag and answer If-None-Match with 304
	// realistic pads every page with what real portals carry around
	// the article (a mega menu, a related-news box with dates, a
	// "most read" sidebar, inline scripts and styles, a long footer),
	// so pages weigh 30–60 kB like the real ones.
	realistic bool
	// latency is how long the server waits before each response.
	latency time.Duration
	extra   map[string]http.HandlerFunc

	mu  sync.Mutex
	log []hit
}

type hit struct {
	Path string
	At   time.Time
	UA   string
	INM  string
}

func newTestSite(t testing.TB, articles int, setup func(s *testSite)) *testSite {
	t.Helper()
	s := &testSite{articles: articles, perPage: 10, extra: map[string]http.HandlerFunc{}}
	if setup != nil {
		setup(s)
	}
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *testSite) URL() string { return s.srv.URL }

// hits returns how many times each path was requested.
func (s *testSite) hits() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := map[string]int{}
	for _, h := range s.log {
		m[h.Path]++
	}
	return m
}

func (s *testSite) requests() []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]hit(nil), s.log...)
}

func (s *testSite) resetLog() {
	s.mu.Lock()
	s.log = nil
	s.mu.Unlock()
}

// articleDate is the publication day of article n: one a day, going
// back from 2024-05-16 for the newest.
func (s *testSite) articleDate(n int) time.Time {
	return time.Date(2024, 5, 16, 8, 0, 0, 0, time.UTC).AddDate(0, 0, n-s.articles)
}

func (s *testSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.latency > 0 {
		time.Sleep(s.latency)
	}
	p := r.URL.Path
	if r.URL.RawQuery != "" {
		p += "?" + r.URL.RawQuery
	}
	s.mu.Lock()
	s.log = append(s.log, hit{Path: p, At: time.Now(), UA: r.UserAgent(), INM: r.Header.Get("If-None-Match")})
	s.mu.Unlock()
	if h, ok := s.extra[r.URL.Path]; ok {
		h(w, r)
		return
	}
	switch {
	case r.URL.Path == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		if s.robots != "" {
			fmt.Fprint(w, s.robots)
			return
		}
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/sitemap.xml\n", s.srv.URL)
	case r.URL.Path == "/":
		s.listing(w, 1)
	case r.URL.Path == "/tin-tuc":
		n, _ := strconv.Atoi(r.URL.Query().Get("page"))
		s.listing(w, max(n, 1))
	case strings.HasPrefix(r.URL.Path, "/bai/"):
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/bai/"), ".html"))
		if err != nil || n < 1 || n > s.articles {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"a%d"`, n)
		if s.etags {
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if s.realistic {
			fmt.Fprint(w, s.realisticArticle(n))
			return
		}
		fmt.Fprint(w, articleHTML(s.srv.URL, n, s.articleDate(n)))
	case r.URL.Path == "/sitemap.xml" && s.index:
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/sitemap-1.xml</loc></sitemap>
<sitemap><loc>%[1]s/sitemap-2.xml</loc><lastmod>2024-05-16</lastmod></sitemap>
</sitemapindex>`, s.srv.URL)
	case r.URL.Path == "/sitemap.xml", r.URL.Path == "/sitemap-1.xml", r.URL.Path == "/sitemap-2.xml":
		lo, hi := 1, s.articles
		if r.URL.Path == "/sitemap-1.xml" {
			hi = s.articles / 2
		} else if r.URL.Path == "/sitemap-2.xml" {
			lo = s.articles/2 + 1
		}
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for n := hi; n >= lo; n-- {
			fmt.Fprintf(w, "<url><loc>%s/bai/%d.html</loc><lastmod>%s</lastmod></url>\n", s.srv.URL, n, s.articleDate(n).Format("2006-01-02"))
		}
		fmt.Fprint(w, "</urlset>")
	case r.URL.Path == "/rss.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin mới</title>`)
		for n := s.articles; n > 0 && n > s.articles-5; n-- {
			fmt.Fprintf(w, "<item><title>Bài %d</title><link>%s/bai/%d.html</link><pubDate>%s</pubDate></item>",
				n, s.srv.URL, n, s.articleDate(n).Format(time.RFC1123Z))
		}
		fmt.Fprint(w, `</channel></rss>`)
	default:
		http.NotFound(w, r)
	}
}

// listing writes page pg of the article list, newest first.
func (s *testSite) listing(w http.ResponseWriter, pg int) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Báo Thử</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>
<header><div class="date">Thứ Bảy, 22/11/2026</div><nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></nav></header>
<main><h1>Tin tức</h1><ul class="list">`)
	if s.realistic {
		b.Reset()
		b.WriteString(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Báo Thử</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml">`)
		b.WriteString(chromeHead)
		b.WriteString(`</head><body>`)
		b.WriteString(chromeTop)
		b.WriteString(`<main><h1>Tin tức</h1><ul class="list">`)
	}
	first := s.articles - (pg-1)*s.perPage
	for n := first; n > first-s.perPage && n > 0; n-- {
		fmt.Fprintf(&b, `<li><a href="/bai/%d.html">Khen thưởng tập thể, cá nhân tiêu biểu số %d</a>`, n, n)
		if !s.noDates {
			fmt.Fprintf(&b, ` <span class="time">%s</span>`, s.articleDate(n).Format("02/01/2006"))
		}
		b.WriteString("</li>\n")
	}
	b.WriteString(`</ul><div class="pagination">`)
	if first-s.perPage > 0 {
		fmt.Fprintf(&b, `<a href="/tin-tuc?page=%d">Trang sau</a>`, pg+1)
	}
	b.WriteString(`</div></main>`)
	if s.realistic {
		b.WriteString(s.sidebar(first))
		b.WriteString(chromeFooter)
	}
	b.WriteString(`<footer>Báo Thử © 2024</footer></body></html>`)
	fmt.Fprint(w, b.String())
}

// articleHTML is article n: a headline, a publication date, a byline and
// a few paragraphs of real Vietnamese prose.
func articleHTML(base string, n int, date time.Time) string {
	return fmt.Sprintf(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Khen thưởng %[1]d tập thể, cá nhân tiêu biểu trong học tập và làm theo Bác - Báo Thử</title>
<link rel="canonical" href="%[2]s/bai/%[1]d.html">
<meta property="article:published_time" content="%[3]s">
</head><body><header><nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></nav></header>
<article><h1>Khen thưởng %[1]d tập thể, cá nhân tiêu biểu trong học tập và làm theo Bác</h1>
<div class="meta">%[4]s</div>
<p>Sáng %[5]s, Ban Thường vụ Tỉnh ủy Long An tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Bài số %[1]d.</p>
<p>Đồng chí Nguyễn Văn Út, Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy chủ trì hội nghị. Dự hội nghị có đại diện lãnh đạo các sở, ban, ngành, đoàn thể tỉnh và các huyện, thị xã, thành phố.</p>
<p>Dịp này, Ban Thường vụ Tỉnh ủy tặng Giấy khen cho %[1]d tập thể và 20 cá nhân có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021 - 2024.</p>
<p>Phát biểu kết luận hội nghị, đồng chí Trưởng ban Tuyên giáo Tỉnh ủy đề nghị các cấp ủy, tổ chức đảng tiếp tục quán triệt sâu sắc nội dung Kết luận số 01-KL/TW, gắn việc học tập và làm theo Bác với nhiệm vụ chính trị của địa phương, đơn vị.</p>
</article><aside><h3>Tin khác</h3><a href="/bai/%[6]d.html">Tin liên quan</a></aside>
<footer>Báo Thử © 2024</footer></body></html>`,
		n, base, date.Format(time.RFC3339), date.Format("02/01/2006 15:04"), date.Format("2/1"), max(n-1, 1))
}

// realisticArticle is article n wrapped in a real portal's furniture.
func (s *testSite) realisticArticle(n int) string {
	a := articleHTML(s.srv.URL, n, s.articleDate(n))
	head, rest, _ := strings.Cut(a, "</head><body>")
	art, foot, _ := strings.Cut(rest, "<footer>")
	var b strings.Builder
	b.WriteString(head)
	b.WriteString(chromeHead)
	b.WriteString("</head><body>")
	b.WriteString(chromeTop)
	b.WriteString(art)
	b.WriteString(s.related(n))
	b.WriteString(s.sidebar(n))
	b.WriteString(chromeFooter)
	b.WriteString("<footer>")
	b.WriteString(foot)
	return b.String()
}

// related is a "Tin liên quan" box of ten dated links, as article pages
// on real portals carry.
func (s *testSite) related(n int) string {
	var b strings.Builder
	b.WriteString(`<div class="box-related"><h3 class="box-title">Tin liên quan</h3><ul>`)
	for k := n - 1; k >= n-10; k-- {
		m := (k+s.articles-1)%s.articles + 1
		fmt.Fprintf(&b, `<li class="item"><a href="/bai/%d.html" title="Khen thưởng %d tập thể, cá nhân tiêu biểu">Khen thưởng %d tập thể, cá nhân tiêu biểu trong học tập và làm theo Bác</a> <span class="time">(%s)</span></li>`,
			m, m, m, s.articleDate(m).Format("02/01/2006"))
	}
	b.WriteString(`</ul></div>`)
	return b.String()
}

// sidebar is a "Đọc nhiều" box with thumbnails and short teasers.
func (s *testSite) sidebar(n int) string {
	var b strings.Builder
	b.WriteString(`<aside class="sidebar"><div class="box-most-read"><h3>Đọc nhiều</h3>`)
	for k := 0; k < 8; k++ {
		m := (n+k*37)%s.articles + 1
		fmt.Fprintf(&b, `<div class="story"><a class="thumb" href="/bai/%d.html"><img src="/img/%d.jpg" alt="Ảnh minh họa bài %d" width="120" height="80"></a><h4><a href="/bai/%d.html">Bài đọc nhiều số %d: hội nghị sơ kết phong trào thi đua yêu nước</a></h4><p class="sapo">Các cấp ủy, tổ chức đảng tiếp tục quán triệt sâu sắc nội dung kết luận, gắn với nhiệm vụ chính trị của địa phương.</p></div>`,
			m, m, m, m, m)
	}
	b.WriteString(`</div><div class="banner"><a href="https://dichvucong.gov.vn/"><img src="/img/banner-dvc.png" alt="Cổng dịch vụ công quốc gia"></a></div></aside>`)
	return b.String()
}

// chromeHead, chromeTop and chromeFooter are the furniture every page of
// the realistic site shares: head styles and scripts, a mega menu and a
// long footer. Their links point to the site's own listing pages (as
// section menus do), so a crawl fetches the same URLs as the bare loop.
var chromeHead, chromeTop, chromeFooter = buildChrome()

func buildChrome() (head, top, footer string) {
	var h strings.Builder
	h.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/static/site.css"><style>`)
	for i := 0; i < 90; i++ {
		fmt.Fprintf(&h, ".menu-%d a{color:#%06x;padding:4px 8px;font:14px/1.4 Arial,sans-serif}.box-%d h3{border-bottom:2px solid #c00;margin:0 0 8px}\n", i, i*4099%0xffffff, i)
	}
	h.WriteString(`</style><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());`)
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&h, "var zone%d={id:%d,sizes:[[300,250],[728,90]],target:'div-gpt-ad-%d',refresh:30000};\n", i, i, i)
	}
	h.WriteString(`</script>`)

	var t strings.Builder
	t.WriteString(`<div class="topbar"><span class="date">Thứ Bảy, 22/11/2026</span> <a href="/#lien-he">Liên hệ</a> <a href="/#rss">RSS</a></div><header><a class="logo" href="/"><img src="/img/logo.png" alt="Báo Thử"></a><form action="/#tim-kiem"><input name="q" placeholder="Tìm kiếm"></form></header><nav class="mega-menu"><ul>`)
	sections := []string{"Thời sự", "Chính trị", "Xây dựng Đảng", "Kinh tế", "Xã hội", "Văn hóa", "Giáo dục", "Y tế", "Pháp luật", "Quốc phòng - An ninh", "Thể thao", "Nông nghiệp - Nông thôn"}
	for i, sec := range sections {
		fmt.Fprintf(&t, `<li class="menu-%d"><a href="/tin-tuc?page=%d">%s</a><ul class="sub">`, i, i+1, sec)
		for j := 0; j < 8; j++ {
			fmt.Fprintf(&t, `<li><a href="/tin-tuc?page=%d">%s - mục %d</a></li>`, i*8+j+1, sec, j+1)
		}
		t.WriteString(`</ul></li>`)
	}
	t.WriteString(`</ul></nav><div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>`)

	var f strings.Builder
	f.WriteString(`<div class="site-footer"><div class="links">`)
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&f, `<a href="/tin-tuc?page=%d">Chuyên mục %d</a> `, i+1, i+1)
	}
	f.WriteString(`</div><p>Cơ quan chủ quản: Tỉnh ủy. Giấy phép hoạt động báo điện tử số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 01/01/2020. Tổng Biên tập: Nguyễn Văn A. Địa chỉ: số 1, đường Lê Lợi, phường 1, thành phố. Điện thoại: 0272 3826 xxx. Email: toasoan@baothu.vn. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>`)
	f.WriteString(`<script>(function(){var s=document.createElement('script');s.async=true;s.src='/static/analytics.js';document.head.appendChild(s)})();`)
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&f, "document.querySelectorAll('.menu-%d .sub').forEach(function(e){e.addEventListener('mouseenter',function(){e.classList.add('open')})});\n", i)
	}
	f.WriteString(`</script>`)
	return h.String(), t.String(), f.String()
}
