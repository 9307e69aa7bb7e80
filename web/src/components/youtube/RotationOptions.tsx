// What the rotation swaps (thumbnail, title or both), the title of each variant when titles vary
// (prefilled from the scripts), and how many days it runs.
import type { RotationVary } from "../../../../worker/shared/contract";
import { useWorkflow } from "../../models/context";
import { defaultDays, MAX_DAYS, MIN_DAYS, titlesVary, type TestSetup } from "../../models/test-setup";
import { Field } from "../ui";

const VARY: [RotationVary, string][] = [
  ["thumbnail", "Thumbnails (your title stays)"],
  ["title", "Titles (your thumbnail stays)"],
  ["both", "Thumbnail and title together"],
];

export function RotationOptions({ setup, errors }: { setup: TestSetup; errors: Record<string, string> }) {
  const m = useWorkflow();
  const wf = m.workflow.value!;
  const vary = setup.vary.value;
  const n = wf.thumbnails.length;
  return (
    <>
      <fieldset>
        <legend>What the rotation changes</legend>
        {VARY.map(([id, text]) => (
          <label key={id} class="choose">
            <input type="radio" name="vary" value={id} checked={vary === id} onChange={() => (setup.vary.value = id)} />
            {text}
          </label>
        ))}
        {errors.vary && <small class="error">{errors.vary}</small>}
      </fieldset>
      {titlesVary(vary) && (
        <fieldset class="titles">
          <legend>The title each variant shows</legend>
          <p class="muted small">Your pick gets the approved script's title, the others the other scripts' titles. Change any of them.</p>
          {wf.thumbnails.map((t) => (
            <Field
              key={t.id}
              label={`${m.labelOf(t.id)}${t.id === setup.pickId.value ? " (your pick)" : ""}`}
              name={`title-${t.id}`}
              maxLength={100}
              required
              value={setup.titles.value[t.id] ?? ""}
              error={errors[t.id]}
              onInput={(e) => setup.setTitle(t.id, e.currentTarget.value)}
            />
          ))}
        </fieldset>
      )}
      <Field
        label="Days"
        name="days"
        type="number"
        inputMode="numeric"
        min={MIN_DAYS}
        max={MAX_DAYS}
        value={String(setup.days.value)}
        error={errors.days}
        hint={`Suggested: ${defaultDays(n)} days, so each of the ${n} variants is live once on every weekday (days run midnight to midnight Pacific). Longer tests find smaller differences.`}
        onInput={(e) => (setup.days.value = Number(e.currentTarget.value))}
      />
    </>
  );
}
