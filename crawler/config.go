package crawler

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is what to crawl and how politely: the global settings and the
// sources. Load it with LoadConfig or ParseConfig; DefaultConfig holds the
// built-in list of real sources.
type Config struct {
	// UserAgent names the crawler; Contact (a URL or e-mail address) is
	// put in it so a site owner can reach whoever runs the crawl:
	// "vnnews/0.1 (+https://example.org/contact)".
	UserAgent string `yaml:"user_agent"`
	Contact   string `yaml:"contact"`
	// Delay is the pause between two requests to one host (default 1s);
	// a robots.txt Crawl-delay that is longer wins. RandomDelay adds up
	// to that much jitter.
	Delay       Duration `yaml:"delay"`
	RandomDelay Duration `yaml:"random_delay"`
	// Parallelism is the number of requests in flight to one host
	// (default 1); Workers the number in flight over all hosts (default 8).
	Parallelism int `yaml:"parallelism"`
	Workers     int `yaml:"workers"`
	// ConnectTimeout bounds dialling a host; Timeout bounds a whole
	// request, body included (a slow-drip server is cut off there).
	ConnectTimeout Duration `yaml:"connect_timeout"`
	Timeout        Duration `yaml:"timeout"`
	// MaxBodySize cuts response bodies at this many bytes (default 10 MiB).
	MaxBodySize ByteSize `yaml:"max_body_size"`
	// Retries is how many times a page that failed with a timeout, a 5xx
	// or a 429 is tried again (default 2), waiting RetryWait doubled each
	// time with jitter, or what Retry-After asks, at most MaxRetryWait.
	Retries      int      `yaml:"retries"`
	RetryWait    Duration `yaml:"retry_wait"`
	MaxRetryWait Duration `yaml:"max_retry_wait"`
	// MaxDepth and MaxPages are the defaults for sources that set none.
	MaxDepth int `yaml:"max_depth"`
	MaxPages int `yaml:"max_pages"`
	// MaxPagination bounds how many "next page" hops are followed from a
	// listing (default 100); MaxQueryVariants bounds the distinct query
	// strings fetched for one path (default 50), which defeats calendars
	// and faceted-search explosions.
	MaxPagination    int `yaml:"max_pagination"`
	MaxQueryVariants int `yaml:"max_query_variants"`

	Sources []Source `yaml:"sources"`

	file string // where it was read from, for messages
}

// Source is one site to crawl.
type Source struct {
	// Name identifies the source in logs and the frontier; it defaults to
	// the host of the first start URL.
	Name string `yaml:"name"`
	// Start lists where to begin: the home page, category or listing
	// pages, sitemap.xml files, RSS or Atom feeds.
	Start []string `yaml:"start"`
	// Hosts lists the hosts the crawl may visit (default: the hosts of
	// the start URLs; "www." and the bare name count as one).
	Hosts []string `yaml:"hosts"`
	// Province is used for articles whose text names none.
	Province string `yaml:"province"`
	// ArticleURL, when set, is a regular expression: pages whose URL
	// matches are articles, every other page is a listing. Without it
	// pages are classed by their content.
	ArticleURL string `yaml:"article_url"`
	// Skip is a regular expression of URLs never to fetch.
	Skip string `yaml:"skip"`
	// Selectors are CSS selectors for pages the extraction gets wrong.
	Selectors Selectors `yaml:"selectors"`
	// Per-source limits; zero means the global default.
	MaxPages int      `yaml:"max_pages"`
	MaxDepth int      `yaml:"max_depth"`
	Delay    Duration `yaml:"delay"`

	articleRE *regexp.Regexp
	skipRE    *regexp.Regexp
}

// Selectors are optional CSS selectors for one source's article pages.
type Selectors struct {
	Title string `yaml:"title"` // the headline
	Body  string `yaml:"body"`  // the article's text container(s)
	Date  string `yaml:"date"`  // the element holding the publication stamp
	// Drop removes matching elements (share bars, related boxes) first.
	Drop string `yaml:"drop"`
}

// Duration is a time.Duration written "1s", "500ms", "2m" in YAML.
type Duration time.Duration

// UnmarshalYAML reads a Go duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	v, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil || v < 0 {
		return fmt.Errorf("line %d: bad duration %q (want e.g. 1s, 500ms, 2m)", n.Line, s)
	}
	*d = Duration(v)
	return nil
}

// String formats the duration like time.Duration.
func (d Duration) String() string { return time.Duration(d).String() }

// ByteSize is a size written 1048576, "512KB", "10MB" or "1GB" in YAML
// (powers of 1024).
type ByteSize int64

// UnmarshalYAML reads a size with an optional KB/MB/GB suffix.
func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	v, err := parseByteSize(s)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*b = ByteSize(v)
	return nil
}

func parseByteSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suf string
		m   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suf) {
			mult = u.m
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suf))
			break
		}
	}
	var v int64
	if _, err := fmt.Sscanf(t, "%d", &v); err != nil || v <= 0 || fmt.Sprint(v) != t {
		return 0, fmt.Errorf("bad size %q (want e.g. 10MB, 512KB, 1048576)", s)
	}
	return v * mult, nil
}

//go:embed sources.yaml
var defaultSources []byte

// DefaultConfig returns the built-in configuration: the default
// politeness settings and a list of real provincial party-committee
// portals and provincial newspapers.
func DefaultConfig() *Config {
	c, err := ParseConfig(defaultSources, "built-in sources.yaml")
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return c
}

// LoadConfig reads a YAML configuration file.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return ParseConfig(data, path)
}

// ParseConfig parses a YAML configuration; name (usually the file path)
// is used in errors, which name the line and key at fault. Unknown keys
// are errors. Defaults are filled in.
func ParseConfig(data []byte, name string) (*Config, error) {
	c := defaults()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(name, data, err)
	}
	c.file = name
	if err := c.validate(data); err != nil {
		return nil, err
	}
	return &c, nil
}

// yamlError turns yaml.v3's messages ("yaml: line 3: field foo not found
// in type crawler.Config") into one line naming the file, line and key.
func yamlError(name string, data []byte, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg := te.Errors[0]
		msg = strings.TrimPrefix(msg, "yaml: ")
		if i := strings.Index(msg, ": field "); i >= 0 {
			if j := strings.Index(msg[i:], " not found in type"); j >= 0 {
				key := msg[i+len(": field ") : i+j]
				return fmt.Errorf("config %s: %s: unknown key %q", name, msg[:i], key)
			}
		}
		return fmt.Errorf("config %s: %s", name, msg)
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, e := fmt.Sscanf(msg, "line %d:", &line); e == nil {
		var root yaml.Node
		if yaml.Unmarshal(data, &root) == nil {
			if key := keyAtLine(&root, line); key != "" {
				rest := strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
				return fmt.Errorf("config %s: line %d: key %q: %s", name, line, key, rest)
			}
		}
	}
	return fmt.Errorf("config %s: %s", name, msg)
}

// keyAtLine returns the mapping key written on line, "" if none.
func keyAtLine(n *yaml.Node, line int) string {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Line == line {
				return n.Content[i].Value
			}
		}
	}
	for _, c := range n.Content {
		if k := keyAtLine(c, line); k != "" {
			return k
		}
	}
	return ""
}

// validate checks values yaml cannot: URLs, regular expressions, ranges.
// It finds the line of the key at fault in the parsed node tree.
func (c *Config) validate(data []byte) error {
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root)
	bad := func(path []any, format string, a ...any) error {
		line := nodeLine(&root, path)
		key := fmt.Sprint(path[len(path)-1])
		where := fmt.Sprintf("config %s", c.file)
		if line > 0 {
			where += fmt.Sprintf(": line %d", line)
		}
		return fmt.Errorf("%s: key %q: %s", where, key, fmt.Sprintf(format, a...))
	}
	for _, f := range []struct {
		key    string
		v, min int
	}{{"parallelism", c.Parallelism, 1}, {"workers", c.Workers, 1}, {"retries", c.Retries, 0},
		{"max_depth", c.MaxDepth, 0}, {"max_pages", c.MaxPages, 1}, {"max_pagination", c.MaxPagination, 0},
		{"max_query_variants", c.MaxQueryVariants, 1}} {
		if f.v < f.min {
			return bad([]any{f.key}, "must be at least %d, got %d", f.min, f.v)
		}
	}
	for _, f := range []struct {
		key string
		v   Duration
	}{{"timeout", c.Timeout}, {"connect_timeout", c.ConnectTimeout}, {"max_body_size", Duration(c.MaxBodySize)}} {
		if f.v <= 0 {
			return bad([]any{f.key}, "must be positive")
		}
	}
	if c.UserAgent != "" && strings.ContainsAny(c.UserAgent, "\r\n") {
		return bad([]any{"user_agent"}, "must be one line")
	}
	names := map[string]bool{}
	for i := range c.Sources {
		s := &c.Sources[i]
		if len(s.Start) == 0 {
			return bad([]any{"sources", i, "start"}, "source %d has no start URLs", i+1)
		}
		for j, raw := range s.Start {
			u, err := url.Parse(strings.TrimSpace(raw))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return bad([]any{"sources", i, "start", j}, "%q is not an absolute http(s) URL", raw)
			}
			s.Start[j] = strings.TrimSpace(raw)
		}
		if s.Name == "" {
			u, _ := url.Parse(s.Start[0])
			s.Name = strings.ToLower(u.Host)
		}
		if names[s.Name] {
			return bad([]any{"sources", i, "name"}, "source name %q used twice", s.Name)
		}
		names[s.Name] = true
		if s.ArticleURL != "" {
			re, err := regexp.Compile(s.ArticleURL)
			if err != nil {
				return bad([]any{"sources", i, "article_url"}, "bad regular expression: %v", err)
			}
			s.articleRE = re
		}
		if s.Skip != "" {
			re, err := regexp.Compile(s.Skip)
			if err != nil {
				return bad([]any{"sources", i, "skip"}, "bad regular expression: %v", err)
			}
			s.skipRE = re
		}
		if s.MaxPages < 0 || s.MaxDepth < 0 {
			return bad([]any{"sources", i, "max_pages"}, "limits must not be negative")
		}
		for j, h := range s.Hosts {
			if h == "" || strings.ContainsAny(h, "/ ") {
				return bad([]any{"sources", i, "hosts", j}, "%q is not a host name", h)
			}
		}
	}
	return nil
}

// nodeLine finds the line of the key (or sequence item) at path in a
// parsed YAML document; 0 when not found.
func nodeLine(root *yaml.Node, path []any) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 0
	for _, p := range path {
		switch p := p.(type) {
		case string:
			if n.Kind != yaml.MappingNode {
				return line
			}
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == p {
					line = n.Content[i].Line
					n = n.Content[i+1]
					found = true
					break
				}
			}
			if !found {
				return line
			}
		case int:
			if n.Kind != yaml.SequenceNode || p >= len(n.Content) {
				return line
			}
			n = n.Content[p]
			line = n.Line
		}
	}
	return line
}

// Defaults.
const (
	DefaultDelay       = time.Second
	defaultUserAgent   = "vnnews/0.1"
	defaultContact     = "https://github.com/vnnews/vnnews"
	defaultMaxBody     = 10 << 20
	defaultMaxDepth    = 3
	defaultMaxPages    = 500
	defaultWorkers     = 8
	defaultTimeout     = 30 * time.Second
	defaultConnect     = 10 * time.Second
	defaultRetries     = 2
	defaultRetryWait   = 2 * time.Second
	defaultMaxRetry    = 2 * time.Minute
	defaultPagination  = 100
	defaultQueryVaries = 50
)

// defaults returns a Config holding every default; YAML is decoded on
// top of it, so a key given as 0 (delay: 0s) stays 0.
func defaults() Config {
	return Config{
		UserAgent:        defaultUserAgent,
		Contact:          defaultContact,
		Delay:            Duration(DefaultDelay),
		Parallelism:      1,
		Workers:          defaultWorkers,
		ConnectTimeout:   Duration(defaultConnect),
		Timeout:          Duration(defaultTimeout),
		MaxBodySize:      defaultMaxBody,
		Retries:          defaultRetries,
		RetryWait:        Duration(defaultRetryWait),
		MaxRetryWait:     Duration(defaultMaxRetry),
		MaxDepth:         defaultMaxDepth,
		MaxPages:         defaultMaxPages,
		MaxPagination:    defaultPagination,
		MaxQueryVariants: defaultQueryVaries,
	}
}

// UserAgentString is the User-Agent header sent with every request:
// "vnnews/0.1 (+CONTACT)".
func (c *Config) UserAgentString() string {
	ua := c.UserAgent
	if ua == "" {
		ua = defaultUserAgent
	}
	if c.Contact != "" && !strings.Contains(ua, c.Contact) {
		ua += " (+" + c.Contact + ")"
	}
	return ua
}

// ConfigForURLs returns a configuration with one source per host of the
// given URLs (staying on that host, finding articles by itself), with the
// global settings of base (DefaultConfig's when base is nil).
func ConfigForURLs(base *Config, urls []string) (*Config, error) {
	var c Config
	if base != nil {
		c = *base
	} else {
		c = *DefaultConfig()
	}
	c.Sources = nil
	c.file = "command line"
	byHost := map[string]int{}
	for _, raw := range urls {
		u, err := url.Parse(strings.TrimSpace(raw))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%q is not an absolute http(s) URL", raw)
		}
		h := strings.ToLower(u.Host)
		if i, ok := byHost[h]; ok {
			c.Sources[i].Start = append(c.Sources[i].Start, u.String())
			continue
		}
		byHost[h] = len(c.Sources)
		c.Sources = append(c.Sources, Source{Name: h, Start: []string{u.String()}})
	}
	return &c, nil
}
