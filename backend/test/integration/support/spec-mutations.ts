/**
 * Invalid variants of a valid request body, derived from its OpenAPI schema: each breaks
 * exactly one field (wrong type, out of range, too long, not in the enum, malformed UUID,
 * missing when required). A correct API must answer every one of them with a 4xx.
 */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
}

export interface Mutation {
  description: string;
  body: unknown;
}

type Json = Record<string, unknown>;

export function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop() as string], components);
  if (schema.allOf?.length) return resolve(schema.allOf[0], components);
  return schema;
}

/** Arrays nested 40 deep: past the API's 32-level limit on JSON bodies. */
const DEEP = JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`);

function invalidValues(schema: Schema): { why: string; value: unknown }[] {
  const values: { why: string; value: unknown }[] = [];
  if (!schema.nullable) values.push({ why: 'null', value: null });
  switch (schema.type) {
    case 'string':
      values.push(
        { why: 'a number', value: 12345 },
        { why: 'an object', value: { $gt: '' } },
        // Issue 20's hostile values: NUL (PostgreSQL text cannot hold it) and nesting past the parser's limit.
        { why: 'containing NUL', value: 'a\u0000b' },
        { why: 'nested 40 levels deep', value: DEEP },
      );
      if (schema.format === 'uuid') values.push({ why: 'not a UUID', value: "1' OR '1'='1" });
      if (schema.enum) values.push({ why: 'not in the enum', value: 'definitely-not-allowed' });
      if (schema.maxLength) values.push({ why: 'too long', value: 'x'.repeat(schema.maxLength + 1) });
      break;
    case 'integer':
      values.push({ why: 'a fraction', value: 1.5 }, { why: 'a string', value: '3' });
      if (schema.minimum !== undefined) values.push({ why: 'below the minimum', value: schema.minimum - 1 });
      if (schema.maximum !== undefined) values.push({ why: 'above the maximum', value: schema.maximum + 1 });
      break;
    case 'number':
      values.push({ why: 'a string', value: 'NaN' });
      if (schema.minimum !== undefined) values.push({ why: 'below the minimum', value: schema.minimum - 1 });
      if (schema.maximum !== undefined) values.push({ why: 'above the maximum', value: schema.maximum + 1 });
      break;
    case 'boolean':
      values.push({ why: 'a string', value: 'yes' }, { why: 'a number', value: 1 });
      break;
    case 'array':
      values.push({ why: 'not an array', value: 'oops' }, { why: 'an array of junk', value: [42] });
      // Arrays where the items are objects: class-validator's ValidateNested let nested arrays through.
      if (schema.items)
        values.push(
          { why: 'an array of empty arrays', value: [[]] },
          { why: 'an array of arrays of objects', value: [[{}]] },
        );
      break;
    case 'object':
      values.push({ why: 'not an object', value: 'oops' });
      break;
  }
  return values;
}

/** Every single-field breakage of `body` under `schema`, descending into nested objects and first array items. */
export function mutations(
  body: unknown,
  schema: Schema,
  components: Record<string, Schema>,
  path = 'body',
): Mutation[] {
  const resolved = resolve(schema, components);
  if (resolved.type === 'array' && Array.isArray(body) && body.length && resolved.items) {
    return mutations(body[0], resolved.items, components, `${path}.0`).map((m) => ({
      description: m.description,
      body: [m.body, ...body.slice(1)],
    }));
  }
  if (!resolved.properties || typeof body !== 'object' || body === null) return [];

  const result: Mutation[] = [];
  const object = body as Json;
  for (const [name, propertySchema] of Object.entries(resolved.properties)) {
    const field = resolve(propertySchema, components);
    const here = `${path}.${name}`;
    if (resolved.required?.includes(name) && name in object) {
      const { [name]: _removed, ...rest } = object;
      result.push({ description: `${here} missing`, body: rest });
    }
    if (!(name in object)) continue;
    for (const { why, value } of invalidValues(field)) {
      result.push({ description: `${here} ${why}`, body: { ...object, [name]: value } });
    }
    for (const nested of mutations(object[name], field, components, here)) {
      result.push({ description: nested.description, body: { ...object, [name]: nested.body } });
    }
  }
  result.push({ description: `${path} with an unknown field`, body: { ...object, is_admin: true } });
  return result;
}
