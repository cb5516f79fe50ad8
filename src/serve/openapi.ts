/** The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. */
export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Lede API",
    version: "0.1.0",
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
            properties: { code: { type: "string" }, message: { type: "string" } },
          },
        },
      },
      ArticleSummary: {
        type: "object",
        properties: {
          id: { type: "integer" },
          title: { type: ["string", "null"] },
          url: { type: ["string", "null"] },
          siteName: { type: ["string", "null"] },
          source: { type: ["string", "null"] },
          published: { type: ["string", "null"] },
          createdAt: { type: "string" },
          snippet: { type: "string" },
        },
      },
    },
  },
  paths: {
    "/api/latest": {
      get: {
        summary: "Newest articles first",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200 } },
          {
            name: "before",
            in: "query",
            schema: { type: "integer" },
            description: "Only articles with a smaller id (paging).",
          },
        ],
        responses: {
          "200": {
            description: "Articles",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    items: { type: "array", items: { $ref: "#/components/schemas/ArticleSummary" } },
                  },
                },
              },
            },
          },
        },
      },
    },
    "/api/articles/{id}": {
      get: {
        summary: "One article with its analysis (contract JSON)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "The article" },
          "404": {
            description: "Not found",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        },
      },
    },
    "/api/search": {
      get: {
        summary: "Full-text search",
        parameters: [
          { name: "q", in: "query", required: true, schema: { type: "string", maxLength: 500 } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200 } },
        ],
        responses: { "200": { description: "Matches, best first" } },
      },
    },
    "/api/sources": {
      get: {
        summary: "Subscribed sources and their health",
        responses: { "200": { description: "Sources" } },
      },
    },
    "/api/ingest": {
      post: {
        summary: "Take in a page by URL, HTML or pasted text",
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
          },
        },
        responses: {
          "200": { description: "Stored: {status, id, version}" },
          "401": { description: "No or bad token" },
          "422": { description: "Could not be taken in" },
        },
      },
    },
    "/api/events": {
      get: {
        summary: "Server-sent events: `article` when one is added or updated",
        responses: { "200": { description: "text/event-stream" } },
      },
    },
  },
} as const;
