import "./styles/theme.css";
import "./styles/base.css";
import "./styles/controls.css";
import "./styles/dashboard.css";
import "./styles/workflow.css";
import "./styles/monitor.css";
import "./styles/pages.css";
import { render } from "preact";
import { App } from "./components/App";
import { AppContext } from "./models/context";
import { RouterModel } from "./models/router";
import { SessionModel } from "./models/session";

// App-lifetime models: created once here, handed down through context.
const router = new RouterModel();
const session = new SessionModel(router);

render(
  <AppContext.Provider value={{ router, session }}>
    <App />
  </AppContext.Provider>,
  document.getElementById("app")!,
);
