// Code-split screens without preact/compat: load once, show a loading state, offer retry on failure.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Alert, Loading } from "./ui";

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
    return <Loading label={label} />;
  };
}
