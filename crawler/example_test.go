package crawler_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/vnnews/vnnews/crawler"
	"github.com/vnnews/vnnews/store"
)

// A crawl of a one-article site on a loopback server, with the per-host
// delay turned off.
func Example() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><a href="/bai/1.html">Khen thưởng 40 tập thể</a></body></html>`)
	})
	mux.HandleFunc("/bai/1.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html lang="vi"><head><meta charset="utf-8"><title>Khen thưởng 40 tập thể</title>
<meta property="article:published_time" content="2024-05-16T08:00:00+07:00"></head><body><article>
<h1>Khen thưởng 10 tập thể, 30 cá nhân tiêu biểu</h1>
<p>Sáng 16/5, Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh Long An tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05-CT/TW.</p>
<p>Dịp này, Đảng ủy khối tặng Giấy khen cho 10 tập thể và 30 cá nhân có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021 - 2024.</p>
<p>Phát biểu tại hội nghị, đồng chí Bí thư Đảng ủy khối đề nghị các tổ chức cơ sở đảng tiếp tục quán triệt sâu sắc các nội dung của Kết luận, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị.</p>
</article></body></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir, _ := os.MkdirTemp("", "vnnews")
	defer os.RemoveAll(dir)
	db, err := store.Open(filepath.Join(dir, "vnnews.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	cfg, err := crawler.ConfigForURLs(nil, []string{srv.URL + "/"})
	if err != nil {
		log.Fatal(err)
	}
	cfg.Delay = 0 // loopback: no need to be polite
	c, err := crawler.New(db, cfg, crawler.Options{})
	if err != nil {
		log.Fatal(err)
	}
	st, err := c.Run(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("new articles:", st.New, "errors:", st.ErrorCount())
	// Output: new articles: 1 errors: 0
}

func ExampleParseConfig() {
	cfg, err := crawler.ParseConfig([]byte(`
contact: mailto:research@example.org
delay: 2s
sources:
  - name: baolongan
    start: [https://baolongan.vn/]
    province: Long An
`), "crawl.yaml")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cfg.UserAgentString())
	fmt.Println(cfg.Sources[0].Name, cfg.Sources[0].Province, cfg.Delay)

	_, err = crawler.ParseConfig([]byte("sources:\n  - start: [https://baolongan.vn/]\n    provnce: Long An\n"), "crawl.yaml")
	fmt.Println(err)
	// Output:
	// vnnews/0.1 (+mailto:research@example.org)
	// baolongan Long An 2s
	// config crawl.yaml: line 3: unknown key "provnce"
}

func ExampleNormalizeURL() {
	u, _ := crawler.NormalizeURL(nil, "https://BaoLongAn.vn:443/tin-tuc/khen-thuong-a1.html;jsessionid=XYZ?utm_source=zalo#binh-luan")
	fmt.Println(u)
	// Output: https://baolongan.vn/tin-tuc/khen-thuong-a1.html
}

func ExampleParseFeed() {
	f, err := crawler.ParseFeed([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Long An</title>
<item><title>Khen thưởng 40 tập thể</title><link>https://baolongan.vn/khen-thuong-a1.html</link>
<pubDate>Thu, 16 May 2024 08:00:00 +0700</pubDate></item></channel></rss>`))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range f.Entries {
		fmt.Println(f.Kind, e.URL, e.Date.Format("2006-01-02"))
	}
	// Output: RSS https://baolongan.vn/khen-thuong-a1.html 2024-05-16
}

func ExampleFindLinks() {
	page := []byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/rss/thoi-su.rss"></head><body>
<nav><span>Thứ Bảy, 22/11/2026</span> <a href="/">Trang chủ</a></nav>
<ul class="list">
<li><a href="/thoi-su/khen-thuong-9-tap-the.html">Khen thưởng 9 tập thể, 16 cá nhân</a> <span>23/05/2024</span></li>
<li><a href="/thoi-su/ton-vinh-120-nong-dan.html">Tôn vinh 120 nông dân giỏi</a> <span>20/05/2024</span></li>
</ul>
<div class="phan-trang"><a href="/thoi-su/?trang=2">2</a> <a href="/thoi-su/?trang=2">Trang sau</a></div>
</body></html>`)
	links, err := crawler.FindLinks(page, "https://baobacgiang.vn/thoi-su/")
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range links.Links {
		switch {
		case l.Feed:
			fmt.Println("feed      ", l.URL)
		case l.Pagination:
			fmt.Println("next page ", l.URL)
		case !l.Date.IsZero():
			fmt.Println(l.Date.Format("2006-01-02"), l.URL)
		default:
			fmt.Println("link      ", l.URL)
		}
	}
	// Output:
	// feed       https://baobacgiang.vn/rss/thoi-su.rss
	// link       https://baobacgiang.vn/
	// 2024-05-23 https://baobacgiang.vn/thoi-su/khen-thuong-9-tap-the.html
	// 2024-05-20 https://baobacgiang.vn/thoi-su/ton-vinh-120-nong-dan.html
	// next page  https://baobacgiang.vn/thoi-su/?trang=2
}
