// Thumbnails as Pollinations.ai image URLs, the prior prototype's behaviour: nothing is fetched
// here; the browser loads https://image.pollinations.ai/prompt/<prompt>?width=1280&height=720&seed=N.
// The seed comes from the inputs, so the same script and style always give the same image.
import { hashString } from "../domain/seed";
import type { ThumbnailStyle } from "../shared/contract";
import { headlineFor } from "./svg-thumbnails";
import type { ThumbnailDesign, ThumbnailDesigner, ThumbnailInput } from "./types";

export const POLLINATIONS_BASE_URL = "https://image.pollinations.ai/prompt/";
const MAX_PROMPT_CHARS = 600;

const STYLE_PROMPTS: Record<ThumbnailStyle, (topic: string, headline: string) => string> = {
  FACE_FOCUSED: (topic, headline) =>
    `YouTube thumbnail, close-up of an expressive creator's face reacting with surprise about ${topic}, ` +
    `eye contact with the camera, shallow depth of field, bold headline text "${headline}", high contrast, 16:9`,
  PRODUCT_DEMO: (topic, headline) =>
    `YouTube thumbnail, clean product demonstration of ${topic} on a tidy desk, hands in frame, ` +
    `soft studio lighting, clear focal object, short headline text "${headline}", 16:9`,
  VIRAL: (topic, headline) =>
    `YouTube thumbnail, bold viral style about ${topic}, saturated colours, big red arrow and circle, ` +
    `dramatic before-and-after split, huge headline text "${headline}", high energy, 16:9`,
};

export function pollinationsUrl(prompt: string, seed: number): string {
  const params = new URLSearchParams({ width: "1280", height: "720", seed: String(seed) });
  return `${POLLINATIONS_BASE_URL}${encodeURIComponent(prompt)}?${params}`;
}

export function createPollinationsThumbnailDesigner(): ThumbnailDesigner {
  return {
    name: "pollinations",
    async design(input: ThumbnailInput): Promise<ThumbnailDesign[]> {
      return input.styles.map((style) => {
        // Same headline as the SVG renderer, so switching providers keeps the wording.
        const headline = headlineFor(input.script, style);
        const prompt = STYLE_PROMPTS[style](input.topic, headline).slice(0, MAX_PROMPT_CHARS);
        const seed = hashString(`${input.topic}|${input.script.id}|${style}`) % 1_000_000;
        return { style, prompt, headline, external_url: pollinationsUrl(prompt, seed) };
      });
    },
  };
}
