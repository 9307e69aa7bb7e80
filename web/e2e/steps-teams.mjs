// A team of three in three browser contexts: the owner makes a team and invites by email (the link
// is shown once), an editor and a viewer sign up from their links and accept, the editor approves
// a script while the owner watches it arrive live with who approved, and the viewer sees no
// approve button and gets 403 from the API.
import assert from "node:assert/strict";
import { DESKTOP, T } from "./harness.mjs";

const PASSWORD = "team-journey-42";

/** A browser context of its own (its own storage: another person), with axe-core in every page. */
async function newPerson(browser, axe) {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: "light" });
  await context.addInitScript({ path: axe });
  return context;
}

/** A fresh browser context signed in as a new account (registered through the API). */
async function signedIn(h, browser, axe, email) {
  await h.apiOk("POST", "/auth/register", { email, password: PASSWORD });
  const login = await h.apiOk("POST", "/auth/login", { username: email, password: PASSWORD });
  const context = await newPerson(browser, axe);
  await context.addInitScript(
    ([token, mail, expires]) => localStorage.setItem("cat.session", JSON.stringify({ token, email: mail, expires_at: expires })),
    [login.access_token, email, login.expires_at],
  );
  return { context, page: await context.newPage(), token: login.access_token };
}

/** The header's team switcher shows `name` as the current team. */
const switchedTo = (page, name) =>
  page.waitForFunction((n) => document.querySelector("#team-switch")?.selectedOptions[0]?.textContent === n, name, { timeout: T });

/** Invites `email` as `role` on the Members screen and returns the link it shows once. */
async function invite(page, email, role) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel(role === "editor" ? /^Editor:/ : /^Viewer:/).check();
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = page.getByRole("textbox", { name: "Invitation link" });
  await page.getByText(`Send this link to ${email}`).waitFor({ timeout: T });
  return link.inputValue();
}

/** A new visitor opens the link, signs up on the way (the invitation is kept through it), and accepts. */
async function acceptAsNewAccount(h, { browser, axe }, link, email, teamName) {
  const context = await newPerson(browser, axe);
  const page = await context.newPage();
  await page.goto(link);
  await h.heading("Sign in", page);
  assert.match(page.url(), /\/signin\?next=%2Finvite%2F/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await h.heading(`Join ${teamName}`, page);
  return { context, page };
}

export async function teamSteps(h, { browser, axe }) {
  const stamp = Date.now();
  const teamName = "Budget Travel Crew";
  const emails = { owner: `owner-${stamp}@example.com`, editor: `editor-${stamp}@example.com`, viewer: `viewer-${stamp}@example.com` };
  const s = {};

  await h.step("teams: the owner makes a team and invites an editor and a viewer; each link is shown once", async () => {
    s.owner = await signedIn(h, browser, axe, emails.owner);
    const page = s.owner.page;
    await page.goto(`${h.base}/team`);
    await h.heading("Your personal team", page);
    await page.getByLabel("Team name").fill(teamName);
    await page.getByRole("button", { name: "Create team" }).click();
    await h.heading(teamName, page);
    await switchedTo(page, teamName);
    s.editorLink = await invite(page, emails.editor, "editor");
    assert.match(s.editorLink, /\/#\/invite\/[\w-]+$/);
    await h.capture("40-team-invite-link", page);
    s.viewerLink = await invite(page, emails.viewer, "viewer");
    assert.notEqual(s.viewerLink, s.editorLink);
    await page.locator(".plain li", { hasText: emails.viewer }).waitFor({ timeout: T });
    assert.equal(await page.locator(".plain li").count(), 2, "two pending invitations");
    s.teamId = await page.getByLabel("Team", { exact: true }).inputValue();
  });

  await h.step("teams: the editor signs up from the link, sees the invitation, and accepts", async () => {
    s.editor = await acceptAsNewAccount(h, { browser, axe }, s.editorLink, emails.editor, teamName);
    const page = s.editor.page;
    await page.getByText(`${emails.owner} invites ${emails.editor} to join ${teamName}`).waitFor({ timeout: T });
    await h.capture("41-team-invitation", page);
    await page.getByRole("button", { name: "Accept and join" }).click();
    await h.heading("Dashboard", page);
    await switchedTo(page, teamName);
    s.viewer = await acceptAsNewAccount(h, { browser, axe }, s.viewerLink, emails.viewer, teamName);
    await s.viewer.page.getByRole("button", { name: "Accept and join" }).click();
    await h.heading("Dashboard", s.viewer.page);
    // Each link works once: the viewer's second accept is refused.
    const again = await fetch(`${h.base}/api/v1/invitations/${s.viewerLink.split("/").pop()}/accept`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await tokenOf(h, emails.viewer)}` },
      body: "{}",
    });
    assert.equal(again.status, 409, "a second accept");
  });

  await h.step("teams: the owner sees three members and can change roles", async () => {
    const page = s.owner.page;
    await page.reload();
    await h.heading(teamName, page);
    const rows = page.locator(".members li");
    await rows.filter({ hasText: emails.viewer }).waitFor({ timeout: T });
    assert.equal(await rows.count(), 3);
    assert.equal(await page.getByLabel(`Role of ${emails.viewer}`).inputValue(), "viewer");
    assert.equal(await page.getByLabel(`Role of ${emails.editor}`).inputValue(), "editor");
    await h.capture("42-team-members", page);
  });

  await h.step("teams: the editor approves a script; the owner, watching, sees it live with who approved", async () => {
    const start = await fetch(`${h.base}/api/v1/workflows/start`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${s.owner.token}`, "x-team-id": s.teamId },
      body: JSON.stringify({ topic: "Rail passes compared" }),
    });
    assert.equal(start.status, 201, `start in the team: ${start.status}`);
    s.wf = await start.json();
    await s.owner.page.goto(`${h.base}/workflows/${s.wf.id}`);
    await h.heading("Review the scripts", s.owner.page);

    const page = s.editor.page;
    await page.goto(`${h.base}/workflows/${s.wf.id}`);
    await h.heading("Review the scripts", page);
    await page.getByLabel("Choose this script").first().check();
    await page.getByRole("button", { name: "Approve script" }).click();
    await h.heading("Pick your thumbnail", page);

    // No reload: the owner's open page hears it over the live socket.
    await h.heading("Pick your thumbnail", s.owner.page);
    await s.owner.page.getByText(`${emails.editor} approved the script`).waitFor({ timeout: T });
    await s.owner.page.getByText("Loading the test options…").waitFor({ state: "detached", timeout: T });
    await s.owner.page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: T });
    await h.capture("43-team-owner-sees-who-approved", s.owner.page);
  });

  await h.step("teams: the viewer sees no approve, edit or feedback controls, and the API answers 403", async () => {
    const second = await fetch(`${h.base}/api/v1/workflows/start`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${s.owner.token}`, "x-team-id": s.teamId },
      body: JSON.stringify({ topic: "Hostels or ryokan" }),
    });
    const wf = await second.json();
    const page = s.viewer.page;
    await page.goto(`${h.base}/workflows/${wf.id}`);
    await h.heading("Review the scripts", page);
    await page.getByText("You are a viewer in this team").waitFor({ timeout: T });
    assert.equal(await page.getByRole("button", { name: "Approve script" }).count(), 0, "no approve button");
    assert.equal(await page.getByRole("button", { name: /^Edit “/ }).count(), 0, "no edit buttons");
    assert.equal(await page.getByRole("button", { name: /new revision/i }).count(), 0, "no feedback form");
    assert.equal(await page.getByRole("radio", { name: "Choose this script" }).count(), 0, "no script choice");
    await h.capture("44-team-viewer-script-gate", page);
    const refused = await fetch(`${h.base}/api/v1/workflows/${wf.id}/approve`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await tokenOf(h, emails.viewer)}` },
      body: JSON.stringify({ action: "approve", script_id: wf.scripts[0].id }),
    });
    assert.equal(refused.status, 403);
    const problem = await refused.json();
    assert.equal(problem.required_role, "editor");
    // The viewer reads the first workflow too, with who approved it.
    await page.goto(`${h.base}/workflows/${s.wf.id}`);
    await page.getByText(`${emails.editor} approved the script`).waitFor({ timeout: T });
    assert.equal(await page.getByRole("button", { name: /^Regenerate/ }).count(), 0, "no redraw for a viewer");
  });

  for (const who of ["owner", "editor", "viewer"]) await s[who]?.context.close().catch(() => {});
}

const tokenOf = async (h, email) => (await h.apiOk("POST", "/auth/login", { username: email, password: PASSWORD })).access_token;
