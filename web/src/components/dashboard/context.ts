import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Dashboard } from "../../models/dashboard";

export const DashboardContext = createContext<Dashboard>(null!);
export const useDashboard = () => useContext(DashboardContext);
