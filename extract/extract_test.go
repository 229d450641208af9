package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

func TestPageTellsHTMLFromText(t *testing.T) {
	text := "Khen thưởng 5 tập thể, 9 cá nhân điển hình\n\n" +
		"Sáng 12/3/2024, Huyện ủy Yên Dũng (Bắc Giang) tổ chức hội nghị sơ kết thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.\n\n" +
		"Dịp này, Ban Thường vụ Huyện ủy tặng giấy khen cho 5 tập thể, 9 cá nhân.\n"
	html := "<!doctype html><html><head><meta charset=utf-8><title>Khen thưởng 5 tập thể, 9 cá nhân điển hình - Cổng TTĐT</title></head><body>" +
		"<article><h1>Khen thưởng 5 tập thể, 9 cá nhân điển hình</h1><p>" +
		strings.ReplaceAll(strings.TrimSpace(text[strings.Index(text, "Sáng"):]), "\n\n", "</p><p>") +
		"</p></article></body></html>"
	for name, raw := range map[string]string{"text": text, "html": html} {
		t.Run(name, func(t *testing.T) {
			a, err := Page([]byte(raw), "", "https://yendung.example.vn/tin/a.html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title == nil || *a.Title != "Khen thưởng 5 tập thể, 9 cá nhân điển hình" {
				t.Errorf("title = %v", a.Title)
			}
			if len(a.Awards) != 1 || *a.Awards[0].Total != 14 {
				t.Errorf("awards = %+v", a.Awards)
			}
			if len(a.Directives) != 1 || a.Directives[0].Code != "05-CT/TW" {
				t.Errorf("directives = %+v", a.Directives)
			}
			if a.Site != "yendung.example.vn" || a.URL != "https://yendung.example.vn/tin/a.html" {
				t.Errorf("site %q url %q", a.Site, a.URL)
			}
			if strings.Contains(a.Body, "<") {
				t.Errorf("body holds markup: %q", a.Body)
			}
		})
	}
}

func TestPageDecodesLegacyText(t *testing.T) {
	// A text page in windows-1258 named by its Content-Type.
	want := "Sáng 12/3, Huyện ủy tặng giấy khen cho 5 tập thể."
	enc, err := charmap.Windows1258.NewEncoder().String("Tin huyê\u0323n\n\nSa\u0301ng 12/3, Huyê\u0323n u\u0309y tă\u0323ng giâ\u0301y khen cho 5 tâ\u0323p thê\u0309.")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Page([]byte(enc), "text/plain; charset=windows-1258", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, want) {
		t.Errorf("body %q lacks %q (NFC)", a.Body, want)
	}
	// Bytes that are no charset at all: replaced, with a warning, never
	// passed on as invalid UTF-8.
	a, err = Page([]byte("Tin huy\xean\n\nKhen th\xff\xfeng 5 t\xe2p th\xea trong n\u0103m."), "", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(a.Body) || len(a.Warnings) == 0 {
		t.Errorf("body %q warnings %v", a.Body, a.Warnings)
	}
}

func TestPageDefaultProvince(t *testing.T) {
	a, err := Page([]byte("Hội nghị\n\nHội nghị bàn về công tác tuyên giáo.\n"), "", "", Options{Province: "Long An"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Province == nil || *a.Province != "Long An" {
		t.Errorf("province = %v, want the source's", a.Province)
	}
}

func FuzzPage(f *testing.F) {
	f.Add([]byte("Khen thưởng 10 tập thể, 30 cá nhân\n\nSáng 16/5, Đảng ủy Khối tặng giấy khen cho 10 tập thể, 30 cá nhân."), "")
	f.Add([]byte("<html><head><meta charset=windows-1258></head><body><p>Sa\xecng 16/5</p></body></html>"), "text/html")
	f.Fuzz(func(t *testing.T, raw []byte, ct string) {
		a, err := Page(raw, ct, "", Options{})
		if err != nil {
			return
		}
		for _, s := range []string{a.Body, a.Author} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out: %q", s)
			}
		}
	})
}
