/** Alerts on SQLite (see `../alerts.ts`). */
import type Database from "better-sqlite3";
import {
  ALERT_COLUMNS,
  type AlertPatch,
  type AlertRecord,
  type AlertStore,
  alertSecret,
  toAlert,
} from "../alerts.ts";

type Row = Record<string, unknown>;

export class SqliteAlertStore implements AlertStore {
  constructor(private readonly db: Database.Database) {}

  async create(query: string, webhook: string): Promise<AlertRecord> {
    const info = this.db
      .prepare(
        `INSERT INTO alerts (query, webhook, secret, created_at, failures, last_article_id)
         VALUES (?, ?, ?, ?, 0, (SELECT coalesce(max(id), 0) FROM articles))`,
      )
      .run(query, webhook, alertSecret(), new Date().toISOString());
    return (await this.get(Number(info.lastInsertRowid)))!;
  }

  async list(): Promise<AlertRecord[]> {
    return (this.db.prepare("SELECT * FROM alerts ORDER BY id").all() as Row[]).map(toAlert);
  }

  async get(id: number): Promise<AlertRecord | null> {
    const r = this.db.prepare("SELECT * FROM alerts WHERE id = ?").get(id) as Row | undefined;
    return r ? toAlert(r) : null;
  }

  async update(id: number, patch: AlertPatch): Promise<void> {
    const entries = Object.entries(patch).filter(([k, v]) => k in ALERT_COLUMNS && v !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map(([k]) => `${ALERT_COLUMNS[k as keyof AlertPatch]} = ?`).join(", ");
    this.db.prepare(`UPDATE alerts SET ${sets} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
  }

  async remove(id: number): Promise<boolean> {
    return this.db.prepare("DELETE FROM alerts WHERE id = ?").run(id).changes === 1;
  }

  async lastArticleId(): Promise<number> {
    return (this.db.prepare("SELECT coalesce(max(id), 0) AS n FROM articles").get() as Row).n as number;
  }
}
