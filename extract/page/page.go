// Package page turns a fetched page (HTML in any charset, or plain text as
// a reader copied it) into a Page: the article's title, metadata and main
// text as paragraphs, with site furniture (menus, related-news boxes, share
// bars, comment forms, footers, date widgets) left out.
package page

import (
	"strings"
	"time"
)

// Kind tells what a block of the main text is.
type Kind int

// Block kinds.
const (
	Paragraph Kind = iota
	Heading        // a sub-heading inside the article
	Caption        // an image caption
)

// Block is one paragraph-like piece of the main text, in NFC.
type Block struct {
	Text string
	Kind Kind
}

// Page is the article part of a page.
type Page struct {
	URL       string // the URL the page was fetched from
	Canonical string // absolute canonical URL on the same site, if the page names one
	Title     string // the headline, "" when the page carries none
	Author    string // byline
	// Site is the site's own name as the page shows it ("Báo Đồng Nai
	// điện tử", "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH QUẢNG NINH"), "" when it
	// shows none that can be told.
	Site    string
	Lang    string
	Charset string // the charset the bytes were decoded from

	// Published is the publication time in Vietnam time, zero when the
	// page does not give it. PublishedHasClock is set when a time of day
	// came with it.
	Published         time.Time
	PublishedHasClock bool

	Blocks   []Block
	Warnings []string
}

// Body returns the main text without captions, paragraphs separated by a
// blank line.
func (p *Page) Body() string {
	var parts []string
	for _, b := range p.Blocks {
		if b.Kind != Caption {
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, "\n\n")
}

// Captions returns the image captions of the main text.
func (p *Page) Captions() []string {
	var out []string
	for _, b := range p.Blocks {
		if b.Kind == Caption {
			out = append(out, b.Text)
		}
	}
	return out
}

// Vietnam is the time zone publication dates are given in.
var Vietnam = time.FixedZone("ICT", 7*3600)
