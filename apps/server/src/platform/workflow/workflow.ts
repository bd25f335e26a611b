import type { Permission } from '../identity/permissions.ts';

/**
 * Who acts on a workflow: the request's `Actor` fits, and so does a job's system actor. Only
 * what guards and permission checks need.
 */
export interface WorkflowActor {
  readonly userId: number | null;
  readonly username: string | null;
  readonly orgPath: string | null;
  readonly permissions: ReadonlySet<Permission>;
}

/** A guard returns true to allow the transition, or the reason it refuses (a stable code). */
export type Guard<E, R extends string> = (actor: WorkflowActor, entity: E) => true | R;

export interface TransitionSpec<S extends string, E, R extends string> {
  readonly from: readonly S[];
  readonly to: S;
  readonly guard?: Guard<E, R>;
  readonly permission?: Permission;
}

export interface WorkflowDefinition<
  S extends string,
  A extends string,
  E = unknown,
  R extends string = never,
> {
  /** Stable name; recorded in the history and in audit actions as `<name>.<action>`. */
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: S;
  readonly transitions: { readonly [K in A]: TransitionSpec<S, E, R> };
}

/**
 * Declares a state machine. State and action names are inferred as string-literal unions from
 * `states` and the keys of `transitions`; `from`/`to`/`initial` must name declared states, and
 * the entity type is taken from the guards' parameter annotations.
 */
export function defineWorkflow<
  const S extends string,
  const A extends string,
  E = unknown,
  R extends string = never,
>(definition: {
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: NoInfer<S>;
  readonly transitions: { readonly [K in A]: TransitionSpec<NoInfer<S>, E, R> };
}): WorkflowDefinition<S, A, E, R> {
  const states = new Set<string>(definition.states);
  if (states.size !== definition.states.length)
    throw new Error(`workflow ${definition.name}: duplicate state`);
  if (!states.has(definition.initial)) throw new Error(`workflow ${definition.name}: unknown initial state`);
  for (const [action, t] of Object.entries<TransitionSpec<S, E, R>>(definition.transitions)) {
    for (const s of [...t.from, t.to]) {
      if (!states.has(s)) throw new Error(`workflow ${definition.name}: ${action} names unknown state ${s}`);
    }
  }
  return Object.freeze(definition);
}

export type StateOf<W> = W extends WorkflowDefinition<infer S, string, infer _E, infer _R> ? S : never;
export type ActionOf<W> = W extends WorkflowDefinition<string, infer A, infer _E, infer _R> ? A : never;

export type Refusal<R extends string> = 'no_such_transition' | 'not_permitted' | R;

export type ApplyResult<S extends string, R extends string> =
  | { readonly ok: true; readonly from: S; readonly to: S }
  | { readonly ok: false; readonly reason: Refusal<R> };

/** `entity` is required when the workflow's guards look at one. */
export type ApplyInput<S extends string, A extends string, E> = {
  readonly state: S;
  readonly action: A;
  readonly actor: WorkflowActor;
} & (unknown extends E ? { readonly entity?: E } : { readonly entity: E });

const own = (o: object, key: string): boolean => Object.hasOwn(o, key);

/**
 * Decides one transition without side effects. Checks in order: the action exists and leaves
 * this state, the actor holds its permission, its guard allows it. `action` and `state` are
 * checked at run time too, since they often come from requests and database rows.
 */
export function apply<S extends string, A extends string, E, R extends string>(
  def: WorkflowDefinition<S, A, E, R>,
  input: ApplyInput<S, A, E>,
): ApplyResult<S, R> {
  const spec = own(def.transitions, input.action) ? def.transitions[input.action] : undefined;
  if (!spec?.from.includes(input.state)) return { ok: false, reason: 'no_such_transition' };
  if (spec.permission && !input.actor.permissions.has(spec.permission))
    return { ok: false, reason: 'not_permitted' };
  if (spec.guard) {
    const verdict = spec.guard(input.actor, input.entity as E);
    if (verdict !== true) return { ok: false, reason: verdict };
  }
  return { ok: true, from: input.state, to: spec.to };
}

/**
 * Actions the actor may take from this state, in declaration order. Guards are evaluated only
 * when the entity is given; without it, a guarded action is listed and `apply` has the last word.
 */
export function availableActions<S extends string, A extends string, E, R extends string>(
  def: WorkflowDefinition<S, A, E, R>,
  state: S,
  actor: WorkflowActor,
  entity?: E,
): A[] {
  const actions: A[] = [];
  for (const action of Object.keys(def.transitions) as A[]) {
    const spec = def.transitions[action];
    if (!spec.from.includes(state)) continue;
    if (spec.permission && !actor.permissions.has(spec.permission)) continue;
    if (spec.guard && entity !== undefined && spec.guard(actor, entity) !== true) continue;
    actions.push(action);
  }
  return actions;
}

/** Narrows a state read from a database row; a row outside the definition is a bug to surface. */
export const isState = <S extends string>(
  def: { readonly states: readonly S[] },
  value: string,
): value is S => (def.states as readonly string[]).includes(value);
