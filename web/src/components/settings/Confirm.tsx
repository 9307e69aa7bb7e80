// A button for an action that cannot be undone: the first click asks, the second acts.
import { useSignal } from "@preact/signals";

export function Confirm({
  label,
  sure,
  disabled,
  onConfirm,
}: {
  label: string;
  sure: string;
  disabled: boolean;
  onConfirm: () => unknown;
}) {
  const asking = useSignal(false);
  return (
    <button
      type="button"
      class={`small${asking.value ? " danger" : ""}`}
      disabled={disabled}
      onClick={() => {
        if (asking.value) void onConfirm();
        asking.value = !asking.value;
      }}
    >
      {asking.value ? sure : label}
    </button>
  );
}
