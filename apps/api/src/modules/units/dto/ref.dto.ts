import { ApiProperty } from '@nestjs/swagger';

/** A reference to a unit or a person: its id and its name. */
export class RefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export function refOf(id: string | null, name: string | null): RefDto | null {
  return id && name ? { id, name } : null;
}
