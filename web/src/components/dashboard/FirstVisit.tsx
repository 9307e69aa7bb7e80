// What happens after "Start", in four steps, for a creator who has no workflow yet.
export const STEP_NAMES = ["Script", "Thumbnail", "A/B test", "Results"] as const;

const STEPS: [string, string][] = [
  ["Choose a script.", "Give a topic. We look at what is trending and write three scripts; approve one, edit it, or ask for changes."],
  ["Pick a thumbnail.", "Three thumbnails are drawn for the script. Your pick is the baseline; all three are tested."],
  ["Let the test run.", "Viewers see the thumbnails in turn. The test stops by itself once one is proven better, or at its deadline."],
  ["Use the results.", "Copy the winning title, description, tags and chapters into YouTube Studio, with the thumbnail as a PNG."],
];

export function FirstVisit() {
  return (
    <section class="card first-visit" aria-labelledby="how-title">
      <h2 id="how-title">How it works</h2>
      <ol>
        {STEPS.map(([title, text]) => (
          <li key={title}>
            <strong>{title}</strong> {text}
          </li>
        ))}
      </ol>
    </section>
  );
}
