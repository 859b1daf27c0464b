/**
 * Frontmatter drawn from the article schema's own shape (src/lib/articleSchema.ts):
 * every field is either missing, valid, of the wrong type, empty, or huge.
 * A field added to the schema is drawn too, with no change here, as long as
 * it is built from strings, numbers, booleans, lists, enums, dates or groups.
 */
import fc from 'fast-check';
import type { z } from 'astro/zod';
import { articleSchema } from '../../src/lib/articleSchema.ts';

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'enum' | 'date' | 'object';

interface FieldShape {
  kind: Kind;
  /** Values an enum allows. */
  options: string[];
  /** The parts of a group field. */
  parts: Record<string, FieldShape>;
  /** May be left out (optional or with a default). */
  optional: boolean;
}

/** Looks through optional(), default(), transforms and unions to the type an editor writes. */
function shapeOf(type: z.ZodType): FieldShape {
  let current = type as unknown as { def: Record<string, unknown> & { type: string } };
  let optional = false;
  for (;;) {
    const { def } = current;
    optional ||= def.type === 'optional' || def.type === 'default';
    if (def.innerType) current = def.innerType as typeof current;
    else if (def.type === 'pipe') current = def.in as typeof current;
    else break;
  }
  const { def } = current;
  const base = { options: [], parts: {}, optional };
  if (def.type === 'union') return { ...base, kind: 'date' };
  if (def.type === 'enum') return { ...base, kind: 'enum', options: Object.values(def.entries as Record<string, string>) };
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.ZodType>;
    return { ...base, kind: 'object', parts: Object.fromEntries(Object.entries(shape).map(([key, part]) => [key, shapeOf(part)])) };
  }
  return { ...base, kind: def.type as Kind };
}

const text = fc.string({ minLength: 1, maxLength: 30 }).filter((value) => value.trim() !== '');
const day = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

function valid(shape: FieldShape): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string':
      return text;
    case 'date':
      return day;
    case 'number':
      return fc.integer({ min: 1, max: 99 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(text, { maxLength: 4 });
    case 'enum':
      return fc.constantFrom(...shape.options);
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(shape.parts).map(([key, part]) => [key, valid(part)])), {
        requiredKeys: Object.keys(shape.parts).filter((key) => !shape.parts[key]!.optional),
      });
  }
}

/** A value of some other type than the field's own. */
function wrongType(shape: FieldShape): fc.Arbitrary<unknown> {
  const textual = shape.kind === 'string' || shape.kind === 'date' || shape.kind === 'enum';
  const others: fc.Arbitrary<unknown>[] = [fc.constant(null)];
  if (!textual) others.push(text);
  if (shape.kind !== 'number') others.push(fc.integer());
  if (shape.kind !== 'boolean') others.push(fc.boolean());
  if (shape.kind !== 'array') others.push(fc.array(fc.integer(), { minLength: 1, maxLength: 3 }));
  if (shape.kind !== 'object') others.push(fc.dictionary(fc.constantFrom('a', 'b'), fc.integer(), { minKeys: 1 }));
  return fc.oneof(...others);
}

const empty = (shape: FieldShape) =>
  ({ string: fc.constant(''), date: fc.constant(''), enum: fc.constant(''), number: fc.constant(0), boolean: fc.constant(null), array: fc.constant([]), object: fc.constant({}) })[shape.kind];

/** Values far past anything printed: a 100,000-character text, a 2,000-item list, 1e300. */
const huge = (shape: FieldShape) =>
  ({
    string: fc.constant('云'.repeat(100_000)),
    date: fc.constant(`2022-02-24${' '.repeat(10_000)}x`),
    enum: fc.constant('photo'.repeat(20_000)),
    number: fc.constantFrom(1e300, Number.MAX_SAFE_INTEGER + 2, -1e300),
    boolean: fc.constant('true'.repeat(20_000)),
    array: fc.constant(Array.from({ length: 2_000 }, (_, index) => `标签${index}`)),
    object: fc.constant({ src: `./${'a'.repeat(5_000)}.jpg`, alt: '图'.repeat(50_000) }),
  })[shape.kind];

export const fieldShapes: Record<string, FieldShape> = Object.fromEntries(
  Object.entries(articleSchema.shape).map(([field, type]) => [field, shapeOf(type as z.ZodType)]),
);

const MISSING = Symbol('missing');

/** One frontmatter object: each field missing (often), valid, wrong, empty or huge. */
export const frontmatterArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    Object.fromEntries(
      Object.entries(fieldShapes).map(([field, shape]) => [
        field,
        fc.oneof(
          // Required fields are mostly valid, so that the other fields' failures are reached too.
          { arbitrary: fc.constant(MISSING), weight: shape.optional ? 6 : 1 },
          { arbitrary: valid(shape), weight: shape.optional ? 3 : 8 },
          { arbitrary: wrongType(shape), weight: 1 },
          { arbitrary: empty(shape), weight: 1 },
          { arbitrary: huge(shape), weight: 1 },
        ),
      ]),
    ),
  )
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== MISSING)));
