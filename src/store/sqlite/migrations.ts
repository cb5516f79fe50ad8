/**
 * Append-only migrations: never edit or reorder one that has shipped; add a new one at the end.
 * The schema version is the number applied (SQLite's `user_version`).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: articles with versions, full-text search, failures, sources, tokens
  `
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    current_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE article_versions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    source TEXT,
    source_id INTEGER,
    fetched_at TEXT NOT NULL,
    title TEXT,
    url TEXT,
    site_name TEXT,
    published TEXT,
    article_json TEXT NOT NULL,
    analysis_json TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (article_id, version)
  );
  CREATE INDEX article_versions_hash ON article_versions(content_hash);
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'porter unicode61 remove_diacritics 2');
  CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    input TEXT NOT NULL,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    source_id INTEGER,
    at TEXT NOT NULL
  );
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    category TEXT,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_success_at TEXT,
    last_error_at TEXT,
    last_error_code TEXT,
    last_error_message TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at TEXT
  );
  CREATE TABLE tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  `,
  // 2: an index of analysis items (quotes, claims, deadlines, events, entities) and article facets (host,
  // site, date) for the quote finder, the deadline board, entity pages and faceted search. Rows belong to
  // an article's current version and are rebuilt by \`indexArticleVersion\` (items.ts); existing articles
  // are indexed by \`migrate()\` right after this runs.
  `
  CREATE TABLE analysis_items (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    kind TEXT NOT NULL,
    ord INTEGER NOT NULL,
    norm TEXT NOT NULL,
    names TEXT NOT NULL,
    date TEXT,
    item_json TEXT NOT NULL,
    names_json TEXT NOT NULL
  );
  CREATE INDEX analysis_items_kind_date ON analysis_items(kind, date);
  CREATE INDEX analysis_items_article ON analysis_items(article_id, kind);
  CREATE TABLE article_facets (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    host TEXT,
    site TEXT,
    date TEXT
  );
  CREATE INDEX article_facets_date ON article_facets(date);
  `,
  // 3: analysis items newest article first (the desk's latest quotes, the quote finder without filters)
  `
  CREATE INDEX analysis_items_kind_article ON analysis_items(kind, article_id DESC, ord);
  `,
  // 4: stories: each linked article's story, copy and outlet in link order; story labels and counts; the
  // link lease (one linking process at a time, with an epoch as fencing token)
  `
  CREATE TABLE story_links (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    story_id TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    copy_of INTEGER,
    copy_root INTEGER NOT NULL,
    outlet TEXT NOT NULL,
    linked_at TEXT NOT NULL
  );
  CREATE INDEX story_links_story ON story_links(story_id, seq);
  CREATE INDEX story_links_root ON story_links(copy_root);
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    keywords TEXT NOT NULL,
    articles INTEGER NOT NULL,
    outlets INTEGER NOT NULL,
    merged_into TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX stories_live_updated ON stories(updated_at) WHERE merged_into IS NULL;
  CREATE TABLE link_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    owner TEXT,
    epoch INTEGER NOT NULL,
    lease_until INTEGER NOT NULL
  );
  INSERT INTO link_state (id, owner, epoch, lease_until) VALUES (1, NULL, 0, 0);
  `,
  // 5: alerts: saved searches whose new matches are POSTed to a webhook
  `
  CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    query TEXT NOT NULL,
    webhook TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_article_id INTEGER,
    last_sent_at TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL
  );
  `,
  // 6: an article's copies in link order read from the index alone (a wire report may have thousands)
  `
  CREATE INDEX story_links_root_seq ON story_links (copy_root, seq);
  DROP INDEX story_links_root;
  `,
];
