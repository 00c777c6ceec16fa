import { v7 } from 'uuid';

/** UUIDv7: time-ordered, so devices can create records offline without colliding. */
export function newId(): string {
  return v7();
}
