// The image-model designer: the model draws the background and the subject, never the words.
// Each style's prompt comes from the approved script and the topic (face-focused: the creator's
// reaction, with their own photos as references; product demo: the promise; viral: a curiosity
// hook), and asks for an empty side where our headline layer goes. The headline is the embedded
// designer's, set by resvg over the picture, so spelling, size and placement stay ours.
// What the model sends back is decoded like an upload (within the same caps) and re-encoded, so a
// broken or oversized answer is a failure, and a failed variant falls back to the embedded art.
import { hashString } from "../domain/seed";
import { decodeImage } from "../lib/image-decode";
import { encodeJpeg, resize } from "../lib/image-encode";
import type { Rgba } from "../lib/image-decode";
import type { Script, ThumbnailStyle } from "../shared/contract";
import type { ImageModel } from "./image-models";
import { reason } from "./reason";
import { svgThumbnailDesigner } from "./svg-thumbnails";
import { topicProfile } from "./topic-kind";
import type { ThumbnailDesign, ThumbnailDesigner, ThumbnailInput } from "./types";

const W = 1280;
const H = 720;
const NO_TEXT = "Photographic, high contrast, vivid. Absolutely no text, letters, numbers, captions, logos or watermarks anywhere.";

const ART_PROMPTS: Record<ThumbnailStyle, (subject: string, script: Script, withFace: boolean) => string> = {
  FACE_FOCUSED: (subject, script, withFace) =>
    `YouTube thumbnail photo about ${subject}. ${withFace ? "The person in the reference photos" : "An expressive presenter"}, close-up, reacting with wide-eyed surprise to "${script.hook}", placed in the right third and looking at the camera, sharp and well lit. The left half is a simple darker background related to ${subject}, left empty for a headline. ${NO_TEXT}`,
  PRODUCT_DEMO: (subject, script, withFace) =>
    `YouTube thumbnail photo about ${subject}: ${subject} shown large and sharp in the left half, clean bright studio light, showing the promise of "${script.title}"${withFace ? ", with the person in the reference photos holding or using it" : ""}. The right half is a plain light background left empty for a headline. ${NO_TEXT}`,
  VIRAL: (subject, script, withFace) =>
    `YouTube thumbnail photo about ${subject}: one dramatic, saturated scene that makes viewers ask "${script.hook}", the key detail large in the right half${withFace ? ", the person in the reference photos reacting beside it" : ""}, bold colours. The left half is darker and uncluttered, left empty for a headline. ${NO_TEXT}`,
};

/** Scales to cover 1280×720 and crops the middle, as YouTube would show a non-16:9 image. */
export function coverFrame(image: Rgba): Rgba {
  const scale = Math.max(W / image.width, H / image.height);
  const scaled = resize(image, Math.max(W, Math.round(image.width * scale)), Math.max(H, Math.round(image.height * scale)));
  const left = Math.floor((scaled.width - W) / 2);
  const top = Math.floor((scaled.height - H) / 2);
  const data = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++)
    data.set(scaled.data.subarray(((y + top) * scaled.width + left) * 4, ((y + top) * scaled.width + left + W) * 4), y * W * 4);
  return { width: W, height: H, data };
}

/** The model's answer as a clean 1280×720 JPEG, or an error (it is decoded like an upload). */
function artFrom(bytes: Uint8Array): Uint8Array {
  const type = bytes[0] === 0x89 ? "image/png" : "image/jpeg";
  return encodeJpeg(coverFrame(decodeImage(bytes, type)), 88);
}

export function createImageModelDesigner(model: ImageModel): ThumbnailDesigner {
  return {
    name: model.name,
    async design(input: ThumbnailInput): Promise<ThumbnailDesign[]> {
      const embedded = await svgThumbnailDesigner.design(input);
      const subject = topicProfile(input.topic, input.niche ?? null).topic;
      const references = input.references?.images ?? [];
      const faceStyles = new Set(input.references?.styles ?? []);
      // Three variants at once: a model that answers in seconds makes all three in about one.
      return Promise.all(
        embedded.map(async (design): Promise<ThumbnailDesign> => {
          const withFace = references.length > 0 && faceStyles.has(design.style);
          const prompt = ART_PROMPTS[design.style](subject, input.script, withFace);
          const seed = hashString(`${input.topic}|${input.script.id}|${design.style}|${input.variation ?? 0}`) % 1_000_000;
          try {
            const bytes = await model.draw({ prompt, width: W, height: H, seed, references: withFace ? references : [] });
            return { ...design, prompt, art: artFrom(bytes), source: model.name };
          } catch (err) {
            return { ...design, source: "embedded", note: `${model.name} failed (${reason(err)}); the embedded design was used.` };
          }
        }),
      );
    },
  };
}
