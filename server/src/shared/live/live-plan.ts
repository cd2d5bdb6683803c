import {
  execute,
  Kind,
  visit,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

export type ErrorFormatter = (errors: readonly GraphQLError[]) => GraphQLFormattedError[];

/**
 * One distinct subscription document (with the variables its selection uses), shared by every
 * subscriber that sent it. The hub renders it once per event and audience, whatever the number of
 * subscribers, and writes the same serialised payload to each of them.
 */
export class LivePlan {
  /** Subscribers holding this plan; the registry drops it when the last one leaves. */
  holders = 0;

  constructor(
    readonly key: string,
    private readonly schema: GraphQLSchema,
    private readonly document: DocumentNode,
    private readonly operationName: string | undefined,
    private readonly variableValues: Record<string, unknown> | undefined,
    private readonly formatErrors: ErrorFormatter,
    private readonly onRelease: (plan: LivePlan) => void,
  ) {}

  /** Executes the document on one event, as seen by one audience, and serialises the `payload`. */
  async render(root: unknown, contextValue: unknown): Promise<string> {
    const result = await execute({
      schema: this.schema,
      document: this.document,
      rootValue: root,
      contextValue,
      variableValues: this.variableValues,
      operationName: this.operationName,
    });
    const { errors, ...rest } = result;
    return JSON.stringify(errors ? { ...rest, errors: this.formatErrors(errors) } : rest);
  }

  release(): void {
    this.holders -= 1;
    if (this.holders <= 0) this.onRelease(this);
  }
}

/**
 * The variables a document's selection depends on. Those used only in the root field's arguments
 * (the thread, the unit, the cursor to resume from, the tracking code) choose what the subscriber
 * follows and where it resumes, not what each event renders to, so subscribers differing only in
 * them share one plan.
 */
export function renderedVariables(document: DocumentNode, operationName: string | undefined): Set<string> | null {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  const root = operation?.selectionSet.selections[0];
  if (!operation || root?.kind !== Kind.FIELD || operation.selectionSet.selections.length !== 1) return null;
  const withoutRootArguments = visit(document, {
    Field: (node) => (node === root ? { ...node, arguments: [] } : undefined),
  });
  const used = new Set<string>();
  visit(withoutRootArguments, {
    Variable: (node) => void used.add(node.name.value),
    // A definition's own name is not a use.
    VariableDefinition: () => false,
  });
  return used;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The live plans in use on one instance, by document, operation and rendered variables. */
export class LivePlans {
  private readonly plans = new Map<string, LivePlan>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly formatErrors: ErrorFormatter,
  ) {}

  acquire(
    query: string,
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown> | undefined,
  ): LivePlan {
    const rendered = renderedVariables(document, operationName);
    const shared = Object.fromEntries(
      Object.entries(variables ?? {}).filter(([name]) => rendered === null || rendered.has(name)),
    );
    const key = `${operationName ?? ''}\u0000${query}\u0000${stableJson(shared)}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = new LivePlan(key, this.schema, document, operationName, variables, this.formatErrors, (released) => {
        if (this.plans.get(released.key) === released) this.plans.delete(released.key);
      });
      this.plans.set(key, plan);
    }
    plan.holders += 1;
    return plan;
  }
}
