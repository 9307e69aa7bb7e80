// The angle library by topic kind.
import type { TopicKind } from "../topic-kind";
import { GENERAL_ANGLES } from "./general";
import { PLACE_ANGLES } from "./place";
import { PRODUCT_ANGLES } from "./product";
import { RECIPE_ANGLES } from "./recipe";
import { SKILL_ANGLES } from "./skill";
import type { Angle } from "./types";

export type { Angle, AngleContext, AngleFamily } from "./types";

export const ANGLES_BY_KIND: Record<TopicKind, Angle[]> = {
  place: PLACE_ANGLES,
  recipe: RECIPE_ANGLES,
  product: PRODUCT_ANGLES,
  skill: SKILL_ANGLES,
  general: GENERAL_ANGLES,
};
