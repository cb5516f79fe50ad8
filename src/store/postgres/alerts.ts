/** Alerts on PostgreSQL (see `../alerts.ts`). */
import type pg from "pg";
import {
  ALERT_COLUMNS,
  type AlertPatch,
  type AlertRecord,
  type AlertStore,
  alertSecret,
  toAlert,
} from "../alerts.ts";

type Row = Record<string, unknown>;

export class PostgresAlertStore implements AlertStore {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params as unknown[])).rows as Row[];
  }

  async create(query: string, webhook: string): Promise<AlertRecord> {
    const [r] = await this.rows(
      `INSERT INTO alerts (query, webhook, secret, created_at, failures, last_article_id)
       VALUES ($1, $2, $3, now(), 0, (SELECT coalesce(max(id), 0) FROM articles)) RETURNING *`,
      [query, webhook, alertSecret()],
    );
    return toAlert(r!);
  }

  async list(): Promise<AlertRecord[]> {
    return (await this.rows("SELECT * FROM alerts ORDER BY id")).map(toAlert);
  }

  async get(id: number): Promise<AlertRecord | null> {
    const [r] = await this.rows("SELECT * FROM alerts WHERE id = $1", [id]);
    return r ? toAlert(r) : null;
  }

  async update(id: number, patch: AlertPatch): Promise<void> {
    const entries = Object.entries(patch).filter(([k, v]) => k in ALERT_COLUMNS && v !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map(([k], i) => `${ALERT_COLUMNS[k as keyof AlertPatch]} = $${i + 1}`).join(", ");
    await this.pool.query(`UPDATE alerts SET ${sets} WHERE id = $${entries.length + 1}`, [
      ...entries.map(([, v]) => v),
      id,
    ]);
  }

  async remove(id: number): Promise<boolean> {
    return ((await this.pool.query("DELETE FROM alerts WHERE id = $1", [id])).rowCount ?? 0) === 1;
  }

  async lastArticleId(): Promise<number> {
    return (await this.rows("SELECT coalesce(max(id), 0)::bigint AS n FROM articles"))[0]!.n as number;
  }
}
