// Dashboard: what needs the creator and how their tests are doing, plus a new workflow.
import { useModel } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useApp } from "../models/context";
import { DashboardModel } from "../models/dashboard";
import { DashboardContext } from "./dashboard/context";
import { FirstVisit } from "./dashboard/FirstVisit";
import { NewWorkflow } from "./dashboard/NewWorkflow";
import { WorkflowRows } from "./dashboard/WorkflowRows";
import { Alert, useTitle } from "./ui";

export function Dashboard() {
  const { router } = useApp();
  const m = useModel(() => new DashboardModel(router));
  useTitle("Dashboard");
  useEffect(() => {
    void m.loadHealth();
    void m.loadList();
  }, []);
  return (
    <DashboardContext.Provider value={m}>
      <div class="page-head">
        <h1 tabIndex={-1}>Dashboard</h1>
      </div>
      {m.healthError.value && (
        <Alert>
          The service cannot be reached right now ({m.healthError.value}).{" "}
          <button class="link" type="button" onClick={() => m.loadHealth()}>
            Try again
          </button>
        </Alert>
      )}
      {m.firstVisit.value && <FirstVisit />}
      <NewWorkflow />
      <WorkflowRows />
    </DashboardContext.Provider>
  );
}
