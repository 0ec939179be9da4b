import { ValidateIf } from 'class-validator';

/**
 * Like @IsOptional(), but only for a missing field: an explicit null is still validated (and
 * refused by the field's type check). @IsOptional() lets null through, which for a NOT NULL
 * column would reach the database.
 */
export const OptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);
