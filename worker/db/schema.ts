// D1 keeps accounts and the index of workflows; each workflow's full state lives in its Durable Object.
import { type AnySQLiteColumn, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { teams } from "./teams-schema";

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const workflows = sqliteTable(
  "workflows",
  {
    id: text("id").primaryKey(),
    /** The team it belongs to (a personal team's id is its account's id). */
    teamId: text("team_id")
      .notNull()
      .references((): AnySQLiteColumn => teams.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    topic: text("topic").notNull(),
    status: text("status").notNull(),
    requiresAction: text("requires_action"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("workflows_team_created").on(t.teamId, t.createdAt, t.id),
    index("workflows_team_status_created").on(t.teamId, t.status, t.createdAt, t.id),
  ],
);

/**
 * One row per signed-in device. Every access token names its row (the JWT's `sid`), so deleting
 * the row revokes the token at once; the check is one primary-key read per request.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** Shown in the session list so people can tell their devices apart. */
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user").on(t.userId, t.createdAt)],
);

/**
 * Failed sign-ins, counted per (account, client IP) and per client IP, never per account alone:
 * a lock an attacker causes from their address must not refuse the owner elsewhere.
 */
export const loginThrottle = sqliteTable(
  "login_throttle",
  {
    /** "pair:<email>|<ip>" or "ip:<ip>". */
    key: text("key").primaryKey(),
    /** Set on pair rows, so deleting an account forgets them too. */
    email: text("email"),
    failures: integer("failures").notNull(),
    lockedUntil: integer("locked_until").notNull(),
    lastFailureAt: integer("last_failure_at").notNull(),
  },
  (t) => [index("login_throttle_last_failure").on(t.lastFailureAt), index("login_throttle_email").on(t.email)],
);
