/**
 * Random operations over the schema for the differential test: any root field of the Query type,
 * random fields (every field of a type is a candidate; `__typename` on every object), nesting,
 * aliases, inline fragments on unions and interfaces, a named fragment, @include/@skip on
 * variables, filters, orders, page sizes (some out of range) and cursors (real ones and garbage).
 * Written against fast-check's `gen`, so every run is reproducible from the seed.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import fc from 'fast-check';

type Gen = fc.GeneratorValue;

export interface Pools {
  /** Ids of every type (and a few unknown ones). */
  ids: string[];
  /** Cursors the API issued (any order), to page after and before. */
  cursors: string[];
}

const DATES = ['2010', '2012-11', '2013', '1998-05-14', '2016-06', '1980'];
const TEXTS = ['', 'drug', 'of', 'customs', 'x', 'MINISTER'];

/** Unbiased choices: fast-check's default bias towards small values would skew every probability. */
const below = (g: Gen, n: number): number => g((max: number) => fc.noBias(fc.nat(max)), n - 1);
const pick = <T>(g: Gen, items: readonly T[]): T => items[below(g, items.length)]!;
const chance = (g: Gen, p: number): boolean => below(g, 1000) < p * 1000;

function subset<T>(g: Gen, items: readonly T[], max: number): T[] {
  const n = below(g, Math.min(max, items.length) + 1);
  const out = new Set<T>();
  for (let i = 0; i < n; i++) out.add(pick(g, items));
  return [...out];
}

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
  /** The root fields it asks for. */
  roots: string[];
}

export class OperationGenerator {
  /** Every root field of the schema's Query type. */
  readonly roots: readonly string[];
  private aliases = 0;
  private usesFragment = false;
  private readonly usedVariables = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: Pools,
  ) {
    this.roots = Object.keys(schema.getQueryType()!.getFields());
  }

  /** One operation: 1–2 root fields (the first one `first` when given), and the variables it declares. */
  operation(g: Gen, first?: string): GeneratedOperation {
    this.aliases = 0;
    this.usesFragment = false;
    this.usedVariables.clear();
    const query = this.schema.getQueryType()!;
    const names = Array.from({ length: chance(g, 0.2) ? 2 : 1 }, (_, i) => (i === 0 && first ? first : pick(g, this.roots)));
    const roots = names.map((name) => {
      const field = query.getFields()[name]!;
      const args = this.args(g, field, true);
      const depth = name === 'node' || name === 'nodes' ? 3 : 4;
      return `${args ? `a${++this.aliases}: ` : this.alias(g, 0.3)}${name}${args} ${this.selection(g, getNamedType(field.type), depth)}`;
    });
    const fragment = this.usesFragment ? '\nfragment Bits on Entity { __typename id name provenance { section dataset } }' : '';
    const declared = [...this.usedVariables].sort().map((v) => `$${v}: Boolean = ${v === 'yes'}`);
    const head = declared.length > 0 ? `query Generated(${declared.join(', ')})` : 'query Generated';
    return { query: `${head} { ${roots.join(' ')} }${fragment}`, variables: chance(g, 0.2) ? { yes: false } : {}, roots: names };
  }

  private alias(g: Gen, p: number): string {
    return chance(g, p) ? `a${++this.aliases}: ` : '';
  }

  private directive(g: Gen): string {
    if (!chance(g, 0.1)) return '';
    const variable = pick(g, ['yes', 'no']);
    this.usedVariables.add(variable);
    return pick(g, [` @include(if: $${variable})`, ` @skip(if: $${variable})`]);
  }

  /** A selection set on `type`, at most `depth` levels of objects further. */
  selection(g: Gen, type: GraphQLNamedType, depth: number): string {
    if (isAbstractType(type)) {
      const parts = ['__typename'];
      if (type.name !== 'MeetingMember') parts.push(chance(g, 0.5) ? 'id' : '');
      for (const concrete of subset(g, this.schema.getPossibleTypes(type), 3)) parts.push(`... on ${concrete.name}${this.directive(g)} ${this.selection(g, concrete, depth)}`);
      if (type.name !== 'MeetingMember' && chance(g, 0.3)) {
        this.usesFragment = true;
        parts.push('...Bits');
      }
      return `{ ${parts.filter(Boolean).join(' ')} }`;
    }
    if (!isObjectType(type)) return '';
    const fields = Object.values(type.getFields());
    const chosen = subset(g, fields, depth > 0 ? 5 : 3).filter((f) => depth > 0 || isLeafType(getNamedType(f.type)));
    const parts = chosen.map((f) => {
      const named = getNamedType(f.type);
      const args = this.args(g, f as GraphQLField<unknown, unknown>, false);
      // Fields with arguments always get an alias, so two of them never conflict.
      const head = `${args ? `a${++this.aliases}: ` : this.alias(g, 0.15)}${f.name}${args}${this.directive(g)}`;
      return isLeafType(named) ? head : `${head} ${this.selection(g, named, depth - 1)}`;
    });
    // Every object says its type, so that the test can count the types the compared answers hold.
    return `{ __typename ${parts.join(' ')} }`;
  }

  private args(g: Gen, field: GraphQLField<unknown, unknown>, root: boolean): string {
    const parts: string[] = [];
    const names = field.args.map((a) => a.name);
    // A page goes one way: first/after or last/before (and now and then both, which is refused).
    const backward = names.includes('last') && chance(g, 0.25);
    const skip = chance(g, 0.05) ? [] : backward ? ['first', 'after'] : ['last', 'before'];
    for (const arg of field.args) {
      if (skip.includes(arg.name)) continue;
      const required = isNonNullType(arg.type);
      if (!required && !chance(g, root ? 0.35 : 0.5)) continue;
      const value = this.value(g, arg.name, arg.type);
      if (value !== null) parts.push(`${arg.name}: ${value}`);
    }
    return parts.length === 0 ? '' : `(${parts.join(', ')})`;
  }

  /** A literal for an input of `type` (named `name`): mostly valid, sometimes out of range. */
  private value(g: Gen, name: string, type: GraphQLInputType): string | null {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      if (name === 'ids') return JSON.stringify(subset(g, this.pools.ids, 4));
      // commonMembers(meetings:) answers for meetings only: mostly those, now and then anything.
      if (name === 'meetings') return JSON.stringify(subset(g, chance(g, 0.8) ? this.pools.ids.filter((id) => id.startsWith('meeting:')) : this.pools.ids, 3));
      if (name === 'years') return JSON.stringify(subset(g, [2005, 2010, 2013, 2014, 1990], 3));
      const items = Array.from({ length: below(g, 4) }, () => this.value(g, name, inner.ofType)).filter((v) => v !== null);
      return `[${items.join(', ')}]`;
    }
    const named = getNamedType(inner);
    if (isEnumType(named)) return pick(g, named.getValues()).name;
    if (isInputObjectType(named)) {
      const fields = subset(g, Object.values(named.getFields()), 2);
      const required = Object.values(named.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
      const entries = [...new Set([...required, ...fields])].map((f) => `${f.name}: ${this.value(g, f.name, f.type)}`);
      return `{ ${entries.join(', ')} }`;
    }
    switch (named.name) {
      case 'Int':
        return String(chance(g, 0.08) ? pick(g, [0, 101, -1]) : 1 + below(g, 6));
      case 'Boolean':
        return String(chance(g, 0.5));
      case 'PartialDate':
        return JSON.stringify(pick(g, DATES));
      case 'ID':
        return JSON.stringify(pick(g, this.pools.ids));
      case 'String':
        if (name === 'after' || name === 'before') return JSON.stringify(chance(g, 0.15) ? 'not-a-cursor' : pick(g, this.pools.cursors));
        return JSON.stringify(pick(g, TEXTS));
      default:
        return null;
    }
  }
}
