package page

import "golang.org/x/net/html"

// The word lists the heuristics use live here, one list each, so a new
// site's quirk is one line away.

// unlikelyHints are class/id fragments of page furniture: an element whose
// class or id holds one (and none of maybeHints) is dropped before
// scoring.
var unlikelyHints = []string{
	"-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community",
	"cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends",
	"menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
	"skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
	"pagination", "pager", "popup", "yom-remote", "newsletter", "subscribe",
	"share", "sharing", "toolbar", "navbar", "cookie", "consent", "paywall",
	// Vietnamese portals
	"lienquan", "lien-quan", "lien_quan", "tinkhac", "tin-khac", "tin_khac",
	"othernews", "other-news", "other_news", "binhluan", "binh-luan", "chiase",
	"chia-se", "cungchuyenmuc", "cung-chuyen-muc", "tinmoi", "tin-moi",
	"docnhieu", "doc-nhieu", "xemnhieu", "xem-nhieu", "box-tin", "boxtin",
	"tieudiem", "tieu-diem", "thoitiet", "weather", "ngay-thang", "today",
}

// maybeHints rescue an element from unlikelyHints.
var maybeHints = []string{"and", "article", "body", "column", "content", "main", "shadow", "detail", "noidung", "chitiet"}

// negativeHints and positiveHints weigh a container's class and id.
var negativeHints = []string{
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot",
	"footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
	"related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
	"shopping", "tags", "tool", "widget", "lienquan", "lien-quan", "tinkhac",
	"tin-khac", "binhluan", "binh-luan", "newsletter", "recommend", "byline",
	"author", "caption", "credit", "signup", "login", "nav",
}

var positiveHints = []string{
	"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
	"post", "text", "blog", "story", "detail", "noidung", "chitiet", "baiviet",
	"fck", "news-content", "cms-body", "maincontent",
}

// captionHints mark an element as an image caption.
var captionHints = []string{
	"caption", "figcaption", "image-desc", "image_desc", "img-desc", "imgdesc",
	"photo-desc", "chuthich", "chu-thich", "pic-desc", "image-note", "img-caption",
	"wp-caption-text", "expnoedit", "tplcaption",
}

// leadHints name an article's lead paragraph (sapo): a preceding element
// so named joins the body as its first paragraph.
var leadHints = []string{
	"sapo", "lead", "summary", "chapeau", "tomtat", "tom-tat", "tom_tat", "description",
	"intro", "abstract", "standfirst", "teaser", "excerpt",
}

// stopMarkers are lines that end an article on Vietnamese portals: what
// follows them is other articles or reader comments. Compared folded.
var stopMarkers = []string{
	"tin lien quan", "cac tin khac", "tin khac", "tin cung chuyen muc",
	"cac tin cung chuyen muc", "bai viet lien quan", "cac bai viet lien quan",
	"tin da dua", "cac tin da dua", "tin moi hon", "tin cu hon", "tin moi",
	"tin moi nhat", "y kien ban doc", "y kien cua ban", "binh luan",
	"viet binh luan", "gui binh luan", "gui y kien", "ho ten", "ma xac nhan",
	"ten cua ban", "ho va ten", "nhap ma xac nhan", "ma bao ve", "phan hoi cua ban",
	"noi dung binh luan", "gui phan hoi", "y kien phan hoi",
	"tin bai lien quan", "cac tin bai khac", "tin bai khac", "xem them tin",
	"bai lien quan", "tin doc nhieu", "doc nhieu nhat", "xem nhieu nhat",
	"related articles", "related stories", "related posts", "related",
	"more stories", "recommended", "comments", "leave a comment",
	"leave a reply",
}

// dropLines are short lines of page furniture dropped wherever they
// stand. Compared folded, without trailing punctuation.
var dropLines = []string{
	"doc them", "xem them", "chia se", "chia se bai viet", "in bai", "in bai viet",
	"gui bai", "gui email", "luu bai", "len dau trang", "ve dau trang", "tro ve",
	"quay lai", "tweet", "share", "email", "print", "advertisement", "facebook",
	"twitter", "zalo", "ban in", "gui cho ban be", "phan hoi", "tai ve",
	"font size", "co chu", "a- a a+", "a a a", "theo doi", "thich", "like",
	"bao sai chinh ta", "in trang", "gui", "huy", "xac nhan", "dang nhap",
	"skip to content", "read more", "scroll to top", "sign up", "subscribe",
}

// footerLeads open the lines of a site footer: a block whose lines mostly
// start so is dropped. Compared folded.
var footerLeads = []string{
	"ban quyen", "copyright", "dia chi", "dien thoai", "email", "fax",
	"chiu trach nhiem", "truong ban bien tap", "tong bien tap", "pho tong bien tap",
	"giay phep", "co quan chu quan", "tru so", "hotline", "duong day nong",
	"ghi ro nguon", "thiet ke boi", "phat trien boi", "all rights reserved",
	"dang online", "tong luot truy cap", "luot truy cap", "so luot truy cap",
}

// blockTags are elements that start a new paragraph.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"table": true, "tbody": true, "thead": true, "tfoot": true, "tr": true,
	"td": true, "th": true, "caption": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true,
	"figure": true, "figcaption": true, "header": true, "footer": true,
	"address": true, "center": true, "hr": true, "form": true, "fieldset": true,
	"details": true, "summary": true, "aside": true, "nav": true, "body": true,
	"html": true, "hgroup": true, "picture": false, "video": true, "audio": true,
}

// dropTags never carry article text.
var dropTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "canvas": true, "iframe": true, "object": true, "embed": true,
	"button": true, "select": true, "option": true, "link": true, "meta": true, "nav": true, "aside": true,
	"footer": true, "head": true, "map": true, "audio": true, "video": true,
	"dialog": true, "menu": true, "frameset": true, "frame": true, "label": true,
	"math": true,
}

// Hint flags: which of the name lists a class or id value matches.
const (
	hUnlikely uint16 = 1 << iota
	hMaybe
	hNegative
	hPositive
	hCaption
	hHeader
	hAuthor
	hTitle
	hLead
)

var hintLists = []struct {
	flag uint16
	list []string
}{
	{hUnlikely, unlikelyHints}, {hMaybe, maybeHints}, {hNegative, negativeHints},
	{hPositive, positiveHints}, {hCaption, captionHints}, {hHeader, headerHints},
	{hAuthor, authorHints}, {hTitle, titleHints}, {hLead, leadHints},
}

// hinter matches class and id values against the name lists, once per
// distinct value in a page: pages repeat their class names a lot.
type hinter struct{ cache map[string]uint16 }

func newHinter() *hinter { return &hinter{cache: make(map[string]uint16, 256)} }

// flags returns the lists the value v (a class or id attribute) matches.
func (h *hinter) flags(v string) uint16 {
	if v == "" {
		return 0
	}
	if f, ok := h.cache[v]; ok {
		return f
	}
	f := hintTable.match(v)
	h.cache[v] = f
	return f
}

// hintEntry is one name of the lists with the flags of the lists that
// hold it.
type hintEntry struct {
	s    string
	flag uint16
}

// hintIndex finds all list names in a value in one pass: the names are
// filed by their first byte.
type hintIndex [256][]hintEntry

// hintTable is built once from the lists and only read afterwards.
var hintTable = buildHintIndex()

func buildHintIndex() *hintIndex {
	var idx hintIndex
	flags := map[string]uint16{}
	var order []string
	for _, l := range hintLists {
		for _, s := range l.list {
			if _, ok := flags[s]; !ok {
				order = append(order, s)
			}
			flags[s] |= l.flag
		}
	}
	for _, s := range order {
		idx[s[0]] = append(idx[s[0]], hintEntry{s, flags[s]})
	}
	return &idx
}

// match returns the flags of every list name found in v, ignoring ASCII
// case.
func (idx *hintIndex) match(v string) uint16 {
	var f uint16
	for i := 0; i < len(v); i++ {
		for _, e := range idx[lowerByte(v[i])] {
			if len(e.s) > len(v)-i || f&e.flag == e.flag {
				continue
			}
			ok := true
			for k := 1; k < len(e.s); k++ {
				if lowerByte(v[i+k]) != e.s[k] {
					ok = false
					break
				}
			}
			if ok {
				f |= e.flag
			}
		}
	}
	return f
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// node returns the lists n's class or id matches.
func (h *hinter) node(n *html.Node) uint16 {
	var f uint16
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			f |= h.flags(a.Val)
		}
	}
	return f
}
