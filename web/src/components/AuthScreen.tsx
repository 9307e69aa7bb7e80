// Sign in and sign up share one form; only the title, the password rules and the action differ.
import { useSignal } from "@preact/signals";
import { fieldErrors, focusFirstInvalid } from "../api/client";
import { useApp } from "../models/context";
import { Landing } from "./Landing";
import { Alert, Field, Link, useTitle } from "./ui";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Mirrors RegisterRequest in the contract, so most mistakes are caught before a round trip. */
function validate(email: string, password: string, signup: boolean) {
  const errs: Record<string, string> = {};
  if (!EMAIL.test(email.trim())) errs.email = "Enter an email address like name@example.com.";
  if (!password) errs.password = "Enter your password.";
  else if (signup && password.length < 10) errs.password = "Use at least 10 characters.";
  else if (signup && !(/[a-z]/i.test(password) && /[^a-z]/i.test(password))) errs.password = "Mix letters with digits or symbols.";
  return errs;
}

export function AuthScreen({ mode }: { mode: "signin" | "signup" }) {
  const { session, router } = useApp();
  const signup = mode === "signup";
  const busy = useSignal(false);
  const local = useSignal<Record<string, string>>({});
  const failure = useSignal<unknown>(null);
  const title = signup ? "Create your account" : "Sign in";
  useTitle(title);
  const next = router.query.value.get("next");
  const other = (signup ? "/signin" : "/signup") + (next ? `?next=${encodeURIComponent(next)}` : "");

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "");
    const password = String(data.get("password") ?? "");
    failure.value = null;
    local.value = validate(email, password, signup);
    if (Object.keys(local.value).length) return focusFirstInvalid(form);
    busy.value = true;
    try {
      await (signup ? session.signUp(email, password) : session.signIn(email, password));
    } catch (err) {
      failure.value = err;
      focusFirstInvalid(form);
    } finally {
      busy.value = false;
    }
  };

  const server = fieldErrors(failure.value, ["email", "password", "username"]);
  const errs: Record<string, string | undefined> = {
    ...server.fields,
    email: server.fields.email ?? server.fields.username,
    ...local.value,
  };
  return (
    <div class="auth-page">
      <Landing signup={signup} />
      <section class="auth card">
        <h1 tabIndex={-1}>{title}</h1>
        {session.notice.value && <Alert tone="info">{session.notice.value}</Alert>}
        <form onSubmit={onSubmit} noValidate>
          <Field label="Email" name="email" type="email" autoComplete="email" required error={errs.email} />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete={signup ? "new-password" : "current-password"}
            required
            error={errs.password}
            hint={signup ? "At least 10 characters, mixing letters with digits or symbols." : undefined}
          />
          {server.form && <Alert>{server.form}</Alert>}
          <button class="primary" type="submit" disabled={busy.value}>
            {busy.value ? "Please wait…" : signup ? "Create account" : "Sign in"}
          </button>
        </form>
        <p>
          {signup ? "Already have an account? " : "New here? "}
          <Link href={other}>{signup ? "Sign in" : "Create an account"}</Link>
        </p>
      </section>
    </div>
  );
}
