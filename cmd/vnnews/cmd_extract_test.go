package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const articleText = `Thứ Hai, 18/11/2024

Huyện ủy Cẩm Xuyên khen thưởng 8 tập thể, 15 cá nhân tiêu biểu

16/05/2024 - 14:42

Sáng 16/5, Huyện ủy Cẩm Xuyên (Hà Tĩnh) tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị.

Dự hội nghị có đồng chí Trần Văn Hùng, Bí thư Huyện ủy Cẩm Xuyên.

Dịp này, Ban Thường vụ Huyện ủy tặng giấy khen cho 8 tập thể, 15 cá nhân có thành tích tiêu biểu.

Các tin khác

Huyện Kỳ Anh khen thưởng 40 tập thể, 90 cá nhân (12/3/2024)
`

const articleHTML = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Khen thưởng 12 tập thể, 20 cá nhân - Báo Mẫu</title>
<meta property="article:published_time" content="2024-06-02T09:30:00+07:00">
<link rel="canonical" href="/thoi-su/khen-thuong.html"></head><body>
<header><div class="today">Thứ Hai, 18/11/2024</div><nav><a href="/">Trang chủ</a> <a href="/thoi-su/">Thời sự</a></nav></header>
<article><h1>Khen thưởng 12 tập thể, 20 cá nhân</h1>
<p>Sáng 1/6, Đảng ủy Khối các cơ quan tỉnh Nghệ An tổ chức hội nghị sơ kết thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.</p>
<p>Dịp này, Đảng ủy Khối tặng giấy khen cho 12 tập thể, 20 cá nhân có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024.</p>
<p>Hội nghị cũng đánh giá kết quả thực hiện các chuyên đề hằng năm, việc xây dựng chuẩn mực đạo đức, lối sống và đạo đức nghề nghiệp trong các cơ quan, đơn vị thuộc Khối.</p>
</article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a.html">Biểu dương 99 tập thể, cá nhân điển hình (3/3/2023)</a></li></ul></aside>
</body></html>`

func TestExtractJSON(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(txt, []byte(articleText), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/thoi-su/khen-thuong.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(articleHTML))
	}))
	defer srv.Close()

	// One file, --json: one object in the gold format plus url, author, body.
	code, out, stderr := runCLI(t, "", "extract", "--json", txt)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, key := range []string{"title", "published", "event_date", "province", "directives", "officials", "awards", "units", "url", "author", "body"} {
		if _, ok := got[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	if got["published"] != "2024-05-16" || got["event_date"] != "2024-05-16" {
		t.Errorf("dates: published %v, event %v", got["published"], got["event_date"])
	}
	if body, _ := got["body"].(string); strings.Contains(body, "Kỳ Anh") || !strings.Contains(body, "8 tập thể") {
		t.Errorf("body holds the related list or lacks the article:\n%s", body)
	}
	awards, _ := got["awards"].([]any)
	if len(awards) != 1 {
		t.Fatalf("awards = %v, want the one 8+15 award (not the related list's)", got["awards"])
	}
	if aw := awards[0].(map[string]any); aw["collectives"] != 8.0 || aw["individuals"] != 15.0 || aw["total"] != 23.0 {
		t.Errorf("award = %v", aw)
	}

	// Several pages (file, URL, stdin) give JSON Lines in argument order.
	code, out, stderr = runCLI(t, articleText, "extract", "--json", srv.URL+"/thoi-su/khen-thuong.html", txt, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), out)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first["url"] != srv.URL+"/thoi-su/khen-thuong.html" || first["title"] != "Khen thưởng 12 tập thể, 20 cá nhân" || first["published"] != "2024-06-02" {
		t.Errorf("URL page: url %v title %v published %v", first["url"], first["title"], first["published"])
	}
	if b, _ := first["body"].(string); strings.Contains(b, "99 tập thể") || strings.Contains(b, "Trang chủ") {
		t.Errorf("HTML body holds furniture:\n%s", b)
	}

	// A failing page among several keeps its line and the others print.
	code, out, _ = runCLI(t, "", "extract", txt, srv.URL+"/missing.html")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, `"error"`) {
		t.Errorf("exit %d, output:\n%s", code, out)
	}

	// Without --json a single page prints a readable summary.
	code, out, _ = runCLI(t, "", "extract", txt)
	if code != 0 || !strings.Contains(out, "awards:     1") || !strings.Contains(out, "8 tập thể, 15 cá nhân") {
		t.Errorf("summary: exit %d\n%s", code, out)
	}
}
