// Components read models from context, never from module globals, so screens stay testable.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Router } from "./router";
import type { Session } from "./session";
import type { Workflow } from "./workflow";

export const AppContext = createContext<{ router: Router; session: Session }>(null!);
export const useApp = () => useContext(AppContext);

export const WorkflowContext = createContext<Workflow>(null!);
export const useWorkflow = () => useContext(WorkflowContext);
