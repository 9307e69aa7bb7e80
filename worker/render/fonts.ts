// The fonts every PNG is drawn with, bundled into the Worker (resvg in WebAssembly has no system
// fonts and we fetch nothing). All are SIL Open Font License 1.1:
// - Anton: a condensed display face, so a four-word headline stays huge at 168 px;
// - Noto Sans Black: Latin, Greek, Cyrillic and Vietnamese for everything Anton lacks;
// - Noto Emoji: monochrome outlines, so an emoji in a title never renders as nothing.
import anton from "@expo-google-fonts/anton/400Regular/Anton_400Regular.ttf";
import notoEmoji from "@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf";
import notoSansBlack from "@expo-google-fonts/noto-sans/900Black/NotoSans_900Black.ttf";

/** Family names as the SVG's font-family lists spell them. */
export const DISPLAY_FAMILY = "Anton";
export const TEXT_FAMILY = "Noto Sans";
export const EMOJI_FAMILY = "Noto Emoji";

export function fontBuffers(): Uint8Array[] {
  return [anton, notoSansBlack, notoEmoji].map((data) => new Uint8Array(data));
}
