// A real modal: <dialog>.showModal() gives focus trapping, Escape and an inert page for free.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** The buttons row; the first focusable control gets focus when the dialog opens. */
  actions: ComponentChildren;
}

export function Dialog({ open, title, onClose, children, actions }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = `dlg-${title.replace(/\W+/g, "-").toLowerCase()}`;
  useEffect(() => {
    const d = ref.current!;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={id} onClose={onClose}>
      <h2 id={id}>{title}</h2>
      {children}
      <div class="actions">{actions}</div>
    </dialog>
  );
}
