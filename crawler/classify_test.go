package crawler

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vnnews/vnnews/extract"
	"github.com/vnnews/vnnews/extract/page"
)

// relatedBox is a "Tin liên quan" box of ten dated links, as real
// article pages carry below the text.
func relatedBox() string {
	var b strings.Builder
	b.WriteString(`<div class="tin-lien-quan"><h3>Tin liên quan</h3><ul>`)
	titles := []string{
		"Huyện Lục Nam biểu dương 45 tập thể, cá nhân điển hình",
		"Sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị",
		"Tôn vinh 120 nông dân sản xuất, kinh doanh giỏi",
		"Ngành Giáo dục tổng kết năm học 2023 - 2024",
		"Đảng ủy Khối cơ quan tỉnh khen thưởng 18 tổ chức cơ sở đảng",
		"Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15",
		"Sôi nổi ngày hội văn hóa, thể thao các dân tộc huyện Sơn Động",
		"Biểu dương 52 gương người tốt, việc tốt năm 2024",
		"Tổng kết 20 năm thực hiện Chỉ thị số 30-CT/TW",
		"Công an tỉnh tuyên dương 31 tập thể, cá nhân có thành tích xuất sắc",
	}
	for i, t := range titles {
		fmt.Fprintf(&b, `<li><a href="/thoi-su/tin-%d.html">%s</a> <span class="date">(%02d/05/2024)</span></li>`, i+1, t, 20-i)
	}
	b.WriteString(`</ul></div>`)
	return b.String()
}

const articleWithRelated = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Đảng ủy Quân sự tỉnh khen thưởng 9 tập thể, 16 cá nhân - Báo Bắc Giang</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/thoi-su/">Thời sự</a></nav>
<div class="detail"><h1>Đảng ủy Quân sự tỉnh khen thưởng 9 tập thể, 16 cá nhân điển hình học tập và làm theo Bác</h1>
<div class="date">Thứ Năm, 23/05/2024 - 09:15</div>
<p>Chiều 22/5, Đảng ủy Quân sự tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.</p>
<p>Đồng chí Nguyễn Văn Hòa, Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh dự và chỉ đạo hội nghị. Trong 3 năm, các tổ chức đảng trong Đảng bộ Quân sự tỉnh đã cụ thể hóa nội dung học tập thành các chuẩn mực đạo đức.</p>
<p>Dịp này, Đảng ủy Quân sự tỉnh tặng Giấy khen cho 9 tập thể và 16 cá nhân có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021 - 2024.</p>
</div>` + "%s" + `<footer>Báo Bắc Giang</footer></body></html>`

// listingWithTeasers is a category page: ten dated items, each with a
// headline and a short teaser, as most portals show them.
func listingWithTeasers() string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Sự kiện</title></head><body>
<nav><a href="/">Trang chủ</a></nav><div class="main"><h1>Tin tức - Sự kiện</h1>`)
	teasers := []string{
		"Sáng 16/5, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị.",
		"Dịp này, Ủy ban nhân dân tỉnh tặng Bằng khen cho 12 tập thể và 25 cá nhân có thành tích xuất sắc.",
		"Huyện ủy Gio Linh tổ chức hội nghị tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024.",
		"Đồng chí Phó Bí thư Thường trực Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Hướng Hóa về tình hình kinh tế - xã hội.",
		"Công an tỉnh sơ kết 3 năm thực hiện Kết luận số 01-KL/TW, khen thưởng 15 tập thể, 32 cá nhân.",
	}
	for i := 0; i < 10; i++ {
		fmt.Fprintf(&b, `<div class="item"><a class="thumb" href="/tin-tuc/bai-%d.html"><img src="/anh/%d.jpg"></a>
<h3><a href="/tin-tuc/bai-%d.html">Khen thưởng tập thể, cá nhân điển hình tiên tiến đợt %d</a></h3>
<span class="ngay">%02d/05/2024</span><p class="sapo">%s</p></div>`, i, i, i, i+1, 20-i, teasers[i%len(teasers)])
	}
	b.WriteString(`<div class="phan-trang"><a href="?trang=2">Trang sau</a></div></div><footer>Cổng thông tin Đảng bộ tỉnh</footer></body></html>`)
	return b.String()
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		name string
		html string
		want bool
	}{
		{"article with a 10-item dated related box", fmt.Sprintf(articleWithRelated, relatedBox()), true},
		{"article without related box", fmt.Sprintf(articleWithRelated, ""), true},
		{"listing with 10 dated items and teasers", listingWithTeasers(), false},
		{"listing with long teasers in the content column", longTeasers(), false},
		{"listing without teasers", `<html><head><title>Thời sự</title></head><body><h1>Thời sự</h1>` + relatedBox() + `</body></html>`, false},
		{"short article with a dated print link in its text", shortArticleWithPrintLink, true},
		{"article without date", strings.Replace(fmt.Sprintf(articleWithRelated, ""), "Thứ Năm, 23/05/2024 - 09:15", "", 1), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const u = "https://baobacgiang.vn/thoi-su/bai.html"
			a, p, err := extract.Parse([]byte(tc.html), "text/html; charset=utf-8", u, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			links, err := FindLinks([]byte(tc.html), u)
			if err != nil {
				t.Fatal(err)
			}
			got, why := classify(a, p, links, true)
			if got != tc.want {
				t.Errorf("article = %v (%s), want %v; %d dated links, body:\n%s", got, why, tc.want, links.Dated, p.Body())
			}
		})
	}
}

// TestCrawlRealisticSite crawls pages dressed like a real portal's
// (menus, a dated related-news box on every article, a sidebar with
// teasers): every article is stored, and no listing.
func TestCrawlRealisticSite(t *testing.T) {
	site := newTestSite(t, 30, func(s *testSite) { s.realistic = true })
	db := openDB(t)
	cfg := testConfig(t, site)
	cfg.MaxQueryVariants = 100
	st := crawl(t, db, cfg, Options{})
	got := storedURLs(t, db)
	for n := 1; n <= 30; n++ {
		if u := fmt.Sprintf("%s/bai/%d.html", site.URL(), n); !got[u] {
			t.Errorf("%s not stored", u)
		}
	}
	for u := range got {
		if !strings.Contains(u, "/bai/") {
			t.Errorf("listing %s stored as an article", u)
		}
	}
	if st.New != 30 {
		t.Errorf("stats %s, want 30 new", st)
	}
}

// longTeasers is a listing whose teasers are whole lead paragraphs, set
// in the column an article's text would take.
func longTeasers() string {
	h := listingWithTeasers()
	h = strings.Replace(h, `<div class="main">`, `<div class="content detail-content">`, 1)
	return strings.ReplaceAll(h, `</p></div>`, ` Hội nghị đã đánh giá kết quả đạt được, chỉ ra những hạn chế, nguyên nhân và đề ra nhiệm vụ, giải pháp trọng tâm trong thời gian tới, góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh.</p></div>`)
}

// TestClassifyTeaserBody checks the rule itself on a page whose main
// text the extraction took from a list's teasers.
func TestClassifyTeaserBody(t *testing.T) {
	const u = "https://tinhuy.quangtri.vn/tin-tuc/trang-3.html"
	raw := []byte(longTeasers())
	links, err := FindLinks(raw, u)
	if err != nil {
		t.Fatal(err)
	}
	var p page.Page
	p.Title = "Tin tức - Sự kiện"
	p.Published = time.Date(2024, 5, 20, 0, 0, 0, 0, page.Vietnam)
	for _, l := range links.Links {
		if l.item == "" {
			continue
		}
		// The teaser: the item's text after its date.
		_, teaser, _ := strings.Cut(l.item, "/05/2024")
		p.Blocks = append(p.Blocks, page.Block{Text: teaser})
	}
	if len(p.Blocks) < 10 {
		t.Fatalf("%d dated items found, want 10: %+v", len(p.Blocks), links.Links)
	}
	if ok, why := classify(nil, &p, links, true); ok {
		t.Errorf("a main text of teasers classed as an article")
	} else if why != "main text is a list of dated items" {
		t.Errorf("why = %q", why)
	}
	// The same text with two teasers only among eight real paragraphs
	// is an article quoting its related box.
	var q page.Page
	q = p
	q.Blocks = append([]page.Block(nil), p.Blocks[:2]...)
	for i := 0; i < 8; i++ {
		q.Blocks = append(q.Blocks, page.Block{Text: fmt.Sprintf("Đoạn %d: Ban Thường vụ Tỉnh ủy đề nghị các cấp ủy, tổ chức đảng tiếp tục quán triệt sâu sắc nội dung Kết luận số 01-KL/TW, gắn việc học tập và làm theo Bác với nhiệm vụ chính trị.", i)})
	}
	if ok, why := classify(nil, &q, links, true); !ok {
		t.Errorf("article with two teaser-like paragraphs rejected: %s", why)
	}
}

// shortArticleWithPrintLink is a short news item whose container holds
// its date beside "print" and "share" links: the container is a dated
// item of at most three links, but not a list.
const shortArticleWithPrintLink = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Hội Nông dân xã Yên Hồ biểu dương 25 hộ sản xuất giỏi</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/tin-tuc/">Tin tức</a> <a href="/lien-he/">Liên hệ</a> <a href="/so-do/">Sơ đồ</a></nav>
<div class="tin-chi-tiet"><h1>Hội Nông dân xã Yên Hồ biểu dương 25 hộ sản xuất giỏi</h1>
<div class="cong-cu"><span>16/05/2024</span> <a href="/in/bai-25.html">In bài</a> <a href="/chia-se/bai-25.html">Chia sẻ</a></div>
<p>Sáng 15/5, Hội Nông dân xã Yên Hồ tổ chức hội nghị tổng kết phong trào nông dân thi đua sản xuất, kinh doanh giỏi giai đoạn 2019 - 2024.</p>
<p>Dịp này, Ủy ban nhân dân xã tặng Giấy khen cho 25 hộ nông dân có thành tích xuất sắc trong phong trào, góp phần xây dựng nông thôn mới nâng cao.</p>
<p>Đồng chí Nguyễn Văn Bình, Chủ tịch Hội Nông dân xã, đề nghị các chi hội tiếp tục nhân rộng các mô hình kinh tế hiệu quả.</p>
</div><footer>Cổng thông tin huyện Đức Thọ</footer></body></html>`

// FuzzClassify runs the classifier over arbitrary pages: it must not
// panic, and a page without a headline or text is never an article.
func FuzzClassify(f *testing.F) {
	f.Add(fmt.Sprintf(articleWithRelated, relatedBox()))
	f.Add(listingWithTeasers())
	f.Add(shortArticleWithPrintLink)
	f.Fuzz(func(t *testing.T, html string) {
		const u = "https://baobacgiang.vn/thoi-su/bai.html"
		a, p, err := extract.Parse([]byte(html), "text/html", u, extract.Options{})
		if err != nil {
			return
		}
		links, err := FindLinks([]byte(html), u)
		if err != nil {
			return
		}
		if ok, _ := classify(a, p, links, true); ok && len(p.Blocks) == 0 {
			t.Fatalf("a page without main text classed as an article")
		}
	})
}
