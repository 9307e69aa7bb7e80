// Ending the test by hand, the first-person result, the Studio-ready export and the package.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pngSize, T } from "./harness.mjs";

export async function resultSteps(h, { topic }) {
  const { page } = h;

  await h.step("declare a winner: the dialog says what declaring now risks, in words, never 100%", async () => {
    await page.getByRole("button", { name: "Declare winner…" }).click();
    const dialog = page.getByRole("dialog", { name: "Declare a winner" });
    await dialog.waitFor();
    await dialog.getByRole("radio", { name: /^Viral/ }).check();
    const risk = await dialog.locator(".risk").innerText();
    assert.match(
      risk,
      /Viral is ahead, but the test is only .+ sure|Viral is not ahead|Low risk: the test is .+ sure Viral|Too early to say which is ahead: the test is .+ sure of any winner\. Declaring Viral now/,
    );
    assert.doesNotMatch(await dialog.innerText(), /100%/, "the declare dialog never says 100%");
    const ab = await h.apiOk("GET", `/workflows/${h.state.id}/ab-status`);
    if (!ab.can_declare_early) assert.match(risk, /picked it before the test proved a winner/);
    h.state.confidenceAtDeclare = ab.current_confidence;
    h.state.threshold = ab.confidence_threshold ?? 0.95;
    await h.capture("11-declare-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Declare winner…" }).click();
    await dialog.getByRole("radio", { name: /^Viral/ }).check();
    await dialog.getByRole("button", { name: "Declare Viral the winner" }).click();
    await h.heading("Winning content");
  });

  await h.step("results in the first person, marked as simulated", async () => {
    const line = await page.locator(".results .status-line").innerText();
    const r = await h.apiOk("GET", `/workflows/${h.state.id}/results`);
    if (r.ab_test_summary.confidence < h.state.threshold) assert.match(line, /^You picked Viral before the test proved it/);
    else assert.match(line, /^Viral wins/);
    await page.getByText("This test ran on simulated traffic, not real viewers.").waitFor();
    assert.match(await page.locator("tr.won").innerText(), /Viral/);
    h.state.results = r;
  });

  await h.step("a Studio-ready export: title options, description, tags, chapters, PNG, a copy button per field", async () => {
    const studio = h.state.results.studio;
    if (!studio) {
      h.skip("the Studio export: GET /workflows/{id}/results has no `studio` yet");
      return h.capture("12-results");
    }
    const section = page.locator("section.studio");
    await section.getByRole("heading", { name: "Ready for YouTube Studio" }).waitFor();
    assert.ok((await section.locator(".titles li").count()) >= 2, "title options");
    const description = await page.getByRole("textbox", { name: "Description" }).inputValue();
    const tags = await page.getByRole("textbox", { name: "Tags" }).inputValue();
    const chapters = await page.getByRole("textbox", { name: "Chapters" }).inputValue();
    assert.ok(description.length > 40, "a description");
    assert.ok(tags.split(",").length >= 3, "tags");
    assert.match(chapters, /^0:00 .+(\n\d+:\d\d .+)+$/, "chapters with timestamps, starting at 0:00");
    await section.getByTestId("chapter-times").getByText("estimated: set the real times after recording").waitFor();
    assert.match(description, /Chapters \(estimated: set the real times after recording\)/);
    assert.doesNotMatch(await page.locator("main").innerText(), /Proof at the end|100% sure/, "no 'Proof at the end: 100%'");
    await section.getByRole("button", { name: "Copy tags" }).click();
    await section.getByText("Copied").first().waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), tags);
    assert.ok((await section.getByRole("button", { name: /^Copy / }).count()) >= 5, "a copy button per field");
    const [png] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: /Download the thumbnail/ }).click()]);
    assert.deepEqual(pngSize(readFileSync(await png.path())), { width: 1280, height: 720 });
    await h.capture("12-results");
  });

  await h.step("chapters: 'estimated' until the real times are typed, then the package uses them", async () => {
    const titles = h.state.results.studio.chapters.map((c) => c.title);
    const typed = titles.map((t, i) => `${Math.floor((i * 75) / 60)}:${String((i * 75) % 60).padStart(2, "0")} ${t}`).join("\n");
    await page.getByLabel(/^Your chapter times/).fill(typed);
    await page.getByRole("button", { name: "Save chapter times" }).click();
    await page.getByTestId("chapter-times").getByText("These are your chapter times.").waitFor({ timeout: T });
    assert.equal(await page.getByRole("textbox", { name: "Chapters" }).inputValue(), typed);
    const description = await page.getByRole("textbox", { name: "Description" }).inputValue();
    assert.ok(description.includes(`Chapters\n${typed}`), "the description carries the typed times");
    assert.doesNotMatch(description, /estimated/);
    h.state.results = await h.apiOk("GET", `/workflows/${h.state.id}/results`);
    assert.equal(h.state.results.studio.chapter_times, "yours");
    await h.capture("12b-chapters-typed");
  });

  await h.step("export: download JSON and Markdown (labels in words), copy to clipboard", async () => {
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
    assert.match(json.suggestedFilename(), /\.json$/);
    const pkg = JSON.parse(readFileSync(await json.path(), "utf8"));
    assert.ok(JSON.stringify(pkg).includes(topic), "JSON export names the topic");
    const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Markdown" }).click()]);
    assert.match(md.suggestedFilename(), /\.md$/);
    const text = readFileSync(await md.path(), "utf8");
    assert.match(text, /^#/m);
    assert.ok(text.includes(topic), "Markdown export names the topic");
    if (!h.state.results.studio) h.skip("labels in words in the Markdown export: comes with the Studio export");
    else assert.doesNotMatch(text, /\b(FACE_FOCUSED|PRODUCT_DEMO|VIRAL)\b/, "no raw style codes");
    await page.getByRole("button", { name: "Copy Markdown" }).click();
    await page.getByText("Copied the Markdown export").waitFor({ timeout: T });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  });
}
