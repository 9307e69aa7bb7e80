// Teams (issue 21): who shares a channel's workflows, keys, webhooks, connection and budgets.
// Every account has a personal team whose id is the account's id; times are epoch milliseconds.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./schema";

export const teams = sqliteTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** The account whose personal team this is (it goes with the account); null for a created team. */
  personalOf: text("personal_of")
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: integer("created_at").notNull(),
});

export const teamMembers = sqliteTable(
  "team_members",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** owner | editor | viewer */
    role: text("role").notNull(),
    joinedAt: integer("joined_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index("team_members_user").on(t.userId),
    // Exactly one owner: a second owner row cannot exist, whatever races.
    uniqueIndex("team_members_one_owner")
      .on(t.teamId)
      .where(sql`role = 'owner'`),
  ],
);

/** An invitation link is shown once; only the SHA-256 of its token is kept. */
export const teamInvitations = sqliteTable(
  "team_invitations",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    /** editor | viewer */
    role: text("role").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    declinedAt: integer("declined_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("team_invitations_team").on(t.teamId, t.createdAt)],
);
