// Small shared pieces: links, labelled fields with their error, badges and state messages.
import type { AnchorHTMLAttributes, ComponentChildren, InputHTMLAttributes, TextareaHTMLAttributes } from "preact";
import { useEffect } from "preact/hooks";
import type { WorkflowStatus } from "../../../worker/shared/contract";
import { useApp } from "../models/context";
import { STATUS_LABEL } from "../models/derive";

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
