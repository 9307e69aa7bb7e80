// The one runner of the core's effects: a timer's described call goes in, the command that
// reports its outcome comes out. The Durable Object only dispatches here and commits the answer.
import type { RotationEffect } from "../domain/rotation/effects";
import type { Command } from "../domain/workflow";
import { type RotationContext, runRotationEffect } from "./rotation";

export type Effect = RotationEffect;
export type EffectContext = RotationContext;

export const runEffect = (effect: Effect, ctx: EffectContext): Promise<Command> => runRotationEffect(effect, ctx);
