import type * as v from 'valibot';
import { parseWith, type Reply } from './schemas';
import { senderKind, type SenderInfo, type SenderKind } from './senders';

type Message = { type: string };

/**
 * One handler per message type, with the kind of sender allowed to send it; each answers with
 * the reply the protocol declares for its message (protocol.ts).
 */
export type Routes<M extends Message, R extends { [K in M['type']]: Reply<object> }> = {
  [K in M['type']]: {
    from: SenderKind;
    handle: (message: Extract<M, { type: K }>, sender: SenderInfo) => Promise<R[K]>;
  };
};

/**
 * A runtime.onMessage listener that validates every message and its sender before any handler
 * runs. Refusals are answered with `{ ok: false, error }` so no caller waits forever.
 */
export function createRouter<
  S extends v.GenericSchema<unknown, Message>,
  R extends { [K in v.InferOutput<S>['type']]: Reply<object> },
>(
  schema: S,
  routes: Routes<v.InferOutput<S>, R>,
  self: { id: string; origin: string },
): (message: unknown, sender: SenderInfo) => Promise<Reply<object>> {
  return async (message, sender) => {
    const parsed = parseWith(schema, message);
    if (!parsed.ok) return { ok: false, error: `Refused message: ${parsed.error}` };
    const type = parsed.value.type as v.InferOutput<S>['type'];
    const route = routes[type];
    const kind = senderKind(sender, self.id, self.origin);
    if (kind !== route.from) return { ok: false, error: `Refused ${type} from this sender` };
    try {
      return await route.handle(parsed.value as never, sender);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
