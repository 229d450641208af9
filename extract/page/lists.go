package page

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

// leadHints name an article's lead paragraph (sapo).
var leadHints = []string{"sapo", "lead", "summary", "chapeau", "tomtat", "tom-tat", "description", "intro", "standfirst", "teaser", "excerpt"}

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
