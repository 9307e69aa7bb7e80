// Small shared pieces: links, labelled fields with their error, badges and state messages.
import type { AnchorHTMLAttributes, ComponentChildren, ComponentType, InputHTMLAttributes, TextareaHTMLAttributes } from "preact";
import { useSignal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import type { WorkflowStatus } from "../api/types";
import { useApp } from "../models/context";
import { STATUS_LABEL } from "../models/labels";

export function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { router } = useApp();
  const onClick = (e: MouseEvent) => {
    // Let the browser handle new-tab clicks; only plain clicks become in-app navigation.
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.navigate(href);
  };
  return <a href={href} onClick={onClick} {...rest} />;
}

type FieldProps = { label: string; name: string; error?: string; hint?: string } & (
  ({ as?: "input" } & InputHTMLAttributes<HTMLInputElement>) | ({ as: "textarea" } & TextareaHTMLAttributes<HTMLTextAreaElement>)
);

/** A label, its control, a hint and the server's or our own message, wired up for screen readers. */
export function Field({ label, name, error, hint, as, ...control }: FieldProps) {
  const id = `f-${name}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-err`].filter(Boolean).join(" ") || undefined;
  const common = { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {as === "textarea" ? (
        <textarea {...(control as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...common} />
      ) : (
        <input {...(control as InputHTMLAttributes<HTMLInputElement>)} {...common} />
      )}
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-err`} class="error">
          {error}
        </small>
      )}
    </div>
  );
}

export const StatusBadge = ({ status }: { status: WorkflowStatus }) => <span class={`badge s-${status}`}>{STATUS_LABEL[status]}</span>;

export const Alert = ({ children, tone = "error" }: { children: ComponentChildren; tone?: "error" | "info" }) => (
  <p class={`alert ${tone}`} role={tone === "error" ? "alert" : "status"}>
    {children}
  </p>
);

export const Loading = ({ label = "Loading…" }: { label?: string }) => (
  <p class="loading" role="status">
    <span class="spinner" aria-hidden="true" />
    {label}
  </p>
);

export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Creator Agent`;
  }, [title]);
}

/** A table that may scroll sideways on a phone: focusable and named, so the keyboard can scroll it too. */
export const TableWrap = ({ label, children }: { label: string; children: ComponentChildren }) => (
  <div class="table-wrap" tabIndex={0} role="region" aria-label={label}>
    {children}
  </div>
);

/** A status line as a sentence: a full stop unless it already ends in one. */
export const sentence = (text = "") => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Copies one field; says so next to the button, or asks to select by hand where copying is blocked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const state = useSignal<"" | "done" | "blocked">("");
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => (state.value = "done"),
      () => (state.value = "blocked"),
    );
  return (
    <span class="copy">
      <button type="button" class="small" onClick={copy} aria-label={`Copy ${label}`}>
        Copy
      </button>
      <span role="status" class="muted small">
        {state.value === "done" ? "Copied" : state.value === "blocked" ? "Select the text to copy it" : ""}
      </span>
    </span>
  );
}

/** A button for an action that cannot be undone: the first click asks, the second acts. */
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

/** Saves text as a file through a temporary link (the API answer needed the bearer token). */
export function saveFile(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Code-split screens without preact/compat: load once, show a loading state, offer retry on failure.

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>, label: string) {
  let loaded: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      load().then(
        (c) => {
          loaded = c;
          setReady(1);
        },
        () => setFailed(true),
      );
    }, []);
    if (loaded) {
      const C = loaded;
      return <C {...props} />;
    }
    if (failed)
      return (
        <Alert>
          This screen could not be loaded.{" "}
          <button class="link" type="button" onClick={() => location.reload()}>
            Reload
          </button>
        </Alert>
      );
    // No label: a part of a page that appears when it is ready (the team switcher).
    return label ? <Loading label={label} /> : null;
  };
}
