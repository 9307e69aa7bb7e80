// The screens after the first page, in one lazily loaded chunk (one download, one gzip context).
export { WorkflowPage } from "./WorkflowPage";
export { Settings } from "./settings/Settings";
