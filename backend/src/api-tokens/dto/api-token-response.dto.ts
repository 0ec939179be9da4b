import { ApiProperty } from '@nestjs/swagger';

import type { ApiTokenRow } from '../api-tokens.repository';
import { TOKEN_SCOPES, TokenScope } from '../token-scopes';

export class ApiTokenOwnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

/** A token as lists show it: never the secret. */
export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TOKEN_SCOPES, isArray: true }) scopes: TokenScope[];
  @ApiProperty({ example: 'rf_pat_4fQx9Z', description: 'The first characters of the token, to recognise it' })
  token_prefix: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Kept to the minute' }) last_used_at:
    string | null;
  @ApiProperty({ format: 'uuid', description: 'The owner: the token acts as this user' }) user_id: string;
  @ApiProperty({ type: ApiTokenOwnerDto }) owner: ApiTokenOwnerDto;

  static from(row: ApiTokenRow): ApiTokenDto {
    return {
      id: row.id,
      name: row.name,
      scopes: row.scopes,
      token_prefix: row.token_prefix,
      expires_at: new Date(row.expires_at).toISOString(),
      created_at: new Date(row.created_at).toISOString(),
      last_used_at: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
      user_id: row.user_id,
      owner: { id: row.user_id, name: row.owner_name, email: row.owner_email },
    };
  }
}

/** The answer to creating a token: the only time the secret is shown. */
export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({
    example: 'rf_pat_4fQx9Zc1Lm0Pq7Rs2Tu5Vw8Xy3Ab6Cd9Ef0Gh1',
    description:
      'The secret: send it as `Authorization: Bearer <token>`. Shown only now; only its SHA-256 digest is stored.',
  })
  token: string;
}
