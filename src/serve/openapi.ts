/** The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. */

const json = (schema: object, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (item: object) =>
  json({ type: "object", required: ["items"], properties: { items: { type: "array", items: item } } });
const error = (description: string) => json(ref("Error"), description);
const query = (name: string, description: string, schema: object = { type: "string" }) => ({
  name,
  in: "query",
  description,
  schema,
});
const LIMIT = query("limit", "Most results (default 20-50, at most 200).", {
  type: "integer",
  minimum: 1,
  maximum: 200,
});
const ITEM_FILTERS = [
  query("q", 'Words the item\'s text must contain (query language: words, "phrases", OR, -word).'),
  query("entity", "An entity involved (speaker, claimant, setter, actor...), whole words of its name."),
  query("from", "The item's date on or after (ISO date, month or year).", {
    type: "string",
    pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
  }),
  query("to", "The item's date on or before (inclusive).", {
    type: "string",
    pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
  }),
  query("article", "Only items of this article.", { type: "integer" }),
  query("order", "newest (default), date-asc or date-desc.", {
    type: "string",
    enum: ["newest", "date-asc", "date-desc"],
  }),
  LIMIT,
];

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Lede API",
    version: "0.2.0",
    description:
      'Errors are `{"error": {"code", "message"}}` with a stable code: bad-input, unauthorized, not-found, not-available, too-large, rate-limited, unavailable, internal (ingest failures carry the pipeline\'s stage and code). Writes need a Bearer token; reads too when LEDE_READ_TOKEN is set.',
    license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "Create one with `lede token create`." },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" }, stage: { type: "string" } },
          },
        },
      },
      ArticleSummary: {
        type: "object",
        required: ["id", "createdAt", "snippet"],
        properties: {
          id: { type: "integer" },
          title: { type: ["string", "null"] },
          url: { type: ["string", "null"] },
          siteName: { type: ["string", "null"] },
          source: { type: ["string", "null"] },
          published: { type: ["string", "null"] },
          createdAt: { type: "string", format: "date-time" },
          snippet: { type: "string", description: "A few words, or the search snippet with matches in [ ]." },
        },
      },
      ItemHit: {
        type: "object",
        description:
          "An analysis item (contract JSON, spans index the article's text) with the article it is in.",
        required: ["kind", "item", "index", "date", "names", "article"],
        properties: {
          kind: { type: "string", enum: ["quote", "claim", "deadline", "event", "entity"] },
          item: { type: "object" },
          index: { type: "integer" },
          date: { type: ["string", "null"] },
          names: { type: "object", additionalProperties: { type: "string" } },
          article: ref("ArticleSummary"),
        },
      },
      Source: {
        type: "object",
        properties: {
          id: { type: "integer" },
          kind: { type: "string", enum: ["feed", "page", "sitemap"] },
          url: { type: "string" },
          title: { type: ["string", "null"] },
          lastSuccessAt: { type: ["string", "null"] },
          lastErrorCode: { type: ["string", "null"] },
          lastErrorMessage: { type: ["string", "null"] },
          consecutiveFailures: { type: "integer" },
        },
      },
    },
  },
  paths: {
    "/api/latest": {
      get: {
        summary: "Newest articles first",
        parameters: [
          LIMIT,
          query("before", "Only articles with a smaller id (paging).", { type: "integer" }),
        ],
        responses: { "200": list(ref("ArticleSummary")) },
      },
    },
    "/api/articles/{id}": {
      get: {
        summary:
          "One article with its analysis (the `lede analyse` contract JSON) and its story when linking knows it",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": { description: "The article" }, "404": error("No such article") },
      },
    },
    "/api/articles/{id}/audio.mp3": {
      get: {
        summary:
          "The article read aloud (made on first request when narration is set up); byte ranges for seeking",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "integer" } },
          { name: "Range", in: "header", schema: { type: "string" } },
        ],
        responses: {
          "200": { description: "audio/mpeg" },
          "206": { description: "A byte range" },
          "404": error("No article, or narration not available"),
          "416": error("Range outside the audio"),
        },
      },
    },
    "/api/articles/{id}/audio.json": {
      get: {
        summary: "Timing marks of the narration: where the title and each sentence sit in the audio",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "{durationMs, marks: [{kind, start, end, startMs, endMs}]}" },
          "404": error("No article, or narration not available"),
        },
      },
    },
    "/api/articles/{id}/narration": {
      get: {
        summary:
          "How far the narration is (state ready|waiting|active|failed, percent 0-100); asking queues it as a job",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "{article, version, state, percent, durationMs?, error?, audio}" },
          "404": error("No article, or narration not available"),
        },
      },
    },
    "/api/search": {
      get: {
        summary:
          'Search with operators: words, "phrases", OR, -word, entity:, source:, from:, to:, type:(article|quote|claim|deadline|event)',
        parameters: [
          { ...query("q", "The query", { type: "string", maxLength: 500 }), required: true },
          LIMIT,
        ],
        responses: {
          "200": json({
            type: "object",
            properties: {
              type: { type: "string" },
              items: { type: "array", items: { oneOf: [ref("ArticleSummary"), ref("ItemHit")] } },
            },
          }),
          "400": error("Empty query or a bad operator"),
        },
      },
    },
    "/api/items/{kind}": {
      get: {
        summary: "Analysis items across articles",
        parameters: [
          {
            name: "kind",
            in: "path",
            required: true,
            schema: { type: "string", enum: ["quote", "claim", "deadline", "event", "entity"] },
          },
          ...ITEM_FILTERS,
        ],
        responses: { "200": list(ref("ItemHit")), "400": error("Bad filter") },
      },
    },
    "/api/quotes": {
      get: {
        summary: 'The quote finder; `q` may be a question ("what did Lindqvist say about Nato")',
        parameters: [query("speaker", "Same as entity."), ...ITEM_FILTERS],
        responses: { "200": list(ref("ItemHit")) },
      },
    },
    "/api/claims": {
      get: {
        summary: "Claims with their status",
        parameters: ITEM_FILTERS,
        responses: { "200": list(ref("ItemHit")) },
      },
    },
    "/api/deadlines": {
      get: {
        summary: "Deadlines (order=date-asc for the board)",
        parameters: ITEM_FILTERS,
        responses: { "200": list(ref("ItemHit")) },
      },
    },
    "/api/entities/{name}": {
      get: {
        summary:
          "An entity across articles: type, titles, mentions per day, quotes, claims, related entities",
        parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "The entity" }, "404": error("No article names it") },
      },
    },
    "/api/stories": {
      get: {
        summary: "Top stories: among the most recently updated, most outlets first",
        parameters: [{ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } }],
        responses: {
          "200": {
            description: "The stories (id, title, keywords, articles, outlets, createdAt, updatedAt)",
          },
        },
      },
    },
    "/api/stories/{id}": {
      get: {
        summary:
          "A story: its articles, outlets, coverage per day, timeline, reconciled figures (role, value, min, max, agreement, reports) and claim histories (status changes with their reports)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "The story" }, "404": error("No such story, or not available") },
      },
    },
    "/api/articles/{id}/lineage": {
      get: {
        summary:
          "Syndication lineage: the original among this article and its stored copies (reason: credit, canonical, earliest, most-complete, first-seen) and what each copy changed (headline, paragraphs kept, edited, added, cut); null when it has no copies",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": { description: "The lineage" }, "404": error("No such article") },
      },
    },
    "/api/alerts": {
      get: {
        summary: "Saved searches with webhooks (token needed: they hold webhook URLs and secrets)",
        security: [{ bearer: [] }],
        responses: { "200": { description: "The alerts" }, "401": error("No token") },
      },
      post: {
        summary:
          "Save a search as an alert: new matching articles are POSTed as JSON to the webhook, signed with X-Lede-Signature: sha256=HMAC(secret, body)",
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["query", "webhook"],
                properties: {
                  query: { type: "string", maxLength: 500 },
                  webhook: { type: "string", format: "uri" },
                },
              },
            },
          },
        },
        responses: {
          "201": { description: "The alert, with its signing secret" },
          "400": error("Bad query or URL"),
        },
      },
    },
    "/api/alerts/{id}": {
      delete: {
        summary: "Remove an alert",
        security: [{ bearer: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "204": { description: "Removed" }, "404": error("No such alert") },
      },
    },
    "/api/sources": {
      get: { summary: "Subscribed sources and their health", responses: { "200": list(ref("Source")) } },
      post: {
        summary: "Subscribe to a feed, page or sitemap",
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["url"],
                properties: {
                  url: { type: "string" },
                  kind: { type: "string", enum: ["feed", "page", "sitemap"] },
                  title: { type: "string" },
                },
              },
            },
          },
        },
        responses: {
          "201": json(ref("Source"), "Added (or the existing source with that URL)"),
          "400": error("Bad URL or kind"),
          "401": error("No or bad token"),
        },
      },
    },
    "/api/sources/opml": {
      post: {
        summary: "Subscribe to every feed of an OPML file (raw XML body, or multipart field `file`)",
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            "text/xml": { schema: { type: "string" } },
            "multipart/form-data": {
              schema: { type: "object", properties: { file: { type: "string", format: "binary" } } },
            },
          },
        },
        responses: {
          "201": json({
            type: "object",
            properties: { added: { type: "integer" }, items: { type: "array", items: ref("Source") } },
          }),
          "400": error("No feeds in it"),
          "401": error("No or bad token"),
        },
      },
    },
    "/api/failures": {
      get: {
        summary: "Recent failures with stage and code",
        parameters: [LIMIT],
        responses: { "200": { description: "Failures" } },
      },
    },
    "/api/ingest": {
      post: {
        summary:
          "Take in a page by URL, HTML or pasted text (JSON), or an uploaded file (multipart field `file`)",
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  url: { type: "string" },
                  text: { type: "string" },
                  html: { type: "string" },
                  published: { type: "string" },
                },
              },
            },
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: { file: { type: "string", format: "binary" }, published: { type: "string" } },
              },
            },
          },
        },
        responses: {
          "200": json(
            {
              type: "object",
              properties: {
                status: { type: "string", enum: ["added", "updated", "unchanged"] },
                id: { type: "integer" },
                version: { type: "integer" },
              },
            },
            "Stored",
          ),
          "400": error("Bad request"),
          "401": error("No or bad token"),
          "413": error("Body over 5 MB"),
          "422": error("Could not be taken in (stage and code of the failure)"),
          "429": error("Rate limited"),
        },
      },
    },
    "/api/events": {
      get: {
        summary: "Server-sent events: `article` when one is added or updated, `ping` every 15 s",
        responses: { "200": { description: "text/event-stream" }, "503": error("Too many streams") },
      },
    },
    "/feeds/search.xml": {
      get: {
        summary: "A saved search as RSS 2.0",
        parameters: [{ ...query("q", "The search"), required: true }],
        responses: { "200": { description: "application/rss+xml" } },
      },
    },
    "/feeds/search.json": {
      get: {
        summary: "A saved search as JSON Feed 1.1",
        parameters: [{ ...query("q", "The search"), required: true }],
        responses: { "200": { description: "application/feed+json" } },
      },
    },
  },
} as const;
