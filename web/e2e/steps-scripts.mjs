// Script review: the phone layout, feedback that shows up in revision 2 with what changed,
// editing before approval, and approving a script from an earlier revision.
import assert from "node:assert/strict";
import { PHONE, T } from "./harness.mjs";

const FEEDBACK = "Mention the JR Pass, hostels and convenience-store meals";

/** Interactive elements smaller than 24 × 24 px (inline links inside sentences are exempt, as in WCAG 2.5.8). */
const smallTargets = (page) =>
  page.$$eval("button, input, select, summary, a, [role=button]", (els) =>
    els
      .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden" && !e.closest(".sr-only"))
      .filter((e) => !(e.tagName === "A" && e.closest("p, li small, figcaption") && !e.closest("nav")))
      .filter((e) => !(e.type === "file" && e.classList.contains("sr-only")))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(
        ({ e, r }) =>
          `${e.tagName.toLowerCase()} “${(e.textContent || e.getAttribute("aria-label") || e.name || "").trim().slice(0, 30)}” ${Math.round(r.width)}×${Math.round(r.height)}`,
      ),
  );

export async function scriptSteps(h) {
  const { page } = h;

  await h.step("script review on a phone: cards fold to title and hook, 'Step 1 of 4', approve bar in view, 24 px targets", async () => {
    await page.goto(h.state.url);
    await h.heading("Review the scripts");
    await h.capture("05-script-review");
    await h.onPhone(async () => {
      await page.evaluate(() => scrollTo(0, 0));
      assert.match(await page.locator(".steps-compact").innerText(), /^Step 1 of 4: Script$/);
      assert.ok(!(await page.locator("ol.steps").isVisible()), "the four-step list is hidden on a phone");
      assert.equal(await page.getByRole("button", { name: "Read the full script" }).count(), 3);
      assert.equal(await page.locator("article.script .full:visible").count(), 0, "cards show title and hook only");
      const bar = await page.locator(".approve-bar").boundingBox();
      assert.ok(bar && bar.y >= 0 && bar.y + bar.height <= PHONE.height, `approve bar visible without scrolling: ${JSON.stringify(bar)}`);
      assert.deepEqual(await smallTargets(page), [], "touch targets of at least 24 px");
      await page.getByRole("button", { name: "Read the full script" }).first().click();
      assert.equal(await page.locator("article.script .full:visible").count(), 1);
      await page.getByRole("button", { name: "Show less" }).click();
    });
  });

  await h.step("feedback counts: its words appear in revision 2, what changed is highlighted", async () => {
    await page.getByLabel("What should change?").fill(FEEDBACK);
    await page.getByRole("button", { name: "Ask for a new revision" }).click();
    await page.getByText("Revision 2 is ready").waitFor({ timeout: T });
    await page.getByRole("button", { name: "Revision 2 (latest)", pressed: true }).waitFor();
    const cards = (await page.locator("article.script").allInnerTexts()).join("\n");
    for (const word of ["JR Pass", "hostel", "convenience-store"]) assert.ok(cards.includes(word), `revision 2 mentions “${word}”`);
    // The script never talks to viewers about the feedback, and keeps revision 1's titles.
    assert.doesNotMatch(
      cards,
      /you asked|requested by you|your feedback|as you asked|I'll also cover/i,
      "no feedback addressed to viewers",
    );
    assert.deepEqual(await page.$$eval("article.script h3", (els) => els.map((x) => x.textContent)), h.state.firstTitles);
    for (const line of await page.locator("[data-testid=script-length]").allInnerTexts())
      assert.match(line, /^About \d+ (min|s): \d+ spoken words at \d+ words a minute$/);
    assert.ok((await page.locator("article.script ins").count()) > 0, "changes since revision 1 are highlighted");
    await page.getByText(`Your feedback: “${FEEDBACK}”`).waitFor();
    const rev = (await h.apiOk("GET", `/workflows/${h.state.id}/status`)).script_revisions.at(-1);
    if (!rev.feedback_applied) h.skip("what the writer did with the feedback: the revision has no `feedback_applied` yet");
    else {
      await page.getByRole("heading", { name: "What the writer did with your feedback" }).waitFor();
      const shown = await page.locator(".feedback-notes li").allInnerTexts();
      assert.deepEqual(shown, [...rev.feedback_applied, ...rev.feedback_notes], "every applied change and every note is shown");
    }
    await h.capture("06-revision-2");
    await page.getByRole("button", { name: "Revision 1" }).click();
    assert.deepEqual(await page.$$eval("article.script h3", (els) => els.map((x) => x.textContent)), h.state.firstTitles);
  });

  await h.step("a script can be edited before approval, and the edit is kept as a revision", async () => {
    const probe = await h.api("POST", `/workflows/${h.state.id}/edit-script`, {});
    if (probe.status === 404) return h.skip("editing a script: POST /workflows/{id}/edit-script does not exist yet");
    await page.getByRole("button", { name: /^Revision 2/ }).click();
    await page.locator("article.script").first().getByRole("button", { name: /^Edit/ }).click();
    await page.getByLabel("Title").fill("My own title for Japan on a budget");
    await h.capture("07-script-editor");
    await page.getByRole("button", { name: "Save as a new revision" }).click();
    await page.getByText(/Your edit is saved as revision 3/).waitFor({ timeout: T });
    await page.getByRole("button", { name: "Revision 3 (latest)", pressed: true }).waitFor();
    await page.getByRole("heading", { name: "My own title for Japan on a budget" }).waitFor();
    await page.getByText("Written by you (edited by hand).").waitFor();
    assert.ok(await page.getByRole("radio", { name: "Choose this script" }).first().isChecked(), "the edit is chosen");
  });

  await h.step("a script from an earlier revision can be approved", async () => {
    await page.getByRole("button", { name: "Revision 1" }).click();
    await page.getByRole("radio", { name: "Choose this script" }).nth(1).check();
    await page.locator(".approve-bar").getByText("from revision 1").waitFor();
    await page.getByRole("button", { name: "Approve script" }).click();
    await h.heading("Pick your thumbnail");
    const wf = await h.apiOk("GET", `/workflows/${h.state.id}/status`);
    const rev1 = wf.script_revisions.find((r) => r.revision === 1);
    assert.equal(wf.approved_script_id, rev1.scripts[1].id, "the revision-1 script is the approved one");
    assert.equal(await page.locator(".steps-compact").innerText(), "Step 2 of 4: Thumbnail");
  });
}
