/**
 * The state of one compilation: fresh Cypher variable names, and the parameters the statement
 * needs, each bound from the request's variables when it runs (so one compiled text serves every
 * value). Also the selection walk: the fields a selection asks of one concrete type, collected
 * exactly as graphql-js collects them when it executes (fragments, type conditions, @skip/@include).
 */
import {
  getArgumentValues,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';

export type Variables = Readonly<Record<string, unknown>>;
/** How a parameter's value is computed from the request's variables. */
export type Binder = (variables: Variables) => unknown;

/** Returned by a root's `finish` when the resolver must answer after all (e.g. to report an unknown id). */
export const FALLBACK = Symbol('fallback');

/** Thrown when a selection cannot be compiled: the root field then runs through the resolvers. */
export class NotCompilable extends Error {}

/** Cypher fragments written once in cypher/ and used both by the repositories' statements and by the compiler. */
export interface SharedCypher {
  /** An agreement record from `key`, `r0`, `fromKeys`, `toKeys` (AgreementRepository.recordExpression). */
  agreementRecord: string;
}

export interface FieldGroup {
  /** The response key (alias or name). */
  key: string;
  name: string;
  def: GraphQLField<unknown, unknown>;
  nodes: FieldNode[];
}

export class Emit {
  private names = 0;
  readonly binders = new Map<string, Binder>();

  constructor(
    readonly schema: GraphQLSchema,
    readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>,
    readonly variables: Variables,
    /** Cypher the repositories share with the compiler (cypher/agreement/record.cypher). */
    readonly shared: SharedCypher,
  ) {}

  /** A fresh Cypher variable name (`v1`, `v2`, …): nested subqueries never shadow an outer one. */
  fresh(prefix = 'v'): string {
    this.names += 1;
    return `${prefix}${this.names}`;
  }

  /** A parameter bound at run time; returns its reference (`$c3`). */
  param(bind: Binder): string {
    const name = `c${this.binders.size}`;
    this.binders.set(name, bind);
    return `$${name}`;
  }

  /** A parameter holding one argument of a field (as graphql-js coerces it for the resolvers). */
  argument(group: FieldGroup, name: string, map: (value: unknown) => unknown = (v) => v ?? null): string {
    const { def, nodes } = group;
    return this.param((variables) => map(getArgumentValues(def, nodes[0]!, variables as Record<string, unknown>)[name]));
  }

  /** The fields `nodes`' selection asks of the concrete type `type`, by response key. */
  fieldsOf(type: GraphQLObjectType, nodes: readonly FieldNode[]): FieldGroup[] {
    const fields = collectSubfields(this.schema, this.fragments, this.variables as Record<string, unknown>, type, nodes as FieldNode[]);
    const groups: FieldGroup[] = [];
    for (const [key, fieldNodes] of fields) {
      const name = fieldNodes[0]!.name.value;
      if (name.startsWith('__')) continue;
      if (key === '__c') throw new NotCompilable('the alias __c is reserved by the compiler');
      const def = type.getFields()[name];
      if (!def) throw new NotCompilable(`unknown field ${type.name}.${name}`);
      groups.push({ key, name, def, nodes: [...fieldNodes] });
    }
    return groups;
  }

  /** The object types a value of `type` can be. */
  concreteTypes(type: GraphQLNamedType): readonly GraphQLObjectType[] {
    if (isObjectType(type)) return [type];
    if (isAbstractType(type)) return this.schema.getPossibleTypes(type);
    return [];
  }

  bind(variables: Variables): Record<string, unknown> {
    const params: Record<string, unknown> = {};
    for (const [name, bind] of this.binders) params[name] = bind(variables);
    return params;
  }
}

/** `{a: x, b: y}` from entries (the keys are GraphQL names, quoted with backticks). */
export function mapLiteral(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, v]) => `\`${k}\`: ${v}`).join(', ')}}`;
}
