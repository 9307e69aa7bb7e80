// Flat vector art for thumbnails, chosen by what the topic is about: a landmark and a map pin
// for a place, a steaming bowl for a recipe, the device for a product, the tool for a skill.
// Each motif is drawn in a 400×400 box; callers place it with a transform.
import type { TopicProfile } from "./topic-kind";

const INK = "#14121f";
const LINE = `stroke="${INK}" stroke-width="10" stroke-linejoin="round" stroke-linecap="round"`;

function pin(x: number, y: number, s: number, fill: string): string {
  return `<g transform="translate(${x} ${y}) scale(${s})"><path d="M0 -100 C-58 -100 -96 -60 -96 -6 C-96 60 0 130 0 130 C0 130 96 60 96 -6 C96 -60 58 -100 0 -100Z" fill="${fill}" ${LINE}/><circle cx="0" cy="-8" r="36" fill="#fff" ${LINE}/></g>`;
}

function torii(): string {
  const red = "#e63946";
  return `<rect x="60" y="120" width="280" height="34" rx="8" fill="${red}" ${LINE}/><rect x="40" y="96" width="320" height="30" rx="10" fill="${INK}"/>
<rect x="90" y="188" width="220" height="24" fill="${red}" ${LINE}/><rect x="105" y="150" width="34" height="230" fill="${red}" ${LINE}/><rect x="261" y="150" width="34" height="230" fill="${red}" ${LINE}/>`;
}

function tower(): string {
  return `<path d="M200 40 L220 150 L250 260 L300 380 L240 380 C235 330 165 330 160 380 L100 380 L150 260 L180 150Z" fill="#5b6170" ${LINE}/>
<path d="M150 260 H250 M180 150 H220" ${LINE}/>`;
}

function skyline(): string {
  const blocks = [
    [40, 230, 60],
    [100, 170, 70],
    [170, 110, 60],
    [230, 200, 60],
    [290, 150, 70],
  ];
  return blocks
    .map(
      ([x, y, w]) =>
        `<rect x="${x}" y="${y}" width="${w}" height="${380 - y!}" fill="#3d5a80" ${LINE}/>` +
        Array.from(
          { length: Math.floor((380 - y!) / 50) },
          (_, i) => `<rect x="${x! + 15}" y="${y! + 20 + i * 50}" width="${w! - 30}" height="14" fill="#ffd166"/>`,
        ).join(""),
    )
    .join("");
}

function place(profile: TopicProfile): string {
  const p = (profile.place ?? "").toLowerCase();
  const japan = /japan|tokyo|kyoto|osaka|hokkaido|okinawa/.test(p);
  const landmark = japan ? torii() : /paris|france/.test(p) ? tower() : skyline();
  // A snow-capped cone reads as Fuji behind a torii; elsewhere, two plain peaks.
  const hills = japan
    ? `<path d="M0 380 L150 190 C180 170 220 170 250 190 L400 380Z" fill="#8ecae6" ${LINE}/><path d="M150 190 C180 170 220 170 250 190 L280 228 L245 215 L220 232 L195 212 L170 230 L122 226Z" fill="#fff" ${LINE}/>`
    : `<path d="M0 380 L110 210 L190 300 L260 230 L400 380Z" fill="#8ecae6" ${LINE}/>`;
  return `<circle cx="320" cy="90" r="62" fill="#ffb703" ${LINE}/>${hills}${landmark}
<rect x="-10" y="372" width="420" height="28" rx="10" fill="#2a9d8f" ${LINE}/>${pin(330, 230, 0.75, "#e63946")}`;
}

function recipe(): string {
  const steam = [130, 200, 270]
    .map(
      (x) =>
        `<path d="M${x} 150 C${x - 30} 120 ${x + 30} 90 ${x} 60 C${x - 25} 35 ${x + 10} 15 ${x} 0" fill="none" stroke="#ffffff" stroke-width="14" stroke-linecap="round" opacity="0.9"/>`,
    )
    .join("");
  return `${steam}<path d="M20 210 H380 C380 320 300 380 200 380 C100 380 20 320 20 210Z" fill="#e76f51" ${LINE}/>
<ellipse cx="200" cy="210" rx="180" ry="36" fill="#f4a261" ${LINE}/>
<circle cx="150" cy="200" r="34" fill="#fff" ${LINE}/><circle cx="150" cy="200" r="15" fill="#ffb703"/>
<path d="M210 205 q20 -25 40 0 q20 -25 40 0" fill="none" stroke="#fefae0" stroke-width="12" stroke-linecap="round"/>
<circle cx="300" cy="200" r="10" fill="#2a9d8f"/><circle cx="250" cy="190" r="8" fill="#2a9d8f"/>
<path d="M250 170 L390 30 M275 180 L400 60" stroke="#8d5524" stroke-width="14" stroke-linecap="round"/>`;
}

function phone(): string {
  return `<rect x="110" y="20" width="180" height="360" rx="34" fill="${INK}" ${LINE}/>
<rect x="126" y="50" width="148" height="300" rx="14" fill="url(#screen)"/><circle cx="200" cy="35" r="6" fill="#555"/>
<rect x="146" y="80" width="108" height="70" rx="10" fill="#ffffff" opacity="0.85"/><rect x="146" y="170" width="108" height="14" rx="7" fill="#ffffff" opacity="0.7"/>
<rect x="146" y="196" width="80" height="14" rx="7" fill="#ffffff" opacity="0.7"/><circle cx="200" cy="300" r="24" fill="#ffffff" opacity="0.85"/>`;
}

function laptop(): string {
  return `<rect x="60" y="60" width="280" height="200" rx="16" fill="${INK}" ${LINE}/><rect x="78" y="78" width="244" height="164" rx="6" fill="url(#screen)"/>
<path d="M20 280 H380 L350 330 H50Z" fill="#9aa5b1" ${LINE}/><rect x="170" y="288" width="60" height="12" rx="5" fill="${INK}"/>`;
}

function camera(): string {
  return `<rect x="30" y="110" width="340" height="220" rx="30" fill="#2b2d42" ${LINE}/><rect x="70" y="80" width="90" height="40" rx="10" fill="#2b2d42" ${LINE}/>
<circle cx="210" cy="220" r="88" fill="#8d99ae" ${LINE}/><circle cx="210" cy="220" r="58" fill="url(#screen)" ${LINE}/><circle cx="190" cy="200" r="14" fill="#fff" opacity="0.8"/>
<circle cx="330" cy="150" r="12" fill="#ef233c"/>`;
}

function sparkle(x: number, y: number, s: number): string {
  return `<path transform="translate(${x} ${y}) scale(${s})" d="M0 -40 L10 -10 L40 0 L10 10 L0 40 L-10 10 L-40 0 L-10 -10Z" fill="#ffd166" ${LINE}/>`;
}

function product(profile: TopicProfile): string {
  const t = `${profile.topic} ${profile.subject}`.toLowerCase();
  const device = /laptop|macbook|notebook|chromebook|pc\b/.test(t) ? laptop() : /camera|lens|photograph/.test(t) ? camera() : phone();
  return `${device}${sparkle(350, 60, 0.9)}${sparkle(50, 330, 0.6)}`;
}

function guitar(): string {
  return `<g transform="rotate(-35 200 200)"><rect x="185" y="-20" width="30" height="240" fill="#8d5524" ${LINE}/><rect x="175" y="-50" width="50" height="50" rx="8" fill="${INK}"/>
<circle cx="200" cy="250" r="80" fill="#e09f3e" ${LINE}/><circle cx="200" cy="340" r="100" fill="#e09f3e" ${LINE}/><rect x="150" y="236" width="100" height="28" fill="#e09f3e"/>
<circle cx="200" cy="290" r="32" fill="${INK}"/><rect x="160" y="360" width="80" height="16" rx="4" fill="${INK}"/>
<path d="M192 -40 V368 M200 -40 V368 M208 -40 V368" stroke="#eee" stroke-width="3"/></g>`;
}

function code(): string {
  return `<rect x="20" y="50" width="360" height="300" rx="22" fill="#1d3557" ${LINE}/><rect x="20" y="50" width="360" height="50" rx="22" fill="${INK}"/>
<circle cx="55" cy="75" r="9" fill="#e63946"/><circle cx="85" cy="75" r="9" fill="#ffb703"/><circle cx="115" cy="75" r="9" fill="#2a9d8f"/>
<path d="M140 170 L90 225 L140 280 M260 170 L310 225 L260 280 M225 155 L175 295" fill="none" stroke="#8ecae6" stroke-width="22" stroke-linecap="round" stroke-linejoin="round"/>`;
}

function brush(): string {
  return `<path d="M40 330 C120 250 200 360 280 270 C320 230 360 250 370 280" fill="none" stroke="#e63946" stroke-width="34" stroke-linecap="round"/>
<g transform="rotate(40 200 200)"><rect x="180" y="20" width="40" height="220" rx="10" fill="#ffb703" ${LINE}/><path d="M180 240 H220 L200 300Z" fill="#f4d6a0" ${LINE}/><rect x="180" y="20" width="40" height="36" fill="#e76f51" ${LINE}/></g>`;
}

function bulb(): string {
  const rays = [0, 45, 90, 135, 180].map((a) => `<path transform="rotate(${a - 90} 200 170)" d="M200 20 V0" ${LINE}/>`).join("");
  return `${rays}<path d="M200 60 C130 60 90 110 90 165 C90 215 130 240 145 280 H255 C270 240 310 215 310 165 C310 110 270 60 200 60Z" fill="#ffd166" ${LINE}/>
<rect x="150" y="285" width="100" height="30" rx="8" fill="#adb5bd" ${LINE}/><rect x="160" y="318" width="80" height="26" rx="8" fill="#adb5bd" ${LINE}/><path d="M175 240 L190 170 L210 170 L225 240" fill="none" ${LINE}/>`;
}

function skill(profile: TopicProfile): string {
  const t = profile.topic.toLowerCase();
  if (/guitar|bass|ukulele|music|song/.test(t)) return guitar();
  if (/cod(e|ing)|program|python|javascript|typescript|excel|developer|web ?dev/.test(t)) return code();
  if (/draw|paint|sketch|art\b|calligraph|design/.test(t)) return brush();
  if (/photo|camera|film/.test(t)) return camera();
  return bulb();
}

function general(): string {
  const bars = [
    [40, 260],
    [130, 200],
    [220, 140],
    [310, 70],
  ];
  return `${bars.map(([x, y]) => `<rect x="${x}" y="${y}" width="70" height="${380 - y!}" rx="8" fill="#2a9d8f" ${LINE}/>`).join("")}
<path d="M30 230 L140 150 L220 180 L360 40" fill="none" stroke="#e63946" stroke-width="22" stroke-linecap="round" stroke-linejoin="round"/><path d="M300 40 H365 V105" fill="none" stroke="#e63946" stroke-width="22" stroke-linecap="round" stroke-linejoin="round"/>`;
}

/** Gradients the motifs refer to; put once in the SVG's <defs>. */
export const MOTIF_DEFS = `<linearGradient id="screen" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#4cc9f0"/><stop offset="1" stop-color="#7209b7"/></linearGradient>`;

export function motif(profile: TopicProfile): string {
  switch (profile.kind) {
    case "place":
      return place(profile);
    case "recipe":
      return recipe();
    case "product":
      return product(profile);
    case "skill":
      return skill(profile);
    default:
      return general();
  }
}

const SKIN = ["#f1c27d", "#c68642", "#8d5524", "#ffdbac", "#e0ac69"];
const HAIR = ["#2b1d14", "#3b2414", "#111111", "#6b4226", "#1c1c1c"];

/** A presenter reacting: shocked for stories and mistakes, a grin otherwise. Box 520 wide, 640 tall. */
export function presenter(variation: number, shocked: boolean, shirt: string): string {
  const skin = SKIN[variation % SKIN.length]!;
  const hair = HAIR[variation % HAIR.length]!;
  const mouth = shocked
    ? `<ellipse cx="260" cy="372" rx="42" ry="54" fill="#5c1a1b" ${LINE}/><path d="M230 345 Q260 335 290 345" stroke="#fff" stroke-width="10" fill="none"/>`
    : `<path d="M188 340 Q260 420 332 340 Z" fill="#5c1a1b" ${LINE}/><path d="M200 346 Q260 360 320 346" stroke="#fff" stroke-width="12" fill="none"/>`;
  const brows = shocked ? "M170 190 Q205 160 240 180 M280 180 Q315 160 350 190" : "M170 205 Q205 190 240 200 M280 200 Q315 190 350 205";
  return `<path d="M40 640 C40 520 140 470 260 470 C380 470 480 520 480 640Z" fill="${shirt}" ${LINE}/>
<rect x="220" y="400" width="80" height="90" fill="${skin}" ${LINE}/>
<ellipse cx="260" cy="280" rx="170" ry="190" fill="${skin}" ${LINE}/>
<path d="M90 260 C80 110 170 60 260 60 C360 60 445 110 430 260 C410 170 350 140 260 150 C180 150 120 170 90 260Z" fill="${hair}" ${LINE}/>
<ellipse cx="200" cy="255" rx="${shocked ? 36 : 30}" ry="${shocked ? 44 : 32}" fill="#fff" ${LINE}/><ellipse cx="320" cy="255" rx="${shocked ? 36 : 30}" ry="${shocked ? 44 : 32}" fill="#fff" ${LINE}/>
<circle cx="204" cy="262" r="15" fill="${INK}"/><circle cx="316" cy="262" r="15" fill="${INK}"/>
<path d="${brows}" fill="none" stroke="${hair}" stroke-width="16" stroke-linecap="round"/>${mouth}
<ellipse cx="88" cy="290" rx="24" ry="40" fill="${skin}" ${LINE}/><ellipse cx="432" cy="290" rx="24" ry="40" fill="${skin}" ${LINE}/>`;
}
