// What a signed-out visitor sees first: in two lines what the product does, a picture of the
// pipeline from idea to a proven video package, and the way to sign up.
import { Link } from "./ui";

const STEPS: [string, string][] = [
  ["Idea", "your topic"],
  ["Trends", "what people search"],
  ["Scripts", "you approve one"],
  ["Thumbnails", "you pick from three"],
  ["A/B test", "until one is proven"],
  ["Studio package", "title, description, chapters"],
];

export function Landing({ signup }: { signup: boolean }) {
  return (
    <section class="landing" aria-labelledby="landing-title">
      <h2 id="landing-title">From a video idea to a thumbnail proven to get more clicks.</h2>
      <p>
        Creator Agent Toolbox researches your topic, writes scripts you can record, draws three thumbnails and tests them on real or
        simulated viewers until one wins, then hands you everything to paste into YouTube Studio.
      </p>
      <figure class="pipeline">
        <ol aria-label="The pipeline, step by step">
          {STEPS.map(([name, what], i) => (
            <li key={name}>
              <span class="step-n" aria-hidden="true">
                {i + 1}
              </span>
              <strong>{name}</strong>
              <span class="small">{what}</span>
            </li>
          ))}
        </ol>
        <figcaption class="small muted">You decide at two gates (the script and the thumbnail); the test decides the winner.</figcaption>
      </figure>
      {!signup && (
        <p>
          <Link href="/signup" class="button primary">
            Create a free account
          </Link>
        </p>
      )}
    </section>
  );
}
