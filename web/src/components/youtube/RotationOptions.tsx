// Which thumbnails take turns (all of them, or the pick and one other), what the rotation swaps
// (thumbnail, title or both), the title of each tested variant when titles vary (prefilled from
// the scripts), and how many days it runs.
import type { RotationVary } from "../../../../worker/shared/contract";
import { useWorkflow } from "../../models/context";
import { MAX_DAYS, MIN_DAYS, titlesVary, type TestSetup } from "../../models/test-setup";
import { Field } from "../ui";
import { RotationPlan } from "./RotationPlan";

const VARY: [RotationVary, string][] = [
  ["thumbnail", "Thumbnails (your title stays)"],
  ["title", "Titles (your thumbnail stays)"],
  ["both", "Thumbnail and title together"],
];

export function RotationOptions({ setup, errors }: { setup: TestSetup; errors: Record<string, string> }) {
  const m = useWorkflow();
  const wf = m.workflow.value!;
  const vary = setup.vary.value;
  const all = wf.thumbnails.length;
  const tested = setup.variants.value;
  const n = tested.length;
  const pickId = setup.pickId.value;
  const two = n < all ? setup.pair.value : null;
  const others = pickId ? wf.thumbnails.filter((t) => t.id !== pickId) : [];
  const check = setup.check.value;
  const plan = check && check.ref === setup.video.value.trim() ? check.result.plan : null;
  return (
    <>
      {all > 2 && (
        <fieldset aria-describedby={errors.variants ? "variants-err" : undefined}>
          <legend>Which thumbnails take turns</legend>
          <label class="choose">
            <input type="radio" name="variants" value="all" checked={!two} onChange={() => setup.choosePair(null)} />
            {all === 3 ? "All three" : `All ${all}`}
          </label>
          {others.map((t) => (
            <label key={t.id} class="choose">
              <input type="radio" name="variants" value={t.id} checked={two === t.id} onChange={() => setup.choosePair(t.id)} />
              Two: my pick and {m.labelOf(t.id)}
            </label>
          ))}
          {!pickId && (
            <label class="choose">
              <input type="radio" name="variants" value="two" disabled />
              Two: my pick and one other (pick a thumbnail first)
            </label>
          )}
          {errors.variants && (
            <small class="error" id="variants-err">
              {errors.variants}
            </small>
          )}
        </fieldset>
      )}
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
          <p class="muted small">Your pick gets the approved title, the others the other scripts' titles.</p>
          {tested.map((id) => (
            <Field
              key={id}
              label={`${m.labelOf(id)}${id === pickId ? " (your pick)" : ""}`}
              name={`title-${id}`}
              maxLength={100}
              required
              value={setup.titles.value[id] ?? ""}
              error={errors[id]}
              onInput={(e) => setup.setTitle(id, e.currentTarget.value)}
            />
          ))}
        </fieldset>
      )}
      {plan && <RotationPlan plan={plan} setup={setup} others={others.map((t) => t.id)} />}
      <Field
        label="Days"
        name="days"
        type="number"
        inputMode="numeric"
        min={MIN_DAYS}
        max={MAX_DAYS}
        value={String(setup.days.value)}
        error={errors.days}
        hint="Days run midnight to midnight Pacific."
        onInput={(e) => (setup.days.value = Number(e.currentTarget.value))}
      />
    </>
  );
}
