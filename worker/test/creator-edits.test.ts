// The creator's own hand at the gates: editing a script, approving any revision, redrawing a
// thumbnail, uploading an image, and downloading YouTube-ready PNGs.
import { describe, expect, it } from "vitest";
import { imageInfo } from "../lib/image-info";
import { renderPng } from "../render/png";
import type { WorkflowState } from "../shared/contract";
import { BASE, call, expectProblem, newUser, startWorkflow, toThumbnails } from "./helpers";
import { exports } from "cloudflare:workers";

const svgOf = (w: number, h: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#c33"/></svg>`;

async function upload(id: string, thumb: string, token: string, bytes: Uint8Array, type = "image/png") {
  const res = await exports.default.fetch(
    new Request(`${BASE}/workflows/${id}/thumbnails/${thumb}/upload`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body: new Uint8Array(bytes),
    }),
  );
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

const image = async (path: string) =>
  new Uint8Array(await (await exports.default.fetch(new Request(`http://localhost:8787${path}`))).arrayBuffer());

describe("editing scripts", () => {
  it("keeps the edit as a revision of its own, which can be approved", async () => {
    const { token } = await newUser("edit");
    const wf = await startWorkflow(token);
    const original = wf.scripts[1]!;
    const edited = await call<WorkflowState>("POST", `/workflows/${wf.id}/edit-script`, {
      token,
      body: { script_id: original.id, title: "My own title", outline: ["Intro", "The JR Pass", "Hostels"] },
    });
    expect(edited.status).toBe(200);
    const rev = edited.body.script_revisions.at(-1)!;
    expect(rev).toMatchObject({ revision: 2, source: "edited", edited_from: original.id });
    expect(rev.scripts[0]).toMatchObject({ title: "My own title", outline: ["Intro", "The JR Pass", "Hostels"], hook: original.hook });
    expect(edited.body.scripts).toEqual(rev.scripts);
    const approved = await call<WorkflowState>("POST", `/workflows/${wf.id}/approve`, {
      token,
      body: { action: "approve", script_id: rev.scripts[0]!.id },
    });
    expect(approved.body.approved_script_id).toBe(rev.scripts[0]!.id);
    // No edits once the gate has passed, and an edit must change something.
    expectProblem(await call("POST", `/workflows/${wf.id}/edit-script`, { token, body: { script_id: original.id, title: "x" } }), 409);
    const other = await startWorkflow(token);
    expectProblem(await call("POST", `/workflows/${other.id}/edit-script`, { token, body: { script_id: other.scripts[0]!.id } }), 400);
  });
});

describe("thumbnails", () => {
  it("serves 1280×720 PNGs and YouTube's preview sizes of the embedded designs", async () => {
    const { token } = await newUser("png");
    const wf = await toThumbnails(token);
    for (const t of wf.thumbnails) {
      expect(t.headline.split(/\s+/).length).toBeLessThanOrEqual(4);
      expect(imageInfo(await image(t.png_url))).toEqual({ type: "image/png", width: 1280, height: 720 });
    }
    expect(new Set(wf.thumbnails.map((t) => t.headline)).size).toBe(3);
    const small = await image(`${wf.thumbnails[0]!.png_url}&width=168`);
    expect(imageInfo(small)).toMatchObject({ width: 168, height: 94 });
    expectProblem(await call("GET", `${wf.thumbnails[0]!.png_url.replace("/api/v1", "")}&width=999`), 400);
  });

  it("redraws one variant with new words and a new version, leaving the others", async () => {
    const { token } = await newUser("redraw");
    const wf = await toThumbnails(token);
    const [first, second] = wf.thumbnails;
    const r = await call<WorkflowState>("POST", `/workflows/${wf.id}/thumbnails/${second!.id}/regenerate`, { token, body: {} });
    expect(r.status).toBe(200);
    const after = r.body.thumbnails;
    expect(after[0]).toEqual(first);
    expect(after[1]!.headline).not.toBe(second!.headline);
    expect(after[1]!.url).toMatch(/\.svg\?v=1$/);
  });

  it("takes the creator's own 16:9 image as a variant, and refuses anything else unchanged", async () => {
    const { token } = await newUser("upload");
    const wf = await toThumbnails(token);
    const thumb = wf.thumbnails[2]!;
    const png = await renderPng(svgOf(1280, 720));
    const ok = await upload(wf.id, thumb.id, token, png);
    expect(ok.status).toBe(200);
    const shown = (ok.body as WorkflowState).thumbnails[2]!;
    expect(shown).toMatchObject({ id: thumb.id, style: thumb.style, headline: "" });
    expect(shown.url).toMatch(/\.png\?v=1$/);
    // A fresh encoding of the decoded pixels (upload-decode.test.ts checks what it drops).
    expect(imageInfo(await image(shown.png_url))).toEqual({ type: "image/png", width: 1280, height: 720 });

    const before = (await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token })).body.thumbnails;
    expect((await upload(wf.id, thumb.id, token, await renderPng(svgOf(800, 800)))).status).toBe(400); // not 16:9
    expect((await upload(wf.id, thumb.id, token, await renderPng(svgOf(320, 180), { width: 320 }))).status).toBe(400); // too small
    expect((await upload(wf.id, thumb.id, token, png, "image/jpeg")).status).toBe(415); // says JPEG, is PNG
    expect((await upload(wf.id, thumb.id, token, png, "image/gif")).status).toBe(415);
    expect((await upload(wf.id, thumb.id, token, new Uint8Array(2_000_001))).status).toBe(413);
    expect((await upload(wf.id, crypto.randomUUID(), token, png)).status).toBe(400);
    expect((await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token })).body.thumbnails).toEqual(before);
    // Someone else's workflow is not found.
    const other = await newUser("upload-other");
    expect((await upload(wf.id, thumb.id, other.token, png)).status).toBe(404);
  });
});
