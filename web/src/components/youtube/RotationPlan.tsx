// The plan before the rotation starts, from the video check: the chance to prove a 10/20/50% CTR
// lift for each length and number of variants, the recommended design with a one-click "use
// this", and the server's warning when the video's traffic is too small.
import type { RotationPlanAdvice } from "../../../../worker/shared/contract";
import type { TestSetup } from "../../models/test-setup";
import { Alert } from "../ui";

const pct = (p: number) => `${Math.round(100 * p)}%`;

export function RotationPlan({ plan, setup, others }: { plan: RotationPlanAdvice; setup: TestSetup; others: string[] }) {
  const rec = plan.recommended;
  const use = () => {
    // Two of three: the pick and the first other, which the creator may change above.
    if (others.length > 1) setup.choosePair(rec!.variants === 2 ? others[0]! : null);
    setup.days.value = rec!.days;
  };
  return (
    <section>
      <h3>Chance to prove a better thumbnail</h3>
      <p class="muted small">{plan.note}</p>
      {plan.warning && <Alert>{plan.warning}</Alert>}
      {plan.chances.length > 0 && (
        <table>
          <tr>
            <th>Variants, days</th>
            <th>+10% CTR</th>
            <th>+20%</th>
            <th>+50%</th>
          </tr>
          {/* The server lists the chances by variants, then days, then lift (10, 20, 50%): three to a row. */}
          {plan.chances.map(
            (c, i) =>
              i % 3 === 0 && (
                <tr class={rec?.variants === c.variants && rec.days === c.days ? "won" : ""}>
                  <th scope="row">
                    {c.variants}, {c.days} days
                  </th>
                  {plan.chances.slice(i, i + 3).map((x) => (
                    <td>{pct(x.power)}</td>
                  ))}
                </tr>
              ),
          )}
        </table>
      )}
      {rec && (
        <p>
          Recommended: {rec.variants} variants for {rec.days} days, {pct(rec.power)} to prove a {100 * rec.lift}% lift.{" "}
          <button type="button" onClick={use}>
            Use this
          </button>
        </p>
      )}
    </section>
  );
}
