// D1 keeps accounts and the index of workflows; each workflow's full state lives in its Durable Object.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    topic: text("topic").notNull(),
    status: text("status").notNull(),
    requiresAction: text("requires_action"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("workflows_user_created").on(t.userId, t.createdAt, t.id),
    index("workflows_user_status_created").on(t.userId, t.status, t.createdAt, t.id),
  ],
);

/** Failed sign-ins per email, for throttling password guessing. */
export const loginAttempts = sqliteTable("login_attempts", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: integer("locked_until")
    .notNull()
    .default(sql`0`),
  lastFailureAt: integer("last_failure_at").notNull(),
});
